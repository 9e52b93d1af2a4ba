import { z } from 'zod';
import type { Clinic } from '../clinic/createClinic.js';
import { mayReachCohort } from '../clinic/cohortAccess.js';
import type { Identify } from './identity.js';

/** What a client may put in Socket.IO's `auth`: its invite token, or (staff) the session id. */
const HandshakeAuth = z.union([
  z.object({ invite: z.string().min(10).max(2048) }).strict(),
  z.object({ sessionId: z.string().min(1).max(128) }).strict(),
  z.object({}).strict(),
]);

/**
 * Participants are who their invite says; staff are who their sign-in cookie says and
 * facilitate the session they name, if its cohort is theirs. Nothing else a client sends counts.
 */
export function identifyWithClinic(clinic: Clinic): Identify {
  return async ({ auth, cookieHeader }) => {
    const parsed = HandshakeAuth.safeParse(auth ?? {});
    if (!parsed.success) return { ok: false, code: 'UNAUTHENTICATED' };
    const credential = parsed.data;
    if ('invite' in credential) {
      const checked = await clinic.verifyInvite(credential.invite);
      if (!checked.ok) return { ok: false, code: checked.code };
      const { sessionId, cohortId, memberId, pseudonym } = checked.invite;
      // A signed-in facilitator holding another cohort's participant link does not get in as
      // that participant. (Their own cohort's links they may open, to see what members see.)
      const staff = await clinic.accountFromCookie(cookieHeader);
      if (staff && !(await mayReachCohort(clinic.store, staff, cohortId))) return { ok: false, code: 'FORBIDDEN' };
      return { ok: true, identity: { sessionId, memberId, displayName: pseudonym, role: 'participant' } };
    }
    if ('sessionId' in credential) {
      const signIn = await clinic.signInFromCookie(cookieHeader);
      if (!signIn) return { ok: false, code: 'UNAUTHENTICATED' };
      const { account, loginId } = signIn;
      const session = await clinic.store.sessions.get(credential.sessionId);
      if (!session) return { ok: false, code: 'NOT_FOUND' };
      // Staff reach only their cohorts: the console (and the members' consents) of another
      // facilitator's group stays closed, and says nothing more about it.
      if (!(await mayReachCohort(clinic.store, account, session.cohortId))) return { ok: false, code: 'FORBIDDEN' };
      // Said as it is, so the page can say "this session has ended" rather than "no such session".
      if (session.status === 'ended') return { ok: false, code: 'SESSION_ENDED' };
      return {
        ok: true,
        identity: {
          sessionId: session.id,
          memberId: account.id,
          displayName: account.displayName,
          role: 'facilitator',
          signIn: { accountId: account.id, loginId },
        },
      };
    }
    return { ok: true, identity: undefined };
  };
}
