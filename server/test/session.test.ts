import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ServerEventPayload, type SessionView } from '@hearth/shared';
import { FACILITATOR_COMMAND_EXAMPLES } from '@hearth/shared/testing';
import type { RunningServer } from '../src/startServer.js';
import { call, capabilities, connectClient, fakeDtls, joinReady, nextEvent, opusParameters, record, send, serverForFile, startTestServer, receivingOnWorker, type TestSocket } from './harness.js';
import { consent, facilitatorSocket, participantSocket, participantWaiting, seededSession } from './sessionFixture.js';
import { api } from './clinicApi.js';

let server: RunningServer;
const track = serverForFile((started) => (server = started));


/** Waits for the member's next snapshot matching `match`. */
const nextView = (socket: TestSocket, match: (v: SessionView) => boolean) =>
  nextEvent(socket, 'session:updated', ({ view }) => match(view)).then(({ view }) => view);

async function facilitatorIn(s: Awaited<ReturnType<typeof seededSession>>) {
  const socket = track(await facilitatorSocket(server, s));
  const { view } = await call(socket, 'session:enter', { consent: null });
  return { socket, view };
}

/** A participant admitted, in the media room, producing a microphone. */
async function admittedWithMic(s: Awaited<ReturnType<typeof seededSession>>, f: TestSocket, index: number) {
  const p = s.participants[index]!;
  const { socket } = track(await participantWaiting(server, p.token));
  const admitted = nextView(socket, (v) => v.kind === 'participant');
  await call(f, 'session:command', { type: 'admit', memberId: p.memberId });
  await admitted;
  const joined = await call(socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: s.sessionId, displayName: 'ignored' });
  const sendTransport = await call(socket, 'transport:create', { direction: 'send' });
  await call(socket, 'transport:connect', { transportId: sendTransport.id, dtlsParameters: fakeDtls });
  const { producerId } = await call(socket, 'producer:create', { transportId: sendTransport.id, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
  return { socket, memberId: p.memberId, producerId, joined };
}

/** The facilitator in the media room as a browser joins it (ready at once), consuming everything. */
async function facilitatorMedia(f: TestSocket, sessionId: string) {
  const consumers = record(f, 'consumer:created');
  await joinReady(f, sessionId, 'x');
  return consumers;
}

describe('entering a moderated session', () => {
  it('[ENT1][VIEW2] a participant passes the consent gate into a waiting room that shows no one', async () => {
    const s = await seededSession(server);
    const { view } = track(await participantWaiting(server, s.participants[0]!.token));
    expect(view).toMatchObject({ kind: 'waiting', self: { displayName: 'Alex', status: 'waiting' } });
    expect(JSON.stringify(view)).not.toContain('Blake');
    expect(JSON.stringify(view)).not.toContain(consent.location);
  });

  it('[VIEW4] the facilitator sees who is waiting, with their consent card', async () => {
    const s = await seededSession(server);
    track(await participantWaiting(server, s.participants[0]!.token));
    const { view } = await facilitatorIn(s);
    if (view.kind !== 'facilitator') throw new Error(view.kind);
    const alex = view.members.find((m) => m.displayName === 'Alex')!;
    expect(alex).toMatchObject({ status: 'waiting', consent: { location: consent.location, callbackNumber: consent.callbackNumber } });
  });

  it('[ROL1] the connection learns who its credential says it is, before entering', async () => {
    const s = await seededSession(server);
    const socket = track(await participantSocket(server, s.participants[3]!.token));
    expect(await call(socket, 'session:identity', {})).toEqual({
      displayName: 'Drew',
      role: 'participant',
      sessionId: s.sessionId,
      // What the pre-join screen says about the evening (a session without a set time has none).
      context: { groupName: 'Evening IOP — demo', title: 'Evening group', timeZone: 'UTC' },
    });
    const f = track(await facilitatorSocket(server, s));
    expect(await call(f, 'session:identity', {})).toMatchObject({ displayName: 'Demo Facilitator', role: 'facilitator' });
  });

  it('[ENT5] without consent a participant is refused', async () => {
    const s = await seededSession(server);
    const socket = track(await participantSocket(server, s.participants[0]!.token));
    expect(await send(socket, 'session:enter', { consent: null })).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
    expect(await send(socket, 'session:enter', { consent: { ...consent, agreed: false } })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('a forged or tampered invite cannot connect; an anonymous socket cannot enter a session', async () => {
    const s = await seededSession(server);
    const token = s.participants[0]!.token;
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await expect(connectClient(server, { auth: { invite: tampered } })).rejects.toMatchObject({ data: { code: 'INVITE_INVALID' } });
    await expect(connectClient(server, { auth: { sessionId: s.sessionId } })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const anonymous = track(await connectClient(server));
    expect(await send(anonymous, 'session:enter', { consent })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('[WAI5] someone waiting cannot reach the media room', async () => {
    const s = await seededSession(server);
    const { socket } = track(await participantWaiting(server, s.participants[0]!.token));
    const ack = await send(socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: s.sessionId, displayName: 'Alex' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
  });
});

describe('moderation over the wire', () => {
  it('[WAI1] admitting moves the participant in; they and the facilitator get new snapshots', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const p = track(await participantWaiting(server, s.participants[1]!.token));
    const seenByParticipant = nextView(p.socket, (v) => v.kind === 'participant');
    const seenByFacilitator = nextView(f.socket, (v) => v.kind === 'facilitator' && v.members.some((m) => m.displayName === 'Blake' && m.status === 'admitted'));
    const { version } = await call(f.socket, 'session:command', { type: 'admit', memberId: s.participants[1]!.memberId });
    expect((await seenByParticipant).version).toBe(version);
    expect((await seenByFacilitator).version).toBe(version);
  });

  it('[MUT1][MUT4] a mute is enforced on the SFU and cannot be undone by the participant while locked', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const consumers = await facilitatorMedia(f.socket, s.sessionId);
    const p = await admittedWithMic(s, f.socket, 0);
    await expect.poll(() => consumers.length).toBe(1);
    const mic = consumers[0]!;

    const pausedAtFacilitator = nextEvent(f.socket, 'consumer:paused', (e) => e.consumerId === mic.id);
    await call(f.socket, 'session:command', { type: 'lockSelfUnmute', locked: true });
    await call(f.socket, 'session:command', { type: 'mute', memberId: p.memberId });
    await pausedAtFacilitator;

    // Straight to the SFU, and through the session: both refused.
    expect(await send(p.socket, 'producer:resume', { producerId: p.producerId })).toMatchObject({ ok: false, error: { code: 'UNMUTE_LOCKED' } });
    expect(await send(p.socket, 'session:command', { type: 'setMicMuted', muted: false })).toMatchObject({ ok: false, error: { code: 'UNMUTE_LOCKED' } });

    // Released by the facilitator, the participant may unmute, and their audio resumes.
    await call(f.socket, 'session:command', { type: 'releaseMute', memberId: p.memberId });
    const resumed = nextEvent(f.socket, 'consumer:resumed', (e) => e.consumerId === mic.id);
    await call(p.socket, 'session:command', { type: 'setMicMuted', muted: false });
    await call(p.socket, 'producer:resume', { producerId: p.producerId });
    await resumed;
  });

  it('[ROL2] every facilitator command from a participant is refused and changes nothing', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const p = await admittedWithMic(s, f.socket, 0);
    const before = (await server.sessions.get(s.sessionId)).snapshot.version;
    for (const [type, command] of Object.entries(FACILITATOR_COMMAND_EXAMPLES)) {
      const ack = await send(p.socket, 'session:command', command);
      expect(ack, type).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await server.sessions.get(s.sessionId)).snapshot.version).toBe(before);
  });

  it('[REM1][ENT3] a removed participant is disconnected and their link cannot bring them back', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const p = await admittedWithMic(s, f.socket, 2);
    const closed = nextEvent(p.socket, 'session:closed');
    const gone = new Promise((resolve) => p.socket.once('disconnect', resolve));
    await call(f.socket, 'session:command', { type: 'remove', memberId: p.memberId, reason: 'asked to leave' });
    expect(await closed).toEqual({ reason: 'removed' });
    await gone;
    const again = track(await participantSocket(server, s.participants[2]!.token));
    expect(await send(again, 'session:enter', { consent })).toMatchObject({ ok: false, error: { code: 'REMOVED' } });
  });

  it('[WAI4] sending back to the waiting room takes the participant out of the media room', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    await facilitatorMedia(f.socket, s.sessionId);
    const p = await admittedWithMic(s, f.socket, 3);
    const left = nextEvent(f.socket, 'peer:left', (e) => e.peerId === p.memberId);
    const waitingAgain = nextView(p.socket, (v) => v.kind === 'waiting');
    await call(f.socket, 'session:command', { type: 'sendToWaiting', memberId: p.memberId });
    await left;
    await waitingAgain;
    expect(await send(p.socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: s.sessionId, displayName: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ADMITTED' },
    });
  });

  it('[REC1][REC4] a dropped participant shows as reconnecting and comes back in place, hand still raised', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const p = await admittedWithMic(s, f.socket, 1);
    await call(p.socket, 'session:command', { type: 'raiseHand' });
    const reconnecting = nextView(f.socket, (v) => v.kind === 'facilitator' && v.members.some((m) => m.id === p.memberId && !m.connected));
    p.socket.disconnect();
    await reconnecting;
    const back = track(await participantSocket(server, s.participants[1]!.token));
    const { view } = await call(back, 'session:enter', { consent });
    expect(view).toMatchObject({ kind: 'participant', self: { status: 'admitted', connected: true, handPosition: 1 } });
  });
});

describe('chat, help and the end', () => {
  it('[CHT2] chat reaches the room; the private line reaches only facilitators; off means off for the group', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const a = await admittedWithMic(s, f.socket, 0);
    const b = await admittedWithMic(s, f.socket, 1);
    const waiting = track(await participantWaiting(server, s.participants[2]!.token));
    const atWaiting = record(waiting.socket, 'chat:message');

    const atB = nextEvent(b.socket, 'chat:message');
    const atF = nextEvent(f.socket, 'chat:message');
    await call(a.socket, 'chat:send', { to: 'everyone', text: 'hello all' });
    expect(await atB).toMatchObject({ fromId: a.memberId, fromName: 'Alex', to: 'everyone', text: 'hello all' });
    expect((await atF).text).toBe('hello all');

    await call(f.socket, 'session:command', { type: 'setChatEnabled', enabled: false });
    expect(await send(a.socket, 'chat:send', { to: 'everyone', text: 'still here?' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const atBPrivate = record(b.socket, 'chat:message');
    const privateAtF = nextEvent(f.socket, 'chat:message', (m) => m.to === 'facilitators');
    await call(a.socket, 'chat:send', { to: 'facilitators', text: 'can we talk after?' });
    expect((await privateAtF).text).toBe('can we talk after?');
    // A round trip later, nothing reached the other participant or the waiting room.
    await call(b.socket, 'session:command', { type: 'raiseHand' });
    expect(atBPrivate).toEqual([]);
    expect(atWaiting).toEqual([]);
  });

  it('[HLP1] "I need help" reaches the facilitators with the member\'s card, and no one else', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const a = await admittedWithMic(s, f.socket, 0);
    const b = await admittedWithMic(s, f.socket, 1);
    const atB = record(b.socket, 'session:help');
    const alert = nextEvent(f.socket, 'session:help');
    await call(a.socket, 'session:command', { type: 'requestHelp' });
    expect(await alert).toMatchObject({ memberId: a.memberId, displayName: 'Alex', location: consent.location, callbackNumber: consent.callbackNumber });
    await call(b.socket, 'session:command', { type: 'raiseHand' });
    expect(atB).toEqual([]);
  });

  it('[END1] ending closes every connection and the invite links stop working', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const a = await admittedWithMic(s, f.socket, 0);
    const w = track(await participantWaiting(server, s.participants[1]!.token));
    const closedA = nextEvent(a.socket, 'session:closed');
    const closedW = nextEvent(w.socket, 'session:closed');
    const closedF = nextEvent(f.socket, 'session:closed');
    await call(f.socket, 'session:command', { type: 'end' });
    for (const closed of [closedA, closedW, closedF]) expect(await closed).toEqual({ reason: 'ended' });
    expect((await server.clinic.store.sessions.get(s.sessionId))?.status).toBe('ended');
    await expect(participantSocket(server, s.participants[2]!.token)).rejects.toMatchObject({ data: { code: 'SESSION_ENDED' } });
  });
});

describe('open rooms', () => {
  it('are off unless the server enables them: an anonymous connection is refused at the handshake', async () => {
    const closed = await startTestServer({ OPEN_ROOMS: 'false' });
    try {
      await expect(connectClient(closed)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
      // Nothing was kept for it.
      expect(closed.rooms.size).toBe(0);
    } finally {
      await closed.close();
    }
  });
});

describe('rounds on the SFU', () => {
  it('[RND7] a speaker-only turn leaves only the speaker heard, moves with the turn, and restores everyone after', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const consumers = await facilitatorMedia(f.socket, s.sessionId);
    const a = await admittedWithMic(s, f.socket, 0);
    const b = await admittedWithMic(s, f.socket, 1);
    await expect.poll(() => consumers.length).toBe(2);
    const micOf = (memberId: string) => consumers.find((c) => c.peerId === memberId)!.id;
    const paused = new Set<string>();
    f.socket.on('consumer:paused', ({ consumerId }) => paused.add(consumerId));
    f.socket.on('consumer:resumed', ({ consumerId }) => paused.delete(consumerId));

    await call(f.socket, 'session:command', { type: 'startRound', prompt: 'check-in', order: 'roster', turnSeconds: 600, feedbackSeconds: null, speakerOnly: true });
    // Alex was admitted first, so speaks first: Blake is paused at the SFU.
    await expect.poll(() => [...paused]).toEqual([micOf(b.memberId)]);
    expect(await send(b.socket, 'producer:resume', { producerId: b.producerId })).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_TURN' } });

    await call(a.socket, 'session:command', { type: 'passTurn' });
    await expect.poll(() => [...paused]).toEqual([micOf(a.memberId)]);

    await call(f.socket, 'session:command', { type: 'endRound' });
    await expect.poll(() => paused.size).toBe(0);
  });
});

describe('rounds across reconnects', () => {
  it('[RND14] a facilitator who reloads sees the round exactly as it is', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    await admittedWithMic(s, f.socket, 0);
    await admittedWithMic(s, f.socket, 1);
    await call(f.socket, 'session:command', { type: 'startRound', prompt: 'check-out', order: 'roster', turnSeconds: 300, feedbackSeconds: 60, speakerOnly: true });
    await call(f.socket, 'session:command', { type: 'pauseRound' });
    const before = (await server.sessions.get(s.sessionId)).view(s.participants[0]!.memberId);
    f.socket.disconnect();

    const again = track(await facilitatorSocket(server, s));
    const { view } = await call(again, 'session:enter', { consent: null });
    if (view.kind !== 'facilitator' || before?.kind !== 'participant') throw new Error('unexpected views');
    expect(view.round).toEqual(before.round);
    expect(view.round).toMatchObject({ prompt: 'check-out', paused: true, feedback: true });
    expect(view.round!.remainingMs).toBeGreaterThan(295_000);
  });
});

describe('breakouts on the SFU', () => {
  it('[BRK5] in pairs each member receives only their partner; a listening facilitator hears one pair; back together, everyone again', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const fConsumers = await facilitatorMedia(f.socket, s.sessionId);
    const people: (Awaited<ReturnType<typeof admittedWithMic>> & { created: ServerEventPayload<'consumer:created'>[] })[] = [];
    for (let i = 0; i < 4; i++) {
      const p = await admittedWithMic(s, f.socket, i);
      // Each participant receives too: a recv transport, ready, and every consumer resumed.
      const created = record(p.socket, 'consumer:created');
      await call(p.socket, 'transport:create', { direction: 'recv' });
      await call(p.socket, 'peer:ready', { rtpCapabilities: await capabilities(p.socket) });
      people.push({ ...p, created });
    }
    // Everyone resumes what they were offered, as a client does once its tracks are attached.
    await expect.poll(() => people.every((p) => p.created.length === 3)).toBe(true);
    await expect.poll(() => fConsumers.length).toBe(4);
    for (const p of people) for (const c of p.created) await call(p.socket, 'consumer:resume', { consumerId: c.id });
    for (const c of fConsumers) await call(f.socket, 'consumer:resume', { consumerId: c.id });
    const room = (await server.rooms.get(s.sessionId))!;
    const [a, b, c, d] = people.map((p) => p.memberId) as [string, string, string, string];
    await expect.poll(async () => (await receivingOnWorker(room, a)).sort()).toEqual([b, c, d].sort());

    await call(f.socket, 'session:command', { type: 'startBreakout', prompt: 'one hope', durationSeconds: 600, groups: [[a, b], [c, d]] });
    expect(await receivingOnWorker(room, a)).toEqual([b]);
    expect(await receivingOnWorker(room, c)).toEqual([d]);
    const facilitatorId = (await server.sessions.get(s.sessionId)).snapshot.members;
    const fId = Object.values(facilitatorId).find((m) => m.role === 'facilitator')!.id;
    expect(await receivingOnWorker(room, fId)).toEqual([]);

    await call(f.socket, 'session:command', { type: 'listenIn', groupId: 'g2' });
    expect((await receivingOnWorker(room, fId)).sort()).toEqual([c, d].sort());
    // The pair listened to does not receive the facilitator.
    expect(await receivingOnWorker(room, c)).toEqual([d]);

    // A participant's own client cannot resume a consumer of another pair: it is told why.
    const other = people[0]!.created.find((x) => x.peerId === c)!;
    expect(await send(people[0]!.socket, 'consumer:resume', { consumerId: other.id })).toMatchObject({ ok: false, error: { code: 'HELD_BY_SESSION' } });
    expect(await receivingOnWorker(room, a)).toEqual([b]);

    // Ending starts the 10-second return; when it is over everyone receives everyone again.
    await call(f.socket, 'session:command', { type: 'endBreakout' });
    expect(await receivingOnWorker(room, a)).toEqual([b]);
    const session = await server.sessions.get(s.sessionId);
    const returnAt = session.snapshot.breakout!.returningAt!;
    await expect.poll(() => session.snapshot.breakout, { timeout: returnAt - Date.now() + 5_000 }).toBeNull();
    // The state changes first; the SFU follows once the room's queue has applied the new subscriptions.
    await expect.poll(async () => (await receivingOnWorker(room, a)).sort()).toEqual([b, c, d].sort());
    await expect.poll(async () => (await receivingOnWorker(room, fId)).sort()).toEqual([a, b, c, d].sort());
  }, 40_000);
});

