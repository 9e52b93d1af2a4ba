import { receives, sendRefusal, type SessionState } from '@hearth/shared';
import { POOR_LINK_DOWNLINK_BPS, type MediaPolicy } from '../rooms/MediaPolicy.js';

/**
 * A session's media room obeys the session's state as it is at each decision: who may be
 * heard or seen (sendRefusal), who receives whom (receives, BRK5), and how much a member on a
 * poor link is sent (LNK1). Once the session is no longer held here, nothing goes out and
 * nobody receives anyone.
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
    downlinkBps(viewerId) {
      return state()?.members[viewerId]?.link === 'poor' ? POOR_LINK_DOWNLINK_BPS : null;
    },
  };
}
