import type { Role } from '@hearth/shared';

/** Who a connection is, stamped by the server from its credential; never from a payload. */
export type Identity = {
  sessionId: string;
  memberId: string;
  displayName: string;
  role: Role;
  /** Staff only: the sign-in the connection was opened with; it closes when that sign-in ends. */
  signIn?: { accountId: string; loginId: string };
};

/** What a connecting client presents: an invite token or a staff cookie plus the session. */
export type Handshake = { auth: unknown; cookieHeader: string | undefined };

export type IdentifyResult =
  | { ok: true; identity: Identity | undefined }
  | { ok: false; code: 'UNAUTHENTICATED' | 'INVITE_INVALID' | 'INVITE_EXPIRED' | 'INVITE_REVOKED' | 'SESSION_ENDED' | 'NOT_FOUND' | 'FORBIDDEN' };

/**
 * Resolves a handshake to an identity. `identity: undefined` is an anonymous connection,
 * which may only use the open rooms of the walking skeleton.
 */
export type Identify = (handshake: Handshake) => Promise<IdentifyResult>;