describe('a media room made again', () => {
  it('[BRK5] mid-breakout (its worker died): everyone is told to rejoin, and the pairs stay apart from the first consumer', async () => {
    const own = await startTestServer({ MEDIASOUP_WORKERS: '2' });
    const mine: TestSocket[] = [];
    try {
      const s = await seededSession(own);
      const f = await facilitatorSocket(own, s);
      mine.push(f);
      await call(f, 'session:enter', { consent: null });
      const people: { socket: TestSocket; id: string; offered: ServerEventPayload<'consumer:created'>[] }[] = [];
      for (const p of s.participants) {
        const { socket } = await participantWaiting(own, p.token);
        mine.push(socket);
        people.push({ socket, id: p.memberId, offered: record(socket, 'consumer:created') });
      }
      await call(f, 'session:command', { type: 'admitAll' });
      /** Into the media room as a client does: both transports with the join (ready), a microphone; then it resumes all it is offered. */
      const intoMedia = async (socket: TestSocket) => {
        const { transports } = await joinReady(socket, s.sessionId, 'x');
        await call(socket, 'transport:connect', { transportId: transports.send.id, dtlsParameters: fakeDtls });
        await call(socket, 'producer:create', { transportId: transports.send.id, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
      };
      const resumeAll = async () => {
        await expect.poll(() => people.every((p) => p.offered.length === 3)).toBe(true);
        for (const p of people) for (const c of p.offered.splice(0)) await send(p.socket, 'consumer:resume', { consumerId: c.id });
      };
      for (const p of people) await intoMedia(p.socket);
      await resumeAll();
      const [a, b, c, d] = people.map((p) => p.id) as [string, string, string, string];
      const first = (await own.rooms.get(s.sessionId))!;
      await call(f, 'session:command', { type: 'startBreakout', prompt: 'p', durationSeconds: 600, groups: [[a, b], [c, d]] });
      expect(await receivingOnWorker(first, a)).toEqual([b]);

      const resets = people.map((p) => nextEvent(p.socket, 'room:reset'));
      process.kill(own.pool.report().find((w) => w.routers > 0)!.pid, 'SIGKILL');
      await Promise.all(resets);
      for (const p of people) await intoMedia(p.socket);
      await resumeAll();
      const again = (await own.rooms.get(s.sessionId))!;
      expect(again).not.toBe(first);
      // Every client asked to resume everything it was offered; the new room let through only partners.
      expect(await receivingOnWorker(again, a)).toEqual([b]);
      expect(await receivingOnWorker(again, b)).toEqual([a]);
      expect(await receivingOnWorker(again, c)).toEqual([d]);
      expect(await receivingOnWorker(again, d)).toEqual([c]);
    } finally {
      for (const socket of mine) socket.disconnect();
      await own.close();
    }
  });
});

describe('breakout proposals', () => {
  it('[BRK2] pairs avoid who met in the cohort\'s earlier session, and honour "never" pairs', async () => {
    let now = Date.UTC(2026, 10, 23, 18);
    const clocked = await startTestServer({}, { clock: () => now });
    try {
      const first = await seededSession(clocked);
      const f1 = track(await facilitatorSocket(clocked, first));
      await call(f1, 'session:enter', { consent: null });
      const ids = first.participants.map((p) => p.memberId);
      for (const p of first.participants) {
        const socket = track(await participantSocket(clocked, p.token));
        await call(socket, 'session:enter', { consent });
      }
      await call(f1, 'session:command', { type: 'admitAll' });
      const [a, b, c, d] = ids as [string, string, string, string];
      await call(f1, 'session:command', { type: 'startBreakout', prompt: 'p', durationSeconds: 600, groups: [[a, b], [c, d]] });
      await call(f1, 'session:command', { type: 'endBreakout' });
      now += 11_000;
      await (await clocked.sessions.get(first.sessionId)).run({ type: 'breakoutTick' }, { kind: 'system' });

      // The next evening, same cohort.
      const second = await seededSession(clocked);
      const f2 = track(await facilitatorSocket(clocked, second));
      await call(f2, 'session:enter', { consent: null });
      for (const p of second.participants) {
        const socket = track(await participantSocket(clocked, p.token));
        await call(socket, 'session:enter', { consent });
      }
      await call(f2, 'session:command', { type: 'admitAll' });
      const proposal = await call(f2, 'breakout:propose', { never: [[a, c]], odd: 'triad' });
      expect(proposal.repeats).toBe(0);
      const together = (x: string, y: string) => proposal.groups.some((g) => g.includes(x) && g.includes(y));
      expect(together(a, b) || together(c, d)).toBe(false);
      expect(together(a, c)).toBe(false);
      expect(together(a, d)).toBe(true);

      // The clinic's standing rule for the cohort (B never with C) holds as well, without being asked.
      const rule = await api(clocked, 'PUT', `/api/cohorts/${second.cohortId}/never-pairs`, { body: { pairs: [[b, c]] }, cookie: second.cookie });
      expect(rule.status).toBe(200);
      const standing = await call(f2, 'breakout:propose', { never: [], odd: 'triad' });
      expect(standing.groups.some((g) => g.includes(a) && g.includes(c))).toBe(true);
      expect(standing.repeats).toBe(0);
      // Both kinds together leave only a repeat of last time, which is then the least bad choice.
      const both = await call(f2, 'breakout:propose', { never: [[a, c]], odd: 'triad' });
      expect(both.groups.some((g) => g.includes(a) && g.includes(b))).toBe(true);
      expect(both.repeats).toBe(2);
      // Participants cannot ask.
      const p = track(await participantSocket(clocked, second.participants[0]!.token));
      await call(p, 'session:enter', { consent });
      expect(await send(p, 'breakout:propose', { never: [], odd: 'triad' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await clocked.close();
    }
  });
});

describe('crisis pull-aside on the SFU', () => {
  it('[BRK16] the member taken aside is heard only by that facilitator, and back in the group when returned', async () => {
    const s = await seededSession(server);
    const f = await facilitatorIn(s);
    const fConsumers = await facilitatorMedia(f.socket, s.sessionId);
    const a = await admittedWithMic(s, f.socket, 0);
    const b = await admittedWithMic(s, f.socket, 1);
    const created = record(b.socket, 'consumer:created');
    await call(b.socket, 'transport:create', { direction: 'recv' });
    await call(b.socket, 'peer:ready', { rtpCapabilities: await capabilities(b.socket) });
    await expect.poll(() => created.length).toBe(1);
    await call(b.socket, 'consumer:resume', { consumerId: created[0]!.id });
    await expect.poll(() => fConsumers.length).toBe(2);
    for (const c of fConsumers) await call(f.socket, 'consumer:resume', { consumerId: c.id });
    const room = (await server.rooms.get(s.sessionId))!;
    const fId = Object.values((await server.sessions.get(s.sessionId)).snapshot.members).find((m) => m.role === 'facilitator')!.id;
    expect(await receivingOnWorker(room, b.memberId)).toEqual([a.memberId]);

    await call(f.socket, 'session:command', { type: 'pullAside', memberId: a.memberId });
    expect(await receivingOnWorker(room, b.memberId)).toEqual([]);
    expect(await receivingOnWorker(room, fId)).toEqual([a.memberId]);

    await call(f.socket, 'session:command', { type: 'returnFromSide', memberId: a.memberId });
    expect(await receivingOnWorker(room, b.memberId)).toEqual([a.memberId]);
    expect((await receivingOnWorker(room, fId)).sort()).toEqual([a.memberId, b.memberId].sort());
  });
});
