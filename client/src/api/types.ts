/**
 * The clinic API's answers as the server sends them (server/src/clinic/views.ts): records
 * with times as ISO 8601 strings. Written out here rather than imported, because the
 * server's views are not part of the shared protocol package.
 */

export type Role = 'admin' | 'facilitator';

export type Account = { id: string; email: string; displayName: string; role: Role };

export type Cohort = {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
  /** Standing breakout rules: these two members are never proposed as a pair. */
  neverPairs: [string, string][];
};

/** Staff-only: `contact` stays on the clinic's side and is never shown to participants. */
export type Member = { id: string; cohortId: string; pseudonym: string; contact?: string; createdAt: string };

export type SessionStatus = 'scheduled' | 'live' | 'ended';

export type GroupSession = {
  id: string;
  cohortId: string;
  title: string;
  scheduledStart?: string;
  status: SessionStatus;
  createdBy: string;
  createdAt: string;
};

/** A member's personal link; `url` is a path (`/join/<token>`) and the token is the credential. */
export type InviteLink = { jti: string; memberId: string; pseudonym: string; url: string; expiresAt: string };

export type RevokedInvite = { jti: string; sessionId: string; memberId: string; revokedAt: string };

export type NewAccount = { email: string; password: string; displayName: string };
