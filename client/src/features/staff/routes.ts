/**
 * The staff pages' URLs, parsed and built in one place so a link, a reload and the back
 * button all land on the same page.
 */
export type StaffRoute =
  | { page: 'login'; next: string | undefined }
  | { page: 'setup' }
  | { page: 'cohorts' }
  | { page: 'cohort'; cohortId: string }
  | { page: 'session'; sessionId: string }
  | { page: 'audit' }
  | { page: 'notFound' };

/** Paths StaffApp answers for; App sends everything else elsewhere. */
export function isStaffPath(pathname: string): boolean {
  return /^\/(login|setup)\/?$/.test(pathname) || /^\/clinic(\/|$)/.test(pathname);
}

const ID = '([A-Za-z0-9_-]{1,64})';
const COHORT = new RegExp(`^/clinic/cohorts/${ID}/?$`);
const SESSION = new RegExp(`^/clinic/sessions/${ID}/?$`);

export function parseStaffRoute(pathname: string, search = ''): StaffRoute {
  if (/^\/login\/?$/.test(pathname)) return { page: 'login', next: safeNext(new URLSearchParams(search).get('next')) };
  if (/^\/setup\/?$/.test(pathname)) return { page: 'setup' };
  if (/^\/clinic\/?$/.test(pathname)) return { page: 'cohorts' };
  if (/^\/clinic\/audit\/?$/.test(pathname)) return { page: 'audit' };
  const cohortId = COHORT.exec(pathname)?.[1];
  if (cohortId) return { page: 'cohort', cohortId };
  const sessionId = SESSION.exec(pathname)?.[1];
  if (sessionId) return { page: 'session', sessionId };
  return { page: 'notFound' };
}

export const paths = {
  login: (next?: string) => (next && safeNext(next) ? `/login?${new URLSearchParams({ next }).toString()}` : '/login'),
  setup: () => '/setup',
  cohorts: () => '/clinic',
  cohort: (cohortId: string) => `/clinic/cohorts/${encodeURIComponent(cohortId)}`,
  session: (sessionId: string) => `/clinic/sessions/${encodeURIComponent(sessionId)}`,
  audit: () => '/clinic/audit',
  /** The facilitator's live console (its own page, outside the staff pages). */
  console: (sessionId: string) => `/facilitate/${encodeURIComponent(sessionId)}`,
};

/**
 * Where to go after signing in: only back to a clinic page on this site, so a crafted
 * `/login?next=https://elsewhere` link cannot send a clinician away after they sign in.
 */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next || !/^\/clinic(\/[A-Za-z0-9_/-]*)?$/.test(next) || next.includes('//')) return undefined;
  return next;
}
