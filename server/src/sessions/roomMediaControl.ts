import type { Rooms } from '../rooms/Rooms.js';
import type { MediaControl } from './LiveSession.js';

/** A session's media effects, carried out on its media room (keyed by session id). */
export function roomMediaControl(rooms: Rooms): MediaControl {
  const room = (sessionId: string) => rooms.get(sessionId)?.catch(() => undefined);
  return {
    async reconcile(sessionId) {
      const r = await room(sessionId);
      if (r && !r.closed) await r.reconcile();
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
