import { consent } from '@hearth/shared/testing';
import { newId } from '../src/lib/ids.js';
import { seedDemo, type DemoSeed } from '../src/clinic/demo.js';
import type { RunningServer } from '../src/startServer.js';
import { call, connectClient, type TestSocket } from './harness.js';

export { consent };

const seeded = new WeakMap<RunningServer, Promise<{ seed: DemoSeed; cookie: string }>>();

/** The demo cohort and facilitator, signed in through the real login route, once per server. */
function demoSignedIn(server: RunningServer) {
  let done = seeded.get(server);
  if (!done) {
    done = (async () => {
      const seed = await seedDemo(server.clinic);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(seed.facilitator),
      });
      if (!login.ok) throw new Error(`login failed: ${login.status}`);
      return { seed, cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]! };
    })();
    seeded.set(server, done);
  }
  return done;
}

/**
 * A fresh group session of the demo cohort (a facilitator and four invited participants)
 * with real credentials: the facilitator's sign-in cookie and each participant's invite.
 */
export async function seededSession(server: RunningServer) {
  const { seed, cookie } = await demoSignedIn(server);
  const { clinic } = server;
  const session = {
    id: newId(),
    cohortId: seed.cohortId,
    title: 'Evening group',
    createdBy: 'test',
    createdAt: clinic.clock(),
    status: 'scheduled' as const,
  };
  await clinic.store.sessions.insert(session);
  const invites = await clinic.invites.issueForSession(session.id);
  const participants = invites.map((i) => ({ memberId: i.memberId, name: i.pseudonym, token: i.url.replace(/^\/join\//, '') }));
  return { sessionId: session.id, cohortId: seed.cohortId, cookie, participants };
}

export async function facilitatorSocket(server: RunningServer, s: { sessionId: string; cookie: string }): Promise<TestSocket> {
  return connectClient(server, { auth: { sessionId: s.sessionId }, cookie: s.cookie });
}

export async function participantSocket(server: RunningServer, token: string): Promise<TestSocket> {
  return connectClient(server, { auth: { invite: token } });
}

/** Connects a participant and takes them through the consent gate into the waiting room. */
export async function participantWaiting(server: RunningServer, token: string) {
  const socket = await participantSocket(server, token);
  const { view } = await call(socket, 'session:enter', { consent });
  return { socket, view };
}
