import { describe, expect, it } from 'vitest';
import { credentialProblem, refusalOf } from './connectionRefusal';
import { RequestError } from './request';
import type { HearthSocket } from './request';

type Listener = (err: Error) => void;

/** The two methods refusalOf uses, and a way to fire the event as Socket.IO would. */
function socketLike() {
  const listeners = new Set<Listener>();
  const socket = {
    on: (_event: string, listener: Listener) => (listeners.add(listener), socket),
    off: (_event: string, listener: Listener) => (listeners.delete(listener), socket),
    emit: (_event: 'connect_error', err: Error) => listeners.forEach((l) => l(err)),
    listenerCount: () => listeners.size,
  };
  return socket as typeof socket & Pick<HearthSocket, 'on' | 'off'>;
}
const refusal = (code: string) => Object.assign(new Error(code), { data: { code } });

describe('refusalOf', () => {
  it('rejects with the server’s code the moment the handshake is refused', async () => {
    const socket = socketLike();
    const { refused } = refusalOf(socket);
    socket.emit('connect_error', refusal('SESSION_ENDED'));
    await expect(refused).rejects.toMatchObject({ name: 'RequestError', code: 'SESSION_ENDED' });
  });

  it('leaves a network error (no code) to Socket.IO’s retries', async () => {
    const socket = socketLike();
    const { refused } = refusalOf(socket);
    socket.emit('connect_error', new Error('websocket error'));
    const outcome = await Promise.race([refused.then(() => 'settled', () => 'settled'), Promise.resolve('pending')]);
    expect(outcome).toBe('pending');
    // A refusal after a few network errors still comes through.
    socket.emit('connect_error', refusal('INVITE_EXPIRED'));
    await expect(refused).rejects.toMatchObject({ code: 'INVITE_EXPIRED' });
  });

  it('stops listening once stopped', () => {
    const socket = socketLike();
    const { stop } = refusalOf(socket);
    expect(socket.listenerCount()).toBe(1);
    stop();
    expect(socket.listenerCount()).toBe(0);
  });
});

describe('credentialProblem', () => {
  it('keeps a refusal of the credential as its code, FORBIDDEN (another cohort) included; anything else is UNREACHABLE', () => {
    expect(credentialProblem(new RequestError('FORBIDDEN', 'not yours'))).toBe('FORBIDDEN');
    expect(credentialProblem(new RequestError('INVITE_REVOKED', 'revoked'))).toBe('INVITE_REVOKED');
    expect(credentialProblem(new RequestError('INTERNAL', 'oops'))).toBe('UNREACHABLE');
    expect(credentialProblem(new Error('network'))).toBe('UNREACHABLE');
  });
});
