import type { ClosedReason, ProblemCode } from '../../session/ModeratedSession';

/** What a page says when the way in is closed: a title, the why in plain words, and what to do. */
export type PageWords = {
  title: string;
  text: string;
  /** What the person can do about it, when there is something. */
  next?: string;
  /** Errors are announced assertively and drawn as such; an ending is not an error. */
  tone: 'error' | 'attention' | 'info';
};

/**
 * A facilitator starting a group on a server whose media workers are full: the groups already
 * running keep their calls, and this one is refused rather than made to stutter with them.
 */
const fullServerForFacilitator: PageWords = {
  title: 'Hearth cannot start this group right now',
  text: 'The server’s media capacity is taken by the groups already running, so it refused to start another one rather than make every call stutter. The groups in progress are not affected.',
  next: 'Try again when a group has ended, or ask your clinic’s administrator to add media capacity (another server or more cores).',
  tone: 'attention',
};

/** The words for the person who met the problem: a facilitator's full server is theirs to act on. */
export function problemWordsFor(code: ProblemCode, role: 'facilitator' | 'participant' | undefined): PageWords {
  return code === 'SERVER_FULL' && role === 'facilitator' ? fullServerForFacilitator : problemWords(code);
}

/** Why the link or sign-in did not open the session, or why entering was refused for now. */
export function problemWords(code: ProblemCode): PageWords {
  switch (code) {
    case 'INVITE_INVALID':
      return {
        title: 'This link does not work',
        text: 'Hearth does not recognise this link. Part of it may be missing, for example if it was split across two lines in a message.',
        next: 'Open the whole link from your clinic’s message again, or ask your clinic to send it once more.',
        tone: 'error',
      };
    case 'INVITE_EXPIRED':
      return {
        title: 'This link has expired',
        text: 'Invite links work for a limited time, and this one’s time is over.',
        next: 'Ask your clinic for a new link.',
        tone: 'error',
      };
    case 'INVITE_REVOKED':
      return {
        title: 'This link has been replaced',
        text: 'Your clinic has turned this link off, usually because they sent you a newer one.',
        next: 'Use the newest link your clinic sent you, or ask them for a new one.',
        tone: 'error',
      };
    case 'SESSION_ENDED':
      return {
        title: 'This session has ended',
        text: 'The group you are trying to join has already finished.',
        next: 'Your clinic will send you a new link for your next group.',
        tone: 'info',
      };
    case 'NOT_FOUND':
      return {
        title: 'We could not find this session',
        text: 'There is no session at this address. It may have been cancelled or moved.',
        next: 'Check the link, or ask your clinic.',
        tone: 'error',
      };
    case 'UNAUTHENTICATED':
      return {
        title: 'Please sign in',
        text: 'This page is for clinic staff who are signed in.',
        next: 'Sign in, then open the session again. If you are joining a group, open the personal link your clinic sent you.',
        tone: 'attention',
      };
    case 'FORBIDDEN':
      return {
        title: 'This group is not one of yours',
        text: 'Your account is not assigned to the cohort this session belongs to, so Hearth does not open it for you.',
        next: 'If you should lead this group, ask a clinic admin to add you to its cohort, then open the session again.',
        tone: 'attention',
      };
    case 'ROOM_LOCKED':
      return {
        title: 'The room is locked for now',
        text: 'Your facilitator has locked the room, so no one new can come in at the moment.',
        next: 'Try again in a few minutes, or contact your clinic and they will tell your facilitator.',
        tone: 'attention',
      };
    case 'SERVER_FULL':
      return {
        title: 'Hearth is full right now',
        text: 'The server cannot take anyone else at the moment. Nothing is wrong with your phone, computer or connection.',
        next: 'Please contact your clinic to let them know, then try again.',
        tone: 'attention',
      };
    case 'UNREACHABLE':
      return {
        title: 'Hearth could not reach the server',
        text: 'The page could not connect. Your internet connection may be down, or the server may be busy.',
        next: 'Check your connection and try again.',
        tone: 'error',
      };
    default: {
      const unknown: never = code;
      return problemWords(unknown);
    }
  }
}

/** Why a member is out of the session. */
export function closedWords(reason: ClosedReason): PageWords {
  switch (reason) {
    case 'ended':
      return { title: 'The session has ended', text: 'Thank you for being here tonight.', tone: 'info' };
    case 'left':
      return {
        title: 'You left the session',
        text: 'You are no longer in the group. If you left by mistake, you can go back: your facilitator will let you in again.',
        tone: 'info',
      };
    case 'removed':
      return {
        title: 'You are no longer in this session',
        text: 'A facilitator has removed you from this session, and this link cannot be used to come back tonight.',
        next: 'If you think this is a mistake, contact your clinic.',
        tone: 'attention',
      };
    case 'denied':
      return {
        title: 'You were not let in this time',
        text: 'The facilitator could not let you into the group right now.',
        next: 'You can ask again, or contact your clinic.',
        tone: 'attention',
      };
    case 'lost':
      return {
        title: 'You were disconnected',
        text: 'Your connection dropped and Hearth could not bring you back into the session by itself.',
        next: 'Check your internet connection, then rejoin: your facilitator will let you in again.',
        tone: 'attention',
      };
    case 'signed-out':
      return {
        title: 'You have been signed out',
        text: 'Your sign-in ended (you signed out elsewhere, your password changed, or an admin turned your account off), so this console closed. The group goes on.',
        next: 'Sign in again, then open the session again.',
        tone: 'attention',
      };
    case 'replaced':
      return {
        title: 'This session is open in another window',
        text: 'You opened your link somewhere else, so this window was closed. You are still in the session there.',
        tone: 'info',
      };
    default: {
      const unknown: never = reason;
      return closedWords(unknown);
    }
  }
}
