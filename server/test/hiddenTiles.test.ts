import { describe, expect, it } from 'vitest';
import type { ServerEventPayload } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { call, intoMedia, receivingOnWorker, record, send, serverForFile, type TestSocket } from './harness.js';
import { facilitatorSocket, participantWaiting, seededSession } from './sessionFixture.js';

/*
 * A phone shows a page of tiles, not the whole group: the cameras it is not showing are
 * paused on the SFU at its request (consumer:pause), stay paused whatever the session's policy
 * does meanwhile, and play again when shown (consumer:resume) only if the policy allows.
 */

let server: RunningServer;
const track = serverForFile((started) => (server = started));


type Member = { socket: TestSocket; id: string; offered: ServerEventPayload<'consumer:created'>[] };

describe('tiles a client is not showing are not received', () => {
  it('hidden cameras pause on the worker, stay paused through policy changes, and play when shown if the policy allows', async () => {
    const s = await seededSession(server);
    const f = await facilitatorSocket(server, s);
    track(f);
    await call(f, 'session:enter', { consent: null });
    const people: Member[] = [];
    for (const p of s.participants) {
      const { socket } = await participantWaiting(server, p.token);
      track(socket);
      people.push({ socket, id: p.memberId, offered: record(socket, 'consumer:created') });
    }
    await call(f, 'session:command', { type: 'admitAll' });
    for (const p of people) await intoMedia(p.socket, s.sessionId);
    const [alex, blake, casey, drew] = people as [Member, Member, Member, Member];
    // Alex is offered both media of the three others, and attaches (resumes) all of it.
    await expect.poll(() => alex.offered.length).toBe(6);
    for (const c of alex.offered) await call(alex.socket, 'consumer:resume', { consumerId: c.id });

    const room = (await server.rooms.get(s.sessionId))!;
    const camera = (m: Member) => alex.offered.find((c) => c.peerId === m.id && c.kind === 'video')!.id;
    const mic = (m: Member) => alex.offered.find((c) => c.peerId === m.id && c.kind === 'audio')!.id;
    /** At Alex's, as the worker holds it: the consumers that are paused. */
    const pausedOnWorker = async () =>
      (await room.consumerStates(alex.id))
        .filter((c) => c.paused)
        .map((c) => c.consumerId)
        .sort();
    const sorted = (...ids: string[]) => [...ids].sort();
    expect(await pausedOnWorker()).toEqual([]);

    // Alex's phone shows a page without Blake and Casey: their cameras stop at the SFU.
    await call(alex.socket, 'consumer:pause', { consumerId: camera(blake) });
    await call(alex.socket, 'consumer:pause', { consumerId: camera(casey) });
    expect(await pausedOnWorker()).toEqual(sorted(camera(blake), camera(casey)));
    // Audio is always received: a client cannot hide a voice.
    expect(await send(alex.socket, 'consumer:pause', { consumerId: mic(blake) })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await pausedOnWorker()).toEqual(sorted(camera(blake), camera(casey)));
    // Nor another member's consumer: Blake cannot pause what Alex receives.
    expect(await send(blake.socket, 'consumer:pause', { consumerId: camera(drew) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // A policy change (Casey taken aside) plays everything the policy allows, except what Alex hid.
    await call(f, 'session:command', { type: 'pullAside', memberId: casey.id });
    await expect.poll(pausedOnWorker).toEqual(sorted(camera(blake), camera(casey), mic(casey)));
    // Alex shows Casey's tile again: the policy still keeps Casey's camera from Alex, and says so.
    expect(await send(alex.socket, 'consumer:resume', { consumerId: camera(casey) })).toMatchObject({ ok: false, error: { code: 'HELD_BY_SESSION' } });
    expect(await pausedOnWorker()).toEqual(sorted(camera(blake), camera(casey), mic(casey)));

    // Casey comes back: her camera plays (shown, allowed); Blake's stays paused (still hidden).
    await call(f, 'session:command', { type: 'returnFromSide', memberId: casey.id });
    await expect.poll(pausedOnWorker).toEqual([camera(blake)]);

    // Shown again, Blake's camera plays.
    await call(alex.socket, 'consumer:resume', { consumerId: camera(blake) });
    expect(await pausedOnWorker()).toEqual([]);
    // And what the room reports as received agrees with the worker.
    expect((await receivingOnWorker(room, alex.id)).sort()).toEqual(sorted(blake.id, blake.id, casey.id, casey.id, drew.id, drew.id));
  }, 30_000);
});
