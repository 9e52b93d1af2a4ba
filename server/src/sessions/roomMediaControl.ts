import type { Rooms } from '../rooms/Rooms.js';
import type { MediaControl } from './LiveSession.js';

/** A session's media effects, carried out on its media room (keyed by session id). */
export function roomMediaControl(rooms: Rooms): MediaControl {
  const room = (sessionId: string) => rooms.get(sessionId)?.catch(() => undefined);
  return {
    async mute(sessionId, memberId) {
      await (await room(sessionId))?.muteMic(memberId);
    },
    async applyAudibility(sessionId, audible) {
      await (await room(sessionId))?.applyAudibility(new Set(audible));
    },
    async applySubscriptions(sessionId, receives) {
      await (await room(sessionId))?.applySubscriptions(receives);
    },
    async stopCamera(sessionId, memberId) {
      await (await room(sessionId))?.closeSource(memberId, 'camera');
    },
    async detach(sessionId, memberId) {
      const r = await room(sessionId);
      if (r && !r.closed) await r.leave(memberId);
    },
  };
}
