import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Ack, type SessionView } from '@hearth/shared';

/** The hand queue as a member in the room sees it. */
const hands = (view: SessionView | undefined) => (view?.kind === 'facilitator' || view?.kind === 'participant' ? view.handQueue : undefined);
import type { RunningServer } from '../src/startServer.js';
import { REFUSALS_BEFORE_CLOSE } from '../src/signalling/fairShare.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';
import { call, connectClient, nextEvent, record, send, startTestServer, type TestSocket } from './harness.js';
import { consent, facilitatorSocket, participantSocket, participantWaiting, seededSession } from './sessionFixture.js';

// Each member's fair share, small here so a test reaches it in a few requests; the real
// defaults (config.ts) are what every other test file runs with.
const SMALL = {
  perConnection: { points: 40, seconds: 60 },
  session: { points: 5, seconds: 60 },
  join: { points: 4, seconds: 60 },
  chat: { points: 3, seconds: 60 },
};

let server: RunningServer;
const open: TestSocket[] = [];
const track = (s: TestSocket) => (open.push(s), s);

beforeAll(async () => {
  server = await startTestServer({}, { limits: SMALL });
});
afterAll(async () => {
  for (const s of open) s.disconnect();
  await server?.close();
});

const rateLimited = { ok: false, error: { code: 'RATE_LIMITED' } };
const accepted = (ack: Ack<unknown>) => ack.ok;

/** A session with its facilitator in the room and one participant admitted, each keeping every snapshot. */
async function groupOfTwo(on: RunningServer = server) {
  const s = await seededSession(on);
  const f = track(await facilitatorSocket(on, s));
  const fViews: SessionView[] = [];
  f.on('session:updated', ({ view }) => fViews.push(view));
  await call(f, 'session:enter', { consent: null });
  const invite = s.participants[0]!;
  const p = track((await participantWaiting(on, invite.token)).socket);
  await call(f, 'session:command', { type: 'admit', memberId: invite.memberId });
  return { ...s, f, fViews, p, pId: invite.memberId };
}

/** A command of the facilitator's own, answered once every earlier broadcast has reached them. */
async function settle(f: TestSocket, locked: boolean) {
  const { version } = await call(f, 'session:command', { type: 'lockRoom', locked });
  return version;
}

