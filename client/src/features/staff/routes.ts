/**
 * The staff pages' addresses, built in one place; StaffApp's routes (wouter) read them back.
 * The clinic pages live under /clinic, so a reload or a shared link lands on the same page.
 */
export const paths = {
  login: (next?: string) => (next && safeNext(next) ? `/login?${new URLSearchParams({ next }).toString()}` : '/login'),
  setup: () => '/setup',
  cohorts: () => '/clinic',
  /** `tab` opens one part of the cohort's page (members, schedule…); none opens its sessions. */
  cohort: (cohortId: string, tab?: string) => `/clinic/cohorts/${encodeURIComponent(cohortId)}${tab ? `?tab=${encodeURIComponent(tab)}` : ''}`,
  /** The printable billing days; the query carries the range and the disclosure's recipient and purpose. */
  billingDays: (cohortId: string, memberId: string | null, query: { from: string; to: string; recipient: string; purpose: string }) =>
    `/clinic/cohorts/${encodeURIComponent(cohortId)}/billing-days?${new URLSearchParams({ ...query, ...(memberId ? { member: memberId } : {}) }).toString()}`,
  session: (sessionId: string) => `/clinic/sessions/${encodeURIComponent(sessionId)}`,
  /** The session's group notes: staff of its cohort only. */
  sessionNotes: (sessionId: string) => `/clinic/sessions/${encodeURIComponent(sessionId)}/notes`,
  audit: () => '/clinic/audit',
  /** Admins: one participant's accounting of disclosures. */
  disclosures: () => '/clinic/disclosures',
  settings: () => '/clinic/settings',
  /** Admins: the clinic's staff accounts. */
  staff: () => '/clinic/staff',
  /** Anyone signed in: their own account (changing the password). */
  account: () => '/clinic/account',
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
