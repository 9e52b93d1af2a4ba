import { describe, expect, it } from 'vitest';
import { applyViewPatch, type SessionView, type ViewPatch } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { call, serverForFile, type TestSocket } from './harness.js';
import { consent, facilitatorSocket, participantSocket, seededSession } from './sessionFixture.js';

let server: RunningServer;
const track = serverForFile((started) => (server = started));

/**
 * A client that takes patches, over real Socket.IO: it holds what the browser's would
 * (full snapshots, patches applied to the version they start from, a resync when one does not
 * fit). `dropNext` loses the next patch, as a message missed in transit would be.
 */
function patchingClient(socket: TestSocket) {
  let held: SessionView | undefined;
  let drop = 0;
  const outcomes: string[] = [];
  const waiters = new Set<() => void>();
  const hold = (view: SessionView) => {
    if (held && view.version < held.version) return;
    held = view;
    for (const w of [...waiters]) w();
  };
  socket.on('session:updated', ({ view }) => {
    outcomes.push('full');
    hold(view);
  });
  socket.on('session:patched', (patch: ViewPatch) => {
    if (drop > 0 && drop-- > 0) return void outcomes.push('dropped');
    const outcome = applyViewPatch(held, patch);
    outcomes.push(typeof outcome === 'string' ? outcome : 'patched');
    if (outcome === 'resync') void call(socket, 'session:resync', {}).then(({ view }) => hold(view));
    else if (outcome !== 'stale') hold(outcome.view);
  });
  return {
    outcomes,
    dropNext: () => void (drop = 1),
    /** The view held once it is of `version` or newer. */
    at: (version: number) =>
      new Promise<SessionView>((resolve) => {
        const check = () => {
          if (held && held.version >= version) {
            waiters.delete(check);
            resolve(held);
          }
        };
        waiters.add(check);
        check();
      }),
  };
}

describe('view patches', () => {
  it('a participant who takes patches holds exactly their view after every command, a missed patch mended by a resync', async () => {
    const s = await seededSession(server);
    const f = track(await facilitatorSocket(server, s));
    await call(f, 'session:enter', { consent: null });
    const [alex, sam] = s.participants;
    const p = track(await participantSocket(server, alex!.token));
    const client = patchingClient(p);
    await call(p, 'session:enter', { consent, patches: true });
    const other = track(await participantSocket(server, sam!.token));
    await call(other, 'session:enter', { consent });
    const live = await server.sessions.get(s.sessionId);

    const steps: [TestSocket, unknown][] = [
      [f, { type: 'admit', memberId: alex!.memberId }],
      [f, { type: 'admit', memberId: sam!.memberId }],
      [p, { type: 'raiseHand' }],
      [f, { type: 'lockRoom', locked: true }],
      [f, { type: 'mute', memberId: alex!.memberId }],
      [other, { type: 'raiseHand' }],
      [f, { type: 'startPulse', question: 'How are you?' }],
      [p, { type: 'answerPulse', value: 4 }],
      [p, { type: 'lowerHand' }],
    ];
    for (const [i, [socket, command]] of steps.entries()) {
      // The mute's patch is lost: nothing more comes until the next command's, which does not fit.
      if (i === 4) client.dropNext();
      const { version } = await call(socket, 'session:command', command);
      if (i !== 4) expect(await client.at(version)).toEqual(live.view(alex!.memberId));
    }
    // The first snapshot in full, then patches; the missed one made the next not fit.
    expect(client.outcomes[0]).toBe('full');
    expect(client.outcomes.slice(1, 4)).toEqual(['patched', 'patched', 'patched']);
    expect(client.outcomes).toContain('dropped');
    expect(client.outcomes[client.outcomes.indexOf('dropped') + 1]).toBe('resync');
    expect(client.outcomes.at(-1)).toBe('patched');
  });

  it('a client that did not ask for patches is sent full snapshots, as before', async () => {
    const s = await seededSession(server);
    const f = track(await facilitatorSocket(server, s));
    await call(f, 'session:enter', { consent: null });
    const events: string[] = [];
    f.on('session:updated', () => void events.push('full'));
    f.on('session:patched', () => void events.push('patch'));
    await call(f, 'session:command', { type: 'lockRoom', locked: true });
    const { version } = await call(f, 'session:command', { type: 'lockRoom', locked: false });
    expect(version).toBeGreaterThan(1);
    expect(events).toEqual(['full', 'full']);
  });

  it('a resync before entering is refused', async () => {
    const s = await seededSession(server);
    const p = track(await participantSocket(server, s.participants[0]!.token));
    await expect(call(p, 'session:resync', {})).rejects.toThrow(/NOT_JOINED/);
  });
});