describe('fair share per member', () => {
  it('session commands past a member’s share are refused RATE_LIMITED and change nothing; another session goes on', async () => {
    const a = await groupOfTwo();
    const b = await groupOfTwo();
    const seen = a.fViews.length;
    const before = a.fViews.at(-1)!.version;
    const acks: Ack<unknown>[] = [];
    for (let i = 0; i < 9; i++) acks.push(await send(a.p, 'session:command', { type: i % 2 === 0 ? 'raiseHand' : 'lowerHand' }));
    expect(acks.slice(0, SMALL.session.points).every(accepted)).toBe(true);
    for (const ack of acks.slice(SMALL.session.points)) expect(ack).toMatchObject(rateLimited);

    // The facilitator saw the five accepted changes and nothing after: the hand stays raised.
    const last = await settle(a.f, true);
    expect(last).toBe(before + SMALL.session.points + 1);
    expect(a.fViews.slice(seen).map((v) => v.version)).toEqual(Array.from({ length: SMALL.session.points + 1 }, (_, i) => before + i + 1));
    expect(hands(a.fViews.at(-1))).toEqual([a.pId]);

    // Meanwhile the other group carries on as usual.
    expect(await send(b.p, 'session:command', { type: 'raiseHand' })).toMatchObject({ ok: true });
    await expect.poll(() => hands(b.fViews.at(-1))).toEqual([b.pId]);
  });

  it('a member’s share is theirs, not their connection’s: a second tab does not start a new one', async () => {
    const a = await groupOfTwo();
    for (let i = 0; i < SMALL.session.points; i++) await call(a.p, 'session:command', { type: 'setMicMuted', muted: i % 2 === 0 });
    const secondTab = track(await participantSocket(server, a.participants[0]!.token));
    // Without the limit this would be NOT_JOINED (the tab has not entered): it never got that far.
    expect(await send(secondTab, 'session:command', { type: 'raiseHand' })).toMatchObject(rateLimited);
  });

  it('a member who floods on far past RATE_LIMITED is cut off and shut out for a while; the rest of the group is not', async () => {
    const a = await groupOfTwo();
    const closed = new Promise<string>((resolve) => a.p.once('disconnect', resolve));
    for (let i = 0; i < SMALL.perConnection.points + REFUSALS_BEFORE_CLOSE + 1; i++) (a.p as unknown as { emit(e: string, p: unknown): void }).emit('session:command', { type: 'raiseHand' });
    expect(await closed).toBe('transport close');
    await expect(participantSocket(server, a.participants[0]!.token)).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
    // Someone else of the same group, at the same address, comes in as usual.
    const other = track((await participantWaiting(server, a.participants[1]!.token)).socket);
    expect(await send(other, 'session:command', { type: 'requestHelp' })).toMatchObject({ ok: true });
  });

  it('chat past a member’s share is refused RATE_LIMITED and reaches nobody; another session’s chat goes on', async () => {
    const a = await groupOfTwo();
    const b = await groupOfTwo();
    const heard = record(a.f, 'chat:message');
    const acks: Ack<unknown>[] = [];
    for (let i = 0; i < 5; i++) acks.push(await send(a.p, 'chat:send', { to: 'everyone', text: `message ${i}` }));
    expect(acks.slice(0, SMALL.chat.points).every(accepted)).toBe(true);
    for (const ack of acks.slice(SMALL.chat.points)) expect(ack).toMatchObject(rateLimited);
    const mine = nextEvent(a.f, 'chat:message', (m) => m.text === 'from the facilitator');
    await call(a.f, 'chat:send', { to: 'everyone', text: 'from the facilitator' });
    await mine;
    expect(heard.map((m) => m.text)).toEqual(['message 0', 'message 1', 'message 2', 'from the facilitator']);

    const other = nextEvent(b.f, 'chat:message');
    expect(await send(b.p, 'chat:send', { to: 'everyone', text: 'hello' })).toMatchObject({ ok: true });
    expect((await other).text).toBe('hello');
  });

  it('a chat message over 1,000 characters is refused and reaches nobody', async () => {
    const a = await groupOfTwo();
    const heard = record(a.f, 'chat:message');
    expect(await send(a.p, 'chat:send', { to: 'everyone', text: 'x'.repeat(1_001) })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await send(a.p, 'chat:send', { to: 'everyone', text: 'x'.repeat(1_000) })).toMatchObject({ ok: true });
    await expect.poll(() => heard.length).toBe(1);
    expect(heard[0]!.text).toHaveLength(1_000);
  });

  it('joining the media room over and over is refused RATE_LIMITED past a member’s share; the room is as it was', async () => {
    const a = await groupOfTwo();
    const b = await groupOfTwo();
    const joinAck = (socket: TestSocket, roomId: string) => send(socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId, displayName: 'x' });
    // Entering the session took one of the four; three joins (and their leaves) go through.
    for (let i = 0; i < SMALL.join.points - 1; i++) {
      expect(await joinAck(a.p, a.sessionId)).toMatchObject({ ok: true });
      await call(a.p, 'room:leave', {});
    }
    expect(await joinAck(a.p, a.sessionId)).toMatchObject(rateLimited);
    // Their facilitator and the other group join as usual; the refused participant is not in the room.
    expect(await joinAck(a.f, a.sessionId)).toMatchObject({ ok: true });
    expect(await joinAck(b.p, b.sessionId)).toMatchObject({ ok: true });
    const room = await server.rooms.get(a.sessionId);
    const facilitatorId = a.fViews.at(-1)!.self.id;
    expect([room?.hasPeer(facilitatorId), room?.hasPeer(a.pId)]).toEqual([true, false]);
  });
});

