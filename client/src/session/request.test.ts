import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { request, RequestError, type HearthSocket } from './request';

// Against a real Socket.IO server whose handshake refuses with a code, as Hearth's does when
// open rooms are off or an address opened too many connections.
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

async function refusingServer(code: string | undefined) {
  const http = createServer();
  const server = new Server(http);
  server.use((_socket, next) => next(Object.assign(new Error(code ?? 'no code'), code ? { data: { code } } : {})));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const socket = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], reconnection: false }) as HearthSocket;
  closers.push(() => {
    socket.close();
    void server.close();
  });
  return socket;
}

describe('request', () => {
  it('rejects at once with the code of a refused handshake, not after the timeout', async () => {
    const socket = await refusingServer('UNAUTHENTICATED');
    const started = Date.now();
    const err = await request(socket, 'room:leave', {}, 5_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RequestError);
    expect((err as RequestError).code).toBe('UNAUTHENTICATED');
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('waits out a refusal without a code (a network fault Socket.IO may still get past) and says it got no answer', async () => {
    const socket = await refusingServer(undefined);
    await expect(request(socket, 'room:leave', {}, 300)).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});
