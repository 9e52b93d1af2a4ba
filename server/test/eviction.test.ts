import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LiveSession } from '../src/sessions/LiveSession.js';
import type { RunningServer } from '../src/startServer.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';
import { call, nextEvent, startTestServer } from './harness.js';
import { facilitatorSocket, seededSession } from './sessionFixture.js';

// Redis keeps the records, so what the server process holds is only what it is running.
let redis: TestRedis;
let server: RunningServer;
beforeAll(async () => {
  redis = await startRedis();
  server = await startTestServer({ REDIS_URL: redis.url });
});
afterAll(async () => {
  await server?.close();
  await redis?.destroy();
});

/**
 * `count` sessions, each with its facilitator connected, all held at once; then each is
 * ended and its connection closed. Returns how many were held, and weak references to them.
 */
async function holdAndEnd(count: number) {
  const facilitators = [];
  const sessions: WeakRef<LiveSession>[] = [];
  for (let i = 0; i < count; i++) {
    const seeded = await seededSession(server);
    const socket = await facilitatorSocket(server, seeded);
    await call(socket, 'session:enter', { consent: null });
    facilitators.push(socket);
    sessions.push(new WeakRef(server.sessions.current(seeded.sessionId)!));
  }
  const held = server.sessions.size;
  for (const socket of facilitators) {
    const closed = nextEvent(socket, 'session:closed');
    await call(socket, 'session:command', { type: 'end' });
    await closed;
    socket.disconnect();
  }
  return { held, sessions };
}

async function heapAfterCollection(): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with --expose-gc (vitest.config.ts gives it to the integration project)');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

it('ended sessions nobody is connected to are dropped: after a hundred, nothing of them is left, no lease either, and the heap is back near idle', async () => {
  // A first round warms up what is made once and kept (the demo cohort, caches, compiled
  // code, tables sized for a hundred), so that idle means idle.
  await holdAndEnd(100);
  await expect.poll(() => server.sessions.size).toBe(0);
  const idle = await heapAfterCollection();

  const { held, sessions } = await holdAndEnd(100);
  expect(held).toBe(100);
  await expect.poll(() => server.sessions.size).toBe(0);
  const grown = (await heapAfterCollection()) - idle;
  // The exact check: nothing (registry, timer, listener, connection) still reaches a session.
  expect(sessions.filter((s) => s.deref() !== undefined)).toHaveLength(0);
  // Nor is any lease on them left in Redis for this node to renew or for others to be sent to.
  const raw = new Redis(redis.url);
  await expect.poll(() => raw.keys('hearth:session-node:*')).toEqual([]);
  raw.disconnect();
  // The coarse one: a retained session costs a few KiB, what the process shuffles around
  // between two collections a few hundred; a leak of connections or rooms would be MiBs.
  expect(grown).toBeLessThan(2 * 1024 * 1024);
}, 60_000);
