import type { RunningServer } from '../src/startServer.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';
import { ADMIN, FACILITATOR, api, sessionCookieOf, staff } from './clinicApi.js';
import { startTestServer } from './harness.js';

export type Backend = 'memory' | 'redis';
export const BACKENDS: Backend[] = ['memory', 'redis'];

/** A server on one backend (a real redis-server for Redis) with a clock the test moves; admin and facilitator signed in. */
export async function recordsServer(backend: Backend, clock: () => number) {
  const redis: TestRedis | undefined = backend === 'redis' ? await startRedis() : undefined;
  const server = await startTestServer(redis ? { REDIS_URL: redis.url } : {}, { clock });
  const cookies = await staff(server);
  return {
    server,
    ...cookies,
    close: async () => {
      await server.close();
      await redis?.destroy();
    },
  };
}

/** A sign-in again (after the clock has moved past the old one's expiry). */
export async function signInAgain(server: RunningServer, who: 'admin' | 'facilitator'): Promise<string> {
  const { email, password } = who === 'admin' ? ADMIN : FACILITATOR;
  return sessionCookieOf(await api(server, 'POST', '/api/auth/login', { body: { email, password } }));
}

/** A cohort with these members and one session, made through the API as `cookie`. */
export async function cohortWithSession(server: RunningServer, cookie: string, pseudonyms: string[], session: { title: string; scheduledStart?: string } = { title: 'Evening group' }) {
  const cohort = (await api(server, 'POST', '/api/cohorts', { body: { name: `Cohort ${pseudonyms.join(' ')}`, timeZone: 'UTC' }, cookie })).body as { cohort: { id: string } };
  const cohortId = cohort.cohort.id;
  const members: Record<string, string> = {};
  for (const pseudonym of pseudonyms) {
    const res = await api(server, 'POST', `/api/cohorts/${cohortId}/members`, { body: { pseudonym }, cookie });
    members[pseudonym] = (res.body as { member: { id: string } }).member.id;
  }
  const made = await api(server, 'POST', `/api/cohorts/${cohortId}/sessions`, { body: session, cookie });
  const sessionId = (made.body as { session: { id: string } }).session.id;
  return { cohortId, sessionId, members };
}
