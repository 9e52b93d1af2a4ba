import { receives, sendRefusal, type SessionState } from '@hearth/shared';
import type { MediaPolicy } from '../rooms/MediaPolicy.js';

/**
 * A session's media room obeys the session's state as it is at each decision: who may be
 * heard or seen (sendRefusal) and who receives whom (receives, BRK5). Once the session is no
 * longer held here, nothing goes out and nobody receives anyone.
 */
export function sessionMediaPolicy(state: () => Readonly<SessionState> | undefined): MediaPolicy {
  return {
    sendRefusal(peerId, source) {
      const s = state();
      return s ? sendRefusal(s, peerId, source) : 'FORBIDDEN';
    },
    receives(viewerId, senderId) {
      const s = state();
      return s !== undefined && receives(s, viewerId, senderId);
    },
  };
}
