import { Accounts, type Account } from '../auth/Accounts.js';
import { deriveKey } from '../auth/secret.js';
import type { Logger } from '../logger.js';
import type { ClinicStore } from '../store/ClinicStore.js';
import type { Clock } from './clock.js';
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
  accounts: Accounts;
  invites: Invites;
  /** A participant's credential: the token from their `/join/<token>` link. */
  verifyInvite(token: string, now?: number): Promise<InviteCheck>;
  /** A staff member's credential: the `hearth_session` cookie in a Cookie header. */
  accountFromCookie(cookieHeader: string | undefined): Promise<Account | undefined>;
};

export function createClinic(deps: { store: ClinicStore; clock: Clock; secret: Buffer; log: Logger; timeZone: string }): Clinic {
  const { store, clock, log, timeZone } = deps;
  const accounts = new Accounts({ store, clock, log });
  const invites = new Invites({ store, clock, key: deriveKey(deps.secret, 'invite-token-v1'), log });
  return {
    store,
    clock,
    timeZone,
    accounts,
    invites,
    verifyInvite: (token, now) => invites.verify(token, now),
    accountFromCookie: (cookieHeader) => accounts.fromCookie(cookieHeader),
  };
}
