import { describe, expect, it } from 'vitest';
import type { SessionView } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { isCamera } from '../src/store/SessionLog.js';
import { api } from './clinicApi.js';
import { call, intoMedia, nextEvent, serverForFile, type TestSocket } from './harness.js';
import { facilitatorSocket, participantWaiting, seededSession } from './sessionFixture.js';

let server: RunningServer;
const track = serverForFile((started) => (server = started));

const nextView = (socket: TestSocket, match: (v: SessionView) => boolean) =>
  nextEvent(socket, 'session:updated', ({ view }) => match(view)).then(({ view }) => view);

/** Since when the facilitator is told the member's camera has been off (undefined: not in their view). */
const offSince = (view: SessionView, id: string) => (view.kind === 'facilitator' ? view.members.find((m) => m.id === id)?.cameraOffSince : undefined);

describe('camera-on time, from what the SFU receives', () => {
  it('[CAM1][CAM2] a camera paused by its client, resumed and closed is logged as camera-off and camera-on; only facilitators are told', async () => {
    const s = await seededSession(server);
    const f = track(await facilitatorSocket(server, s));
    await call(f, 'session:enter', { consent: null });
    const { memberId } = s.participants[0]!;
    const { socket: p } = track(await participantWaiting(server, s.participants[0]!.token));
    const admitted = nextView(f, (v) => typeof offSince(v, memberId) === 'number');
    await call(f, 'session:command', { type: 'admit', memberId });
    // In the room and sending nothing yet: the camera clock runs from admission.
    await admitted;

    const cameraOn = nextView(f, (v) => offSince(v, memberId) === null);
    await intoMedia(p, s.sessionId);
    await cameraOn;
    const room = (await server.rooms.get(s.sessionId))!;
    const camera = (await room.producerStates(memberId)).find((x) => x.source === 'camera')!;

    const paused = nextView(f, (v) => typeof offSince(v, memberId) === 'number');
    await call(p, 'producer:pause', { producerId: camera.producerId });
    const pausedAt = offSince(await paused, memberId)!;
    const participantView = await call(p, 'session:resync', {});
    expect(JSON.stringify(participantView)).not.toContain('cameraOffSince');

    const resumed = nextView(f, (v) => offSince(v, memberId) === null);
    await call(p, 'producer:resume', { producerId: camera.producerId });
    await resumed;

    const closed = nextView(f, (v) => typeof offSince(v, memberId) === 'number');
    await call(p, 'producer:close', { producerId: camera.producerId });
    await closed;

    const log = (await server.clinic.attendance.events(s.sessionId)).filter(isCamera).filter((e) => e.memberId === memberId);
    expect(log.map((e) => e.kind)).toEqual(['camera-off', 'camera-on', 'camera-off', 'camera-on', 'camera-off']);
    expect(log[2]!.at).toBe(pausedAt);
    // Nothing about the facilitator's own camera is kept.
    const all = (await server.clinic.attendance.events(s.sessionId)).filter(isCamera);
    expect(all.every((e) => e.memberId === memberId)).toBe(true);
  });

  it('[CAM2] the cohort\'s camera-off flag is a staff setting, told to facilitators as they connect and never to participants', async () => {
    const s = await seededSession(server);
    const set = await api(server, 'PUT', `/api/cohorts/${s.cohortId}/camera-off-flag`, { body: { cameraOffFlagMinutes: 5 }, cookie: s.cookie });
    expect(set.status).toBe(200);
    expect((set.body as { cohort: { cameraOffFlagMinutes: number | null } }).cohort.cameraOffFlagMinutes).toBe(5);
    expect((await api(server, 'PUT', `/api/cohorts/${s.cohortId}/camera-off-flag`, { body: { cameraOffFlagMinutes: 2.5 }, cookie: s.cookie })).status).toBe(400);
    const f = track(await facilitatorSocket(server, s));
    expect(await call(f, 'session:identity', {})).toMatchObject({ role: 'facilitator', cameraOffFlagMinutes: 5 });
    const { socket: p } = track(await participantWaiting(server, s.participants[0]!.token));
    expect(await call(p, 'session:identity', {})).not.toHaveProperty('cameraOffFlagMinutes');
    await api(server, 'PUT', `/api/cohorts/${s.cohortId}/camera-off-flag`, { body: { cameraOffFlagMinutes: null }, cookie: s.cookie });
    expect(await call(f, 'session:identity', {})).not.toHaveProperty('cameraOffFlagMinutes');
  });
});
