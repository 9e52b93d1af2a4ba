import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkQuality } from '@hearth/shared';
import { LinkReporter } from './LinkReporter';
import type { HearthSocket } from './request';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A real Socket.IO server that records each reportLink and answers it when `answer` is called. */
async function slowSession() {
  const http = createServer();
  const server = new Server(http);
  const reports: string[] = [];
  const pending: (() => void)[] = [];
  server.on('connection', (s) =>
    s.on('session:command', (command: { quality: string }, ack: (a: unknown) => void) => {
      reports.push(command.quality);
      pending.push(() => ack({ ok: true, data: {} }));
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const socket = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'], reconnection: false }) as HearthSocket;
  await new Promise((resolve) => socket.once('connect', () => resolve(undefined)));
  closers.push(() => {
    socket.close();
    void server.close();
  });
  const answer = async () => {
    await expect.poll(() => pending.length).toBeGreaterThan(0);
    pending.shift()!();
  };
  return { socket, reports, answer };
}

describe('reporting the link', () => {
  it('[LNK1] a level that changed while a report was on its way is reported after it; the level held is not sent again', async () => {
    const { socket, reports, answer } = await slowSession();
    let measured: LinkQuality | null = 'good';
    let held: LinkQuality | null = null;
    const reporter = new LinkReporter({ measured: () => measured, held: () => held, socket: () => socket });
    const done = reporter.report();
    await expect.poll(() => reports).toEqual(['good']);
    measured = 'poor';
    void reporter.report(); // while the first is on its way: nothing more is sent yet
    await answer();
    await answer();
    await done;
    expect(reports).toEqual(['good', 'poor']);
    held = 'poor';
    await reporter.report();
    expect(reports).toEqual(['good', 'poor']);
  });

  it('[LNK1] sends nothing outside the room', async () => {
    const { socket, reports } = await slowSession();
    await new LinkReporter({ measured: () => 'poor', held: () => undefined, socket: () => socket }).report();
    expect(reports).toEqual([]);
  });
});
