import { isApiError, type ApiErrorCode } from './ApiError';

/** What the person was doing: the same code can mean different things to them. */
export type StaffAction = 'signIn' | 'setup' | 'addFacilitator' | 'changePassword' | 'other';

export const RATE_LIMITED_MESSAGE =
  'Too many attempts. Signing in with this email from here is paused for safety: try again in 15 minutes, or from where you usually sign in.';
export const DISABLED_MESSAGE = 'This account is turned off. A clinic admin can turn it back on.';
export const WRONG_CURRENT_PASSWORD_MESSAGE = 'That is not your current password. Check it and try again.';
/** One message for an unknown email and a wrong password, so it tells no one which emails have accounts. */
export const WRONG_CREDENTIALS_MESSAGE = 'That email and password do not match. Check both and try again.';
/** Said instead of a silent loop back to sign-in: the browser would have dropped the Secure cookie. */
export const HTTPS_REQUIRED_MESSAGE =
  'This page was opened over plain http, and Hearth signs staff in only over a secure connection. Open the clinic’s Hearth address that starts with https:// and sign in there.';
export const SIGNED_OUT_MESSAGE = 'You have been signed out. Sign in again to continue.';
const SERVER_TROUBLE =
  'Something went wrong on Hearth’s side. Try again in a moment; if it keeps happening, tell whoever looks after Hearth at your clinic.';

/**
 * Words a clinician can act on, for any error an API call can end in. Server details are
 * shown only for INVALID_STATE, whose messages are written for people ("this session has
 * ended"); everything else is mapped from the code.
 */
export function errorMessage(err: unknown, action: StaffAction = 'other'): string {
  if (!isApiError(err)) return SERVER_TROUBLE;
  return messageFor(err.code, action, err.serverMessage);
}

function messageFor(code: ApiErrorCode, action: StaffAction, serverMessage: string): string {
  switch (code) {
    case 'NETWORK':
      return 'Hearth could not be reached. Check your internet connection and try again.';
    case 'UNAUTHENTICATED':
      return action === 'signIn' ? WRONG_CREDENTIALS_MESSAGE : SIGNED_OUT_MESSAGE;
    case 'HTTPS_REQUIRED':
      return HTTPS_REQUIRED_MESSAGE;
    case 'RATE_LIMITED':
      return action === 'signIn' || action === 'changePassword' ? RATE_LIMITED_MESSAGE : 'That was a lot of requests at once. Wait a moment and try again.';
    case 'SERVER_BUSY':
      return 'Hearth is busy checking other sign-ins. Try again in a moment.';
    case 'FORBIDDEN':
      if (action === 'signIn') return DISABLED_MESSAGE;
      if (action === 'changePassword') return WRONG_CURRENT_PASSWORD_MESSAGE;
      return 'Your account cannot do this. A clinic admin can.';
    case 'NOT_FOUND':
      return 'This could not be found. It may have been removed, or the link may be incomplete.';
    case 'ALREADY_EXISTS':
      if (action === 'setup') return 'Hearth is already set up. Sign in with the admin account instead.';
      if (action === 'addFacilitator') return 'There is already an account with this email.';
      return 'This already exists.';
    case 'INVALID_PAYLOAD':
      if (action === 'signIn') return 'Enter your email address and your password.';
      if (action === 'changePassword') return 'Check the passwords: the new one needs at least 12 characters.';
      if (action === 'setup' || action === 'addFacilitator') {
        return 'Check the details: a name, a valid email address, and a password of at least 12 characters.';
      }
      return 'Some of the details were not accepted. Check the form and try again.';
    case 'DISCLOSURE_REQUIRED':
      return 'Say who receives this export and why before downloading it.';
    case 'INVALID_STATE':
      return sentence(serverMessage) ?? 'This cannot be done any more.';
    case 'NOTE_LOCKED':
      return 'This note is signed and locked. Add a dated addendum instead.';
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'INTERNAL':
    case 'UNEXPECTED':
    case 'MEDIA_ERROR':
      return SERVER_TROUBLE;
    // Codes of the live session and invite links: not answers of the clinic API.
    case 'UNSUPPORTED_PROTOCOL':
    case 'NOT_JOINED':
    case 'ALREADY_JOINED':
    case 'INVITE_INVALID':
    case 'INVITE_EXPIRED':
    case 'INVITE_REVOKED':
    case 'NOT_ADMITTED':
    case 'ROOM_LOCKED':
    case 'REMOVED':
    case 'SESSION_ENDED':
    case 'UNMUTE_LOCKED':
    case 'CONSENT_REQUIRED':
    case 'NOT_YOUR_TURN':
    case 'HELD_BY_SESSION':
    case 'WRONG_NODE':
    case 'SERVER_FULL':
      return SERVER_TROUBLE;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** `this session has ended` → `This session has ended.` */
function sentence(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
