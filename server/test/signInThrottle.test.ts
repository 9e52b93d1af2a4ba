import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SignInThrottle, type SignInLimits } from '../src/auth/SignInThrottle.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';

/**
 * The sign-in throttle's policy (auth/SignInThrottle.ts), against the in-memory counters and a
 * real redis-server alike: several nodes must enforce the same limits through one Redis.
 */
let redis: TestRedis;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startRedis();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.disconnect();
});
afterAll(async () => {
  await redis?.destroy();
});

const LIMITS: SignInLimits = {
  perAddress: { attempts: 8, windowS: 60 },
  perEmailFromAddress: { attempts: 3, windowS: 60 },
  perEmailFromStrangers: { attempts: 5, windowS: 60 },
  knownAddressS: 600,
};

/** Two throttles sharing their counters: two nodes on one Redis, or one process twice over. */
const backends: [string, () => Promise<[SignInThrottle, SignInThrottle]>][] = [
  [
    'memory',
    async () => {
      const one = new SignInThrottle({ limits: LIMITS });
      return [one, one];
    },
  ],
  [
    'redis',
    async () => {
      const make = () => {
        const client = new Redis(redis.url, { keyPrefix: 'hearth:' });
        clients.push(client);
        return client;
      };
      const first = make();
      await first.flushall();
      return [new SignInThrottle({ redis: first, limits: LIMITS }), new SignInThrottle({ redis: make(), limits: LIMITS })];
    },
  ],
];

const code = (p: Promise<unknown>) => p.then(() => 'ADMITTED', (e: { code?: string }) => e.code ?? 'ERROR');

describe.each(backends)('sign-in throttle: %s', (_name, create) => {
  it('refuses an email from an address after 3 failures, on every node, but not from elsewhere', async () => {
    const [nodeA, nodeB] = await create();
    for (let i = 0; i < 3; i++) await (await nodeA.admit('fran@x.org', '203.0.113.9')).settle('failed');
    expect(await code(nodeB.admit('fran@x.org', '203.0.113.9'))).toBe('RATE_LIMITED');
    expect(await code(nodeB.admit('fran@x.org', '198.51.100.1'))).toBe('ADMITTED');
    expect(await code(nodeB.admit('other@x.org', '203.0.113.9'))).toBe('ADMITTED');
  });

  it('refuses an address after 8 attempts whatever the emails; a success or an unchecked attempt gives its count back', async () => {
    const [throttle] = await create();
    for (let i = 0; i < 7; i++) await (await throttle.admit(`e${i}@x.org`, '203.0.113.9')).settle('failed');
    await (await throttle.admit('staff@x.org', '203.0.113.9')).settle('succeeded');
    await (await throttle.admit('staff@x.org', '203.0.113.9')).settle('withdrawn');
    const last = await throttle.admit('e8@x.org', '203.0.113.9');
    await last.settle('failed');
    const refused = await throttle.admit('e9@x.org', '203.0.113.9').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it('lets no parallel attempt past a count', async () => {
    const [throttle] = await create();
    const codes = await Promise.all(Array.from({ length: 10 }, () => code(throttle.admit('fran@x.org', '203.0.113.9'))));
    expect(codes.filter((c) => c === 'ADMITTED')).toHaveLength(3);
  });

  it('under a spread-out attack, admits the account only from addresses it signed in from before', async () => {
    const [nodeA, nodeB] = await create();
    await (await nodeA.admit('fran@x.org', '198.51.100.1')).settle('succeeded');
    for (let i = 0; i < 5; i++) await (await nodeA.admit('fran@x.org', `203.0.113.${i}`)).settle('failed');
    expect(await code(nodeB.admit('fran@x.org', '203.0.113.200'))).toBe('RATE_LIMITED');
    expect(await code(nodeB.admit('fran@x.org', '198.51.100.1'))).toBe('ADMITTED');
    expect(await code(nodeB.admit('other@x.org', '203.0.113.200'))).toBe('ADMITTED');
  });
});
