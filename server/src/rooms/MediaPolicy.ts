import type { ErrorCode, MediaSource } from '@hearth/shared';

/**
 * What a room's media may do, asked afresh at every decision: whether a peer may send a
 * source now (or the error code a request to do so is refused with), and who receives whom.
 * A session's room reads it from the session's current state; an open room allows everything.
 */
export type MediaPolicy = {
  sendRefusal(peerId: string, source: MediaSource): ErrorCode | null;
  receives(viewerId: string, senderId: string): boolean;
};

export const openPolicy: MediaPolicy = {
  sendRefusal: () => null,
  receives: (viewerId, senderId) => viewerId !== senderId,
};
