import type { Clock } from '../lib/clock.js';
import { newId } from '../lib/ids.js';
import { signInviteToken, readInviteToken } from './inviteToken.js';
import { inviteExpiry } from './timeZone.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ClinicStore, GroupSessionRecord, InviteRecord, MemberRecord } from '../store/ClinicStore.js';

/** A member's personal link to a session, as staff see it to copy, revoke or re-issue. */
export type InviteLink = { jti: string; memberId: string; pseudonym: string; url: string; expiresAt: number };

/** Who a valid invite admits: what the signalling server stamps on the participant. */
export type VerifiedInvite = { jti: string; sessionId: string; cohortId: string; memberId: string; pseudonym: string; expiresAt: number };

export type InviteCheck =
  | { ok: true; invite: VerifiedInvite }
  | { ok: false; code: 'INVITE_INVALID' | 'INVITE_EXPIRED' | 'INVITE_REVOKED' | 'SESSION_ENDED' };

const isLive = (invite: InviteRecord, now: number) => invite.revokedAt === undefined && invite.expiresAt > now;

/**
 * Personal invite links: one live link per member and session. Issuing and re-issuing for
 * a session run one at a time (per process), so two clicks cannot leave a member with two
 * live links.
 */
export class Invites {
  readonly #store: ClinicStore;
  readonly #clock: Clock;
  readonly #key: Buffer;
  readonly #log: Logger;
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(deps: { store: ClinicStore; clock: Clock; key: Buffer; log: Logger }) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#key = deps.key;
    this.#log = deps.log;
  }

  /**
   * Gives every member of the session's cohort a link: members who already hold a live one
   * keep it (links already sent keep working), the others get a new one. Returns all of them.
   */
  issueForSession(sessionId: string): Promise<InviteLink[]> {
    return this.#serial(sessionId, async () => {
      const session = await this.#issuableSession(sessionId);
      const now = this.#clock();
      const members = await this.#store.members.listByCohort(session.cohortId);
      const invites = (await this.#store.invites.listBySession(sessionId)).filter((i) => isLive(i, now));
      const links: InviteLink[] = [];
      for (const member of members) {
        const held = invites.findLast((i) => i.memberId === member.id);
        links.push(this.#link(held ?? (await this.#issue(session, member)), member));
      }
      return links;
    });
  }

  /** A new link for one member; their earlier links to this session stop working. */
  reissue(sessionId: string, memberId: string): Promise<InviteLink> {
    return this.#serial(sessionId, async () => {
      const session = await this.#issuableSession(sessionId);
      const member = await this.#store.members.get(memberId);
      if (!member || member.cohortId !== session.cohortId) throw new NotFoundError('member of this session’s cohort');
      const now = this.#clock();
      for (const invite of await this.#store.invites.listBySession(sessionId)) {
        if (invite.memberId === memberId && invite.revokedAt === undefined) await this.#store.invites.revoke(invite.jti, now);
      }
      return this.#link(await this.#issue(session, member), member);
    });
  }

  async revoke(jti: string): Promise<InviteRecord> {
    const invite = await this.#store.invites.revoke(jti, this.#clock());
    if (!invite) throw new NotFoundError('invite');
    this.#log.info({ jti, sessionId: invite.sessionId }, 'invite revoked');
    return invite;
  }

  /** The live links of a session, for staff to copy again. */
  async list(sessionId: string): Promise<InviteLink[]> {
    const now = this.#clock();
    const links: InviteLink[] = [];
    for (const invite of await this.#store.invites.listBySession(sessionId)) {
      const member = isLive(invite, now) ? await this.#store.members.get(invite.memberId) : undefined;
      if (member) links.push(this.#link(invite, member));
    }
    return links;
  }

  /**
   * Checks a participant's token: our signature, not expired, not revoked, and its session
   * still exists and has not ended. A valid link to an ended session answers SESSION_ENDED, so
   * the participant is told the evening is over rather than that their link is wrong; an
   * expired link stays INVITE_EXPIRED (its signature says so before any lookup).
   */
  async verify(token: string, now: number = this.#clock()): Promise<InviteCheck> {
    const payload = readInviteToken(token, this.#key);
    if (!payload) return { ok: false, code: 'INVITE_INVALID' };
    if (payload.exp <= now) return { ok: false, code: 'INVITE_EXPIRED' };
    const invite = await this.#store.invites.get(payload.jti);
    const matches =
      invite?.sessionId === payload.sessionId &&
      invite.cohortId === payload.cohortId &&
      invite.memberId === payload.memberId &&
      invite.expiresAt === payload.exp;
    if (!invite || !matches) return { ok: false, code: 'INVITE_INVALID' };
    if (invite.revokedAt !== undefined) return { ok: false, code: 'INVITE_REVOKED' };
    const session = await this.#store.sessions.get(invite.sessionId);
    const member = await this.#store.members.get(invite.memberId);
    if (session?.cohortId !== invite.cohortId || member?.cohortId !== invite.cohortId) return { ok: false, code: 'INVITE_INVALID' };
    if (session.status === 'ended') return { ok: false, code: 'SESSION_ENDED' };
    const { jti, sessionId, cohortId, memberId, expiresAt } = invite;
    return { ok: true, invite: { jti, sessionId, cohortId, memberId, pseudonym: member.pseudonym, expiresAt } };
  }

  async #issuableSession(sessionId: string): Promise<GroupSessionRecord> {
    const session = await this.#store.sessions.get(sessionId);
    if (!session) throw new NotFoundError('session');
    if (session.status === 'ended') throw new InvalidStateError('this session has ended');
    return session;
  }

  async #issue(session: GroupSessionRecord, member: MemberRecord): Promise<InviteRecord> {
    const cohort = await this.#store.cohorts.get(session.cohortId);
    const now = this.#clock();
    const expiresAt = inviteExpiry(session.scheduledStart, cohort?.timeZone ?? 'UTC', now);
    if (expiresAt <= now) throw new InvalidStateError('this session’s day has passed; schedule a new session');
    const invite: InviteRecord = { jti: newId(), sessionId: session.id, cohortId: session.cohortId, memberId: member.id, issuedAt: now, expiresAt };
    await this.#store.invites.insert(invite);
    this.#log.info({ jti: invite.jti, sessionId: session.id, memberId: member.id }, 'invite issued');
    return invite;
  }

  /** Tokens are a pure function of the record and the key, so a link can be shown again without storing it. */
  #link(invite: InviteRecord, member: MemberRecord): InviteLink {
    const { jti, sessionId, cohortId, memberId, expiresAt } = invite;
    const token = signInviteToken({ v: 1, jti, sessionId, cohortId, memberId, exp: expiresAt }, this.#key);
    return { jti, memberId, pseudonym: member.pseudonym, url: `/join/${token}`, expiresAt };
  }

  #serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (this.#queues.get(key) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    this.#queues.set(key, tail);
    void tail.then(() => {
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    });
    return result;
  }
}
