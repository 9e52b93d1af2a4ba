import { RequestError } from './request';

/** A refused command or entry in words, for the person who tried it. */
export function describeRefusal(err: unknown): string {
  if (!(err instanceof RequestError)) return 'Something went wrong. Try again.';
  switch (err.code) {
    case 'UNMUTE_LOCKED':
      return 'A facilitator has paused unmuting for now. Raise your hand if you would like to speak.';
    case 'NOT_YOUR_TURN':
      return 'Only the speaker can be heard during this turn. Your turn will come.';
    case 'ROOM_LOCKED':
      return 'The room is locked right now. Your facilitator can let you in when it opens.';
    case 'REMOVED':
      return 'You were removed from this session.';
    case 'SESSION_ENDED':
      return 'This session has ended.';
    case 'CONSENT_REQUIRED':
      return 'Please complete the agreement first.';
    case 'FORBIDDEN':
      return 'That is not available to you right now.';
    case 'TIMEOUT':
      return 'The server did not answer. Check your connection.';
    case 'RATE_LIMITED':
      return 'That was a lot at once. Wait a moment and try again.';
    default:
      return err.message;
  }
}
