import { describe, expect, it } from 'vitest';
import type { SessionView } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { isPresence } from '../src/store/SessionLog.js';
import { POOR_LINK_DOWNLINK_BPS } from '../src/rooms/MediaPolicy.js';
import { call, intoMedia, nextEvent, send, serverForFile, type TestSocket } from './harness.js';
import { facilitatorSocket, participantWaiting, seededSession } from './sessionFixture.js';

let server: RunningServer;
const track = serverForFile((started) => (server = started));

const nextView = (socket: TestSocket, match: (v: SessionView) => boolean) =>
  nextEvent(socket, 'session:updated', ({ view }) => match(view)).then(({ view }) => view);

const memberIn = (view: SessionView, id: string) => ('members' in view ? view.members.find((m) => m.id === id) : undefined);

async function facilitatorAndParticipant() {
  const s = await seededSession(server);
  const f = track(await facilitatorSocket(server, s));
  await call(f, 'session:enter', { consent: null });
  const p = s.participants[0]!;
  const { socket } = track(await participantWaiting(server, p.token));
  const admitted = nextView(socket, (v) => v.kind === 'participant');
  await call(f, 'session:command', { type: 'admit', memberId: p.memberId });
  await admitted;
  return { s, f, p: socket, memberId: p.memberId };
}

describe('weak links and audio only', () => {
  it('[LNK1] a participant reports a weak link; the facilitator is sent it; a made-up level changes nothing', async () => {
    const { s, f, p, memberId } = await facilitatorAndParticipant();
    const seen = nextView(f, (v) => memberIn(v, memberId)?.link === 'poor');
    await call(p, 'session:command', { type: 'reportLink', quality: 'poor' });
    expect(memberIn(await seen, memberId)?.link).toBe('poor');

    const live = await server.sessions.get(s.sessionId);
    const version = live.snapshot.version;
    expect(await send(p, 'session:command', { type: 'reportLink', quality: 'terrible' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    // A member reports only their own link: naming someone else is not a command.
    expect(await send(p, 'session:command', { type: 'reportLink', quality: 'good', memberId: 'someone-else' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(live.snapshot.version).toBe(version);
    expect(live.snapshot.members[memberId]?.link).toBe('poor');
  });

  it('[LNK1] a member on a poor link is sent little video by the SFU, and as much as their link takes again once it is better', async () => {
    const { s, p, memberId } = await facilitatorAndParticipant();
    await intoMedia(p, s.sessionId);
    const room = (await server.rooms.get(s.sessionId))!;
    expect(await room.downlinkCap(memberId), 'no cap on a link nobody called poor').toBeUndefined();

    await call(p, 'session:command', { type: 'reportLink', quality: 'poor' });
    expect(await room.downlinkCap(memberId), "the worker holds the member's receive transport to the poor-link rate").toBe(POOR_LINK_DOWNLINK_BPS);
    await call(p, 'session:command', { type: 'reportLink', quality: 'fair' });
    expect(await room.downlinkCap(memberId)).toBeUndefined();
  });

  it('[LNK1] a receive transport made while the link is poor starts capped (a phone joining on a weak link)', async () => {
    const { s, p, memberId } = await facilitatorAndParticipant();
    await call(p, 'session:command', { type: 'reportLink', quality: 'poor' });
    await intoMedia(p, s.sessionId);
    const room = (await server.rooms.get(s.sessionId))!;
    expect(await room.downlinkCap(memberId)).toBe(POOR_LINK_DOWNLINK_BPS);
  });

  it('[LNK3] audio only is recorded in the attendance log as a change of modality', async () => {
    const { s, f, p, memberId } = await facilitatorAndParticipant();
    const seen = nextView(f, (v) => memberIn(v, memberId)?.audioOnly === true);
    await call(p, 'session:command', { type: 'setAudioOnly', on: true });
    expect(memberIn(await seen, memberId)).toMatchObject({ audioOnly: true, cameraOff: true });
    const events = await server.clinic.attendance.events(s.sessionId);
    expect(events.filter(isPresence).filter((e) => e.memberId === memberId).map((e) => [e.kind, e.mode])).toEqual([
      ['in', 'video'],
      ['mode', 'audio-only'],
    ]);
  });
});