describe('fair share per connection', () => {
  it('every event counts, also names no handler knows: past the cap even a valid request is refused', async () => {
    const anonymous = track(await connectClient(server));
    for (let i = 0; i < SMALL.perConnection.points; i++) (anonymous as unknown as { emit(e: string): void }).emit('no:such-event');
    expect(await send(anonymous, 'room:leave', {})).toMatchObject(rateLimited);
    // Another connection from the same place is its own: answered as usual (not joined).
    const other = track(await connectClient(server));
    expect(await send(other, 'room:leave', {})).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
  });

  it('a connection that keeps on far past RATE_LIMITED is closed', async () => {
    const anonymous = track(await connectClient(server));
    const closed = new Promise<string>((resolve) => anonymous.once('disconnect', resolve));
    for (let i = 0; i < SMALL.perConnection.points + REFUSALS_BEFORE_CLOSE + 1; i++) (anonymous as unknown as { emit(e: string): void }).emit('room:leave');
    // Cut, not bid goodbye: a real client would come back through the connection limits.
    expect(await closed).toBe('transport close');
  });

  it('new connections past an address’s share are refused at the handshake; those open go on', async () => {
    const limited = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '3' });
    try {
      const first = await Promise.all([connectClient(limited), connectClient(limited), connectClient(limited)]);
      first.forEach(track);
      await expect(connectClient(limited)).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
      expect(await send(first[0]!, 'room:leave', {})).toMatchObject({ ok: false, error: { code: 'NOT_JOINED' } });
    } finally {
      await limited.close();
    }
  });
});

describe('fair share across nodes (Redis)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  }, 30_000);
  afterAll(async () => {
    await redis?.destroy();
  });

  it('an address’s connections are counted on every node together', async () => {
    const env = { REDIS_URL: redis.url, MAX_CONNECTIONS_PER_ADDRESS: '3', HEARTH_SECRET: 'z'.repeat(40) };
    const [nodeA, nodeB] = await Promise.all([startTestServer(env), startTestServer(env)]);
    try {
      for (const node of [nodeA, nodeA, nodeB]) track(await connectClient(node));
      await expect(connectClient(nodeB)).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
      await expect(connectClient(nodeA)).rejects.toMatchObject({ data: { code: 'RATE_LIMITED' } });
    } finally {
      await Promise.all([nodeA.close(), nodeB.close()]);
    }
  });
});

describe('outgoing buffer', () => {
  it('a connection that stops reading is closed once its outgoing buffer passes the cap; the group goes on', async () => {
    const capped = await startTestServer({ MAX_OUTGOING_BUFFER_BYTES: '16384' });
    try {
      const s = await seededSession(capped);
      const f = track(await facilitatorSocket(capped, s));
      const fViews: SessionView[] = [];
      f.on('session:updated', ({ view }) => fViews.push(view));
      await call(f, 'session:enter', { consent: null });
      // A participant over long-polling that enters, then never asks for anything again:
      // everything the server sends it waits in the server's buffer.
      const invite = s.participants[0]!;
      const stuck = await pollingClient(capped.url, { invite: invite.token });
      await stuck.post(`420${JSON.stringify(['session:enter', { consent }])}`);
      expect(await stuck.poll()).toContain('"ok":true');
      await call(f, 'session:command', { type: 'admit', memberId: invite.memberId });

      const stuckMember = () => {
        const view = fViews.at(-1);
        return view?.kind === 'facilitator' ? view.members.find((m) => m.id === invite.memberId) : undefined;
      };
      let commands = 0;
      while (stuckMember()?.connected !== false && commands < 200) {
        await settle(f, commands % 2 === 0);
        commands++;
      }
      // Some snapshots fitted; past the cap its connection was closed, which the session saw.
      expect(commands).toBeGreaterThan(2);
      expect(stuckMember()?.connected).toBe(false);
      expect((await stuck.get()).status).toBe(400);
      expect(await send(f, 'session:command', { type: 'raiseHand' })).toMatchObject({ ok: true });
    } finally {
      await capped.close();
    }
  });
});

/** Socket.IO over engine.io's long-polling, by hand: it reads only when told to. */
async function pollingClient(url: string, auth: Record<string, string>) {
  const base = `${url}/socket.io/?EIO=4&transport=polling`;
  const opened = await (await fetch(base)).text();
  const { sid } = JSON.parse(opened.slice(1)) as { sid: string };
  const at = `${base}&sid=${sid}`;
  const post = async (body: string) => void (await fetch(at, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' } }).then((r) => r.text()));
  const get = () => fetch(at);
  const poll = async () => (await get()).text();
  await post(`40${JSON.stringify(auth)}`);
  // The namespace's answer to the handshake: connected.
  expect(await poll()).toMatch(/^40/);
  return { post, poll, get };
}
