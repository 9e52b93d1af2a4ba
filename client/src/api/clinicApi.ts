import type { Accounting, BillingDays, BillingProfile, ClinicInfo, DisclosureRequestInput, GroupSection, IndividualSection, NoteAnswer, PurgeCounts, PurgePreview, RangeExportQueryInput, RetentionSettings, SessionNotesAnswer } from '@hearth/shared';
import { isApiError } from './ApiError';
import { requestJson, type Fetch, type Method } from './http';
import type {
  Account,
  AuditEntry,
  AuditVerification,
  ChangePasswordInput,
  Cohort,
  CohortAttendance,
  CohortFacilitator,
  GroupSession,
  InviteLink,
  Member,
  NewAccount,
  NewCohortInput,
  NewMemberInput,
  NewSessionInput,
  ResetPasswordInput,
  RevokedInvite,
  SessionAttendance,
  StaffMember,
  WeeklyScheduleInput,
} from './types';

const id = (value: string) => encodeURIComponent(value);

const billingDaysPath = (cohortId: string, memberId: string | null) =>
  memberId === null ? `/cohorts/${id(cohortId)}/billing-days` : `/cohorts/${id(cohortId)}/members/${id(memberId)}/billing-days`;
const rangeQuery = ({ from, to, recipient, purpose }: RangeExportQueryInput) => new URLSearchParams({ from, to, recipient, purpose }).toString();

/**
 * Where the attendance CSVs are. Each is a disclosure of participants' data: the address
 * carries who receives it and why (42 CFR Part 2), and the server records both. Fetched with
 * downloadFile, so a refusal is shown rather than saved.
 */
export const csvUrls = {
  session: (sessionId: string, to: DisclosureRequestInput) =>
    `/api/sessions/${id(sessionId)}/attendance.csv?${new URLSearchParams({ recipient: to.recipient, purpose: to.purpose }).toString()}`,
  cohort: (cohortId: string, from: string, until: string, to: DisclosureRequestInput) =>
    `/api/cohorts/${id(cohortId)}/attendance.csv?${new URLSearchParams({ from, to: until, recipient: to.recipient, purpose: to.purpose }).toString()}`,
  /** Admins: one participant's accounting of disclosures (not itself a disclosure: it is audited). */
  accounting: (memberId: string, from: string, to: string) => `/api/disclosures/accounting.csv?${new URLSearchParams({ memberId, from, to }).toString()}`,
  /** Per participant per day with payer weeks (docs/attendance-csv.md): the cohort, or one member. */
  billingDays: (cohortId: string, memberId: string | null, query: RangeExportQueryInput) => `/api${billingDaysPath(cohortId, memberId)}.csv?${rangeQuery(query)}`,
};


/**
 * Group notes' exports (GNOTE4): plain links like the CSVs, each naming its recipient and
 * purpose; one participant's note, or every note of the session when `memberId` is null.
 */
export function notesExportUrl(sessionId: string, memberId: string | null, format: 'pdf' | 'json', recipient: string, purpose: string): string {
  const query = new URLSearchParams({ recipient, purpose }).toString();
  return memberId === null ? `/api/sessions/${id(sessionId)}/notes.${format}?${query}` : `/api/sessions/${id(sessionId)}/notes/${id(memberId)}/note.${format}?${query}`;
}

/**
 * The clinic's JSON API under /api, one typed function per route. The session cookie
 * travels by itself (httpOnly, SameSite=Strict); this client never sees it.
 */
