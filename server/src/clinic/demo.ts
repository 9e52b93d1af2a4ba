import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Clinic } from './createClinic.js';
import { newId } from '../lib/ids.js';
import type { InviteLink } from './Invites.js';

export const DEMO_FACILITATOR_EMAIL = 'demo@hearth.local';
export const DEMO_PSEUDONYMS = ['Alex', 'Blake', 'Casey', 'Drew'] as const;

export type DemoSeed = {
  facilitator: { email: string; password: string };
  cohortId: string;
  sessionId: string;
  invites: InviteLink[];
};

/**
 * What DEMO=true starts with, so a new user sees a real session in a minute: a cohort in the
 * clinic's zone, a facilitator with a fresh random password, four participants, one
 * unscheduled session (its invites last 7 days) and their invite links.
 */
export async function seedDemo(clinic: Clinic): Promise<DemoSeed> {
  const password = randomBytes(12).toString('base64url');
  const facilitator = await clinic.accounts.create({
    email: DEMO_FACILITATOR_EMAIL,
    password,
    displayName: 'Demo Facilitator',
    role: 'facilitator',
  });
  const now = clinic.clock();
  const cohort = { id: newId(), name: 'Evening IOP — demo', timeZone: clinic.timeZone, createdAt: now };
  await clinic.store.cohorts.insert(cohort);
  // Staff reach only their cohorts: the demo facilitator leads the demo cohort.
  await clinic.store.cohortStaff.assign(cohort.id, facilitator.id);
  for (const pseudonym of DEMO_PSEUDONYMS) {
    await clinic.store.members.insert({ id: newId(), cohortId: cohort.id, pseudonym, createdAt: now });
  }
  const session = { id: newId(), cohortId: cohort.id, title: 'Evening group', createdBy: facilitator.id, createdAt: now, status: 'scheduled' as const };
  await clinic.store.sessions.insert(session);
  const invites = await clinic.invites.issueForSession(session.id);
  return { facilitator: { email: DEMO_FACILITATOR_EMAIL, password }, cohortId: cohort.id, sessionId: session.id, invites };
}

/**
 * The text printed once at start. It holds a password and credentials, so it goes to
 * stdout for the person who started the server, never through the logger.
 */
export function demoAnnouncement(seed: DemoSeed, baseUrl: string): string {
  const lines = [
    '',
    'Hearth demo mode: a cohort, a facilitator and four participants are ready.',
    `  Facilitator sign-in: ${baseUrl}/login`,
    `    email:    ${seed.facilitator.email}`,
    `    password: ${seed.facilitator.password}   (shown only now)`,
    '  Participant invite links:',
    ...seed.invites.map((i) => `    ${i.pseudonym.padEnd(6)} ${baseUrl}${i.url}`),
    '',
  ];
  return lines.join('\n') + '\n';
}

/**
 * DEMO=true on a store that outlives the process (Redis) seeds once: a restart finds the
 * demo already there and leaves it (its password was printed the first time).
 */
export async function seedDemoOnce(clinic: Clinic, log: Logger): Promise<DemoSeed | undefined> {
  if (await clinic.store.accounts.findByEmail(DEMO_FACILITATOR_EMAIL)) {
    log.info('the demo cohort is already in the store; its sign-in was printed when it was made');
    return undefined;
  }
  return seedDemo(clinic);
}
