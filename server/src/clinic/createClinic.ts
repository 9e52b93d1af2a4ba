import { DEFAULT_CRISIS_RESOURCES, type ClinicInfo } from '@hearth/shared';
import { Accounts, type Account, type SignIn } from '../auth/Accounts.js';
import type { SignInThrottle } from '../auth/SignInThrottle.js';
import { deriveKey } from '../auth/secret.js';
import type { Logger } from '../logger.js';
import type { AttendanceLog } from '../store/SessionLog.js';
import type { AuditLog } from '../store/AuditLog.js';
import type { DisclosureLog } from '../store/DisclosureLog.js';
import type { RetentionStore } from '../store/RetentionStore.js';
import type { PairHistory } from '../store/SessionLog.js';
import type { SessionStateStore } from '../store/SessionStateStore.js';
import type { ClinicStore } from '../store/ClinicStore.js';
import type { NotesStore } from '../store/NotesStore.js';
import type { Clock } from '../lib/clock.js';
import { Invites, type InviteCheck } from './Invites.js';

/**
 * The clinic side of Hearth: staff accounts, cohorts and invites over one store, one clock
 * and one secret. The HTTP routes use all of it; the Socket.IO auth middleware needs only
 * the two credential checks at the bottom.
 */
export type Clinic = {
  store: ClinicStore;
  clock: Clock;
  /** The zone new cohorts and the demo default to. */
  timeZone: string;
  /**
   * The clinic's name and crisis resources as participants see them: what an admin saved,
   * or until then the configured name (CLINIC_NAME), the US and today's US numbers.
   */
  info(): Promise<ClinicInfo>;
  accounts: Accounts;
  invites: Invites;
  /** Who was in each session's room, and when. */
  attendance: AttendanceLog;
  /** Who was paired with whom, per session (a session log a retention purge removes with its session). */
  pairs: PairHistory;
  /** Live session state kept between commands; purged with its session. */
  sessionStates: SessionStateStore;
  /** Every export of participants' data: who, to whom, why (records/disclosures.ts writes it). */
  disclosures: DisclosureLog;
  /** The clinic's retention period (records/purge.ts). */
  retention: RetentionStore;
  audit: AuditLog;
  /** Group notes (GNOTE1–4), and the sessions' stored state their facts are counted from. */
  notes: NotesStore;
  /**
   * Adds a clinic-side event (sign-in, export, invite, staff change) to the audit log;
   * `contentHash`: the SHA-256 of a document it is about (a signed note), never the document.
   */
  audited(action: string, actorId: string | null, targetId: string | null, sessionId?: string | null, contentHash?: string): Promise<void>;
  /** Who to tell when a member's invite is revoked (the live connections holding it close). */
  onInviteRevoked(listener: (sessionId: string, memberId: string) => void): void;
  inviteRevoked(sessionId: string, memberId: string): void;
  /** Who to tell when a facilitator is taken off a cohort (their live consoles in its sessions close). */
  onCohortStaffRemoved(listener: (cohortId: string, accountId: string) => void): void;
  cohortStaffRemoved(cohortId: string, accountId: string): void;
  /** A participant's credential: the token from their `/join/<token>` link. */
  verifyInvite(token: string, now?: number): Promise<InviteCheck>;
  /** A staff member's credential: the `hearth_session` cookie in a Cookie header. */
  accountFromCookie(cookieHeader: string | undefined): Promise<Account | undefined>;
  /** The same with the sign-in it belongs to, for connections that must close when it ends. */
  signInFromCookie(cookieHeader: string | undefined): Promise<SignIn | undefined>;
};

export type ClinicDeps = {
  store: ClinicStore;
  attendance: AttendanceLog;
  pairs: PairHistory;
  sessionStates: SessionStateStore;
  disclosures: DisclosureLog;
  retention: RetentionStore;
  audit: AuditLog;
  notes: NotesStore;
  clock: Clock;
  secret: Buffer;
  log: Logger;
  timeZone: string;
  /** The name participants see until an admin sets one. */
  name: string;
  /** Sign-in throttling (Redis-backed when several nodes share one Redis); in-memory by default. */
  signInThrottle?: SignInThrottle;
};

export function createClinic(deps: ClinicDeps): Clinic {
  const { store, clock, log, timeZone, audit, attendance, pairs, sessionStates, disclosures, retention } = deps;
  const revokedListeners: ((sessionId: string, memberId: string) => void)[] = [];
  const staffRemovedListeners: ((cohortId: string, accountId: string) => void)[] = [];
  const accounts = new Accounts({ store, clock, log, ...(deps.signInThrottle ? { throttle: deps.signInThrottle } : {}) });
  const invites = new Invites({ store, clock, key: deriveKey(deps.secret, 'invite-token-v1'), log });
  return {
    store,
    clock,
    timeZone,
    info: async () => (await store.settings.get()) ?? { name: deps.name, country: 'US', crisisResources: DEFAULT_CRISIS_RESOURCES.map((r) => ({ ...r })) },
    accounts,
    invites,
    attendance,
    pairs,
    sessionStates,
    disclosures,
    retention,
    audit,
    notes: deps.notes,
    audited: async (action, actorId, targetId, sessionId = null, contentHash) => {
      await audit.append({ at: clock(), action, actorId, targetId, sessionId, ...(contentHash === undefined ? {} : { contentHash }) });
    },
    onInviteRevoked: (listener) => void revokedListeners.push(listener),
    inviteRevoked: (sessionId, memberId) => revokedListeners.forEach((listener) => listener(sessionId, memberId)),
    onCohortStaffRemoved: (listener) => void staffRemovedListeners.push(listener),
    cohortStaffRemoved: (cohortId, accountId) => staffRemovedListeners.forEach((listener) => listener(cohortId, accountId)),
    verifyInvite: (token, now) => invites.verify(token, now),
    accountFromCookie: async (cookieHeader) => (await accounts.fromCookie(cookieHeader))?.account,
    signInFromCookie: (cookieHeader) => accounts.fromCookie(cookieHeader),
  };
}