export function createClinicApi(options: { fetch?: Fetch; onSignedOut?: () => void } = {}) {
  const fetchImpl: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const call = async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
    try {
      return await requestJson<T>(fetchImpl, method, `/api${path}`, body);
    } catch (err) {
      // Anywhere but the sign-in form itself, UNAUTHENTICATED means the sign-in has ended.
      if (isApiError(err) && err.code === 'UNAUTHENTICATED' && path !== '/auth/login') options.onSignedOut?.();
      throw err;
    }
  };

  return {
    setupNeeded: async () => (await call<{ setupNeeded: boolean }>('GET', '/setup')).setupNeeded,
    setupFirstAdmin: async (account: NewAccount) => (await call<{ account: Account }>('POST', '/setup/admin', account)).account,
    signIn: async (email: string, password: string) => (await call<{ account: Account }>('POST', '/auth/login', { email, password })).account,
    signOut: () => call<void>('POST', '/auth/logout'),
    me: async () => (await call<{ account: Account }>('GET', '/auth/me')).account,
    addFacilitator: async (account: NewAccount) => (await call<{ account: Account }>('POST', '/facilitators', account)).account,
    /** Anyone signed in: their other sign-ins end; this browser stays signed in (a new cookie). */
    changePassword: (body: ChangePasswordInput) => call<void>('POST', '/auth/password', body),

    /** Admins only: every staff account, oldest first. */
    staff: async () => (await call<{ staff: StaffMember[] }>('GET', '/staff')).staff,
    /** Admins only: a disabled account cannot sign in, and its sign-ins and live connections end. */
    setStaffDisabled: async (staffId: string, disabled: boolean) =>
      (await call<{ staff: StaffMember }>('POST', `/staff/${id(staffId)}/${disabled ? 'disable' : 'enable'}`)).staff,
    /** Admins only: a new password for someone else; their sign-ins end. */
    resetStaffPassword: async (staffId: string, body: ResetPasswordInput) =>
      (await call<{ staff: StaffMember }>('POST', `/staff/${id(staffId)}/password`, body)).staff,

    cohorts: async () => (await call<{ cohorts: Cohort[] }>('GET', '/cohorts')).cohorts,
    createCohort: async (cohort: NewCohortInput) => (await call<{ cohort: Cohort }>('POST', '/cohorts', cohort)).cohort,
    members: async (cohortId: string) => (await call<{ members: Member[] }>('GET', `/cohorts/${id(cohortId)}/members`)).members,
    addMember: async (cohortId: string, member: NewMemberInput) =>
      (await call<{ member: Member }>('POST', `/cohorts/${id(cohortId)}/members`, member)).member,
    /** Replaces the cohort's standing "never pair" rules. */
    /** CAM2: flag a camera off longer than this in the console; null: no flag. */
    setCameraOffFlag: async (cohortId: string, cameraOffFlagMinutes: number | null) =>
      (await call<{ cohort: Cohort }>('PUT', `/cohorts/${id(cohortId)}/camera-off-flag`, { cameraOffFlagMinutes })).cohort,
    setNeverPairs: async (cohortId: string, pairs: [string, string][]) =>
      (await call<{ cohort: Cohort }>('PUT', `/cohorts/${id(cohortId)}/never-pairs`, { pairs })).cohort,
    /** Replaces the cohort's weekly schedule; null clears it. */
    setSchedule: async (cohortId: string, schedule: WeeklyScheduleInput | null) =>
      (await call<{ cohort: Cohort }>('PUT', `/cohorts/${id(cohortId)}/schedule`, { schedule })).cohort,
    /** Replaces the cohort's billing profile; null clears it. */
    setBilling: async (cohortId: string, billing: BillingProfile | null) =>
      (await call<{ cohort: Cohort }>('PUT', `/cohorts/${id(cohortId)}/billing`, { billing })).cohort,
    /** Creates the schedule's sessions for the next `weeks` weeks; answers with the new ones only. */
    createScheduledSessions: async (cohortId: string, weeks: number) =>
      (await call<{ sessions: GroupSession[] }>('POST', `/cohorts/${id(cohortId)}/sessions/scheduled`, { weeks })).sessions,
    /** Admins only: every facilitator account, each marked whether it leads this cohort. */
    cohortFacilitators: async (cohortId: string) =>
      (await call<{ facilitators: CohortFacilitator[] }>('GET', `/cohorts/${id(cohortId)}/facilitators`)).facilitators,
    /** Admins only: the cohort is led by exactly these facilitators from now on; answers as cohortFacilitators does. */
    setCohortFacilitators: async (cohortId: string, facilitatorIds: string[]) =>
      (await call<{ facilitators: CohortFacilitator[] }>('PUT', `/cohorts/${id(cohortId)}/facilitators`, { facilitatorIds })).facilitators,
    sessions: async (cohortId: string) => (await call<{ sessions: GroupSession[] }>('GET', `/cohorts/${id(cohortId)}/sessions`)).sessions,
    createSession: async (cohortId: string, session: NewSessionInput) =>
      (await call<{ session: GroupSession }>('POST', `/cohorts/${id(cohortId)}/sessions`, session)).session,
    session: async (sessionId: string) => (await call<{ session: GroupSession }>('GET', `/sessions/${id(sessionId)}`)).session,

    /** The live links of a session (revoked and expired ones are not listed). */
    invites: (sessionId: string) => call<InviteLink[]>('GET', `/sessions/${id(sessionId)}/invites`),
    /** Idempotent: members who hold a live link keep it, the others get one. */
    issueInvites: (sessionId: string) => call<InviteLink[]>('POST', `/sessions/${id(sessionId)}/invites`),
    /** A new link for one member; their earlier links to this session stop working. */
    reissueInvite: (sessionId: string, memberId: string) => call<InviteLink>('POST', `/sessions/${id(sessionId)}/members/${id(memberId)}/invite`),
    revokeInvite: async (jti: string) => (await call<{ invite: RevokedInvite }>('POST', `/invites/${id(jti)}/revoke`)).invite,

    sessionAttendance: (sessionId: string) => call<SessionAttendance>('GET', `/sessions/${id(sessionId)}/attendance`),
    /** `from` and `to` are days (YYYY-MM-DD) on the cohort's clock, both included. */
    cohortAttendance: (cohortId: string, from: string, to: string) =>
      call<CohortAttendance>('GET', `/cohorts/${id(cohortId)}/attendance?${new URLSearchParams({ from, to }).toString()}`),
    /** The printable view's days: recipient and purpose are required (an accounting of disclosures). */
    billingDays: (cohortId: string, memberId: string | null, query: RangeExportQueryInput) =>
      call<BillingDays>('GET', `${billingDaysPath(cohortId, memberId)}?${rangeQuery(query)}`),
    /** Group notes (GNOTE1–4): staff of the session's cohort only. */
    sessionNotes: (sessionId: string) => call<SessionNotesAnswer>('GET', `/sessions/${id(sessionId)}/notes`),
    saveGroupSection: (sessionId: string, section: GroupSection) => call<SessionNotesAnswer>('PUT', `/sessions/${id(sessionId)}/notes/group`, section),
    saveNote: (sessionId: string, memberId: string, individual: IndividualSection) => call<NoteAnswer>('PUT', `/sessions/${id(sessionId)}/notes/${id(memberId)}`, { individual }),
    signNote: (sessionId: string, memberId: string, signer: { name: string; credential: string }) => call<NoteAnswer>('POST', `/sessions/${id(sessionId)}/notes/${id(memberId)}/sign`, signer),
    coSignNote: (sessionId: string, memberId: string, signer: { name: string; credential: string }) => call<NoteAnswer>('POST', `/sessions/${id(sessionId)}/notes/${id(memberId)}/co-sign`, signer),
    addAddendum: (sessionId: string, memberId: string, text: string) => call<NoteAnswer>('POST', `/sessions/${id(sessionId)}/notes/${id(memberId)}/addenda`, { text }),
    /** Admins only: the newest entries first. */
    audit: async (limit = 200) => (await call<{ entries: AuditEntry[] }>('GET', `/audit?limit=${limit}`)).entries,
    verifyAudit: () => call<AuditVerification>('GET', '/audit/verify'),

    /** Admins only: every export of this member's data over the days (their cohort's clock), oldest first. */
    accounting: (memberId: string, from: string, to: string) =>
      call<Accounting>('GET', `/disclosures/accounting?${new URLSearchParams({ memberId, from, to }).toString()}`),
    /** Admins only: the retention period (null: kept for ever). */
    retention: () => call<RetentionSettings>('GET', '/clinic/retention'),
    saveRetention: (settings: RetentionSettings) => call<RetentionSettings>('PUT', '/clinic/retention', settings),
    /** Admins only: how many records a purge would remove now. */
    purgePreview: () => call<PurgePreview>('GET', '/clinic/retention/preview'),
    /** Admins only: removes what the preview counted (sessions that ended before `before`). */
    purge: async (before: string) => (await call<{ counts: PurgeCounts }>('POST', '/clinic/retention/purge', { before })).counts,

    /** The clinic's name, country and crisis resources (any staff member may read them). */
    clinicSettings: () => call<ClinicInfo>('GET', '/clinic/settings'),
    /** Admins only: replaces them; answers with what is now stored. */
    saveClinicSettings: (info: ClinicInfo) => call<ClinicInfo>('PUT', '/clinic/settings', info),
  };
}

export type ClinicApi = ReturnType<typeof createClinicApi>;
