import { describe, expect, it } from 'vitest';
import type { SessionView } from '@hearth/shared';
import { ModeratedSession } from './ModeratedSession';
import { DEFAULT_CAPTURE } from './localMedia';
import { SessionConnection } from './SessionConnection';
import { fakeDevice } from './testing/fakeMedia';
import { FakeClientSocket, type Ack, type FakeServerEnd } from './testing/fakeSocketPair';

/*
 * Patches of the view (T2b): applied to the version they start from, an older one dropped,
 * one that does not fit (a message missed) mended by asking for the whole view.
 */

const consent = { agreed: true as const, location: 'Home, Springfield', callbackNumber: '+1 555 0100' };
const waiting = (version: number, facilitatorPresent: boolean) =>
  ({ kind: 'waiting', version, sessionId: 's1', ended: false, self: { id: 'm1', micMuted: false, cameraOff: false }, facilitatorPresent }) as unknown as SessionView;

async function inTheWaitingRoom(resyncView: () => SessionView, beforeResyncAnswer: () => void = () => undefined) {
  const asked: string[] = [];
  const sockets: FakeClientSocket[] = [];
  const end: FakeServerEnd = {
    handshake: () => undefined,
    request: async (_socket, event): Promise<Ack> => {
      asked.push(event);
      if (event === 'session:identity') return { ok: true, data: { displayName: 'Alex', role: 'participant', sessionId: 's1' } };
      if (event === 'session:enter') return { ok: true, data: { view: waiting(3, false) } };
      if (event === 'session:resync') {
        const view = resyncView();
        beforeResyncAnswer();
        return { ok: true, data: { view } };
      }
      return { ok: false, error: { code: 'INVALID_PAYLOAD', message: event } };
    },
    disconnected: () => undefined,
  };
  const connection = new SessionConnection(
    {
      openSocket: (url) => {
        const socket = new FakeClientSocket(url, () => end);
        sockets.push(socket);
        return socket.asHearthSocket;
      },
      createDevice: fakeDevice,
      resumable: true,
    },
    DEFAULT_CAPTURE,
  );
  const session = new ModeratedSession(connection, DEFAULT_CAPTURE);
  await session.start();
  await session.choseMedia(undefined);
  await session.enter(consent);
  return { session, asked, socket: sockets[0]! };
}

describe('ModeratedSession: view patches', () => {
  it('applies a patch to the version held, drops an older one, and asks for the whole view when one was missed', async () => {
    let current = waiting(6, true);
    const { session, asked, socket } = await inTheWaitingRoom(() => current);
    expect(session.getState().view).toEqual(waiting(3, false));

    socket.fire('session:patched', { from: 3, version: 4, set: { version: 4, facilitatorPresent: true }, unset: [] });
    expect(session.getState().view).toEqual(waiting(4, true));

    socket.fire('session:patched', { from: 2, version: 3, set: { version: 3, facilitatorPresent: false }, unset: [] });
    expect(session.getState().view).toEqual(waiting(4, true));

    // 4 → 5 was missed: 5 → 6 does not fit, so the client asks for the whole view.
    socket.fire('session:patched', { from: 5, version: 6, set: { version: 6 }, unset: [] });
    expect(session.getState().view?.version).toBe(4);
    await expect.poll(() => session.getState().view).toEqual(current);
    expect(asked.filter((e) => e === 'session:resync')).toHaveLength(1);

    // Patches go on from the view it was answered with.
    current = waiting(7, false);
    socket.fire('session:patched', { from: 6, version: 7, set: { version: 7, facilitatorPresent: false }, unset: [] });
    expect(session.getState().view).toEqual(current);
  });

  it('a patch that overtakes the answer to a resync is applied on top of it, not lost', async () => {
    // The server answers with version 6 and then patches 6 → 7; here the patch is handled first.
    const holder: { socket?: FakeClientSocket } = {};
    const overtaking = () => holder.socket!.fire('session:patched', { from: 6, version: 7, set: { version: 7, facilitatorPresent: false }, unset: [] });
    const waitingRoom = await inTheWaitingRoom(() => waiting(6, true), overtaking);
    holder.socket = waitingRoom.socket;
    holder.socket.fire('session:patched', { from: 5, version: 6, set: { version: 6 }, unset: [] });
    await expect.poll(() => waitingRoom.session.getState().view).toEqual(waiting(7, false));
    expect(waitingRoom.asked.filter((e) => e === 'session:resync')).toHaveLength(1);
  });
});
