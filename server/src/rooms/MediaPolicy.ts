import type { ErrorCode, MediaSource } from '@hearth/shared';

/**
 * What a room's media may do, asked afresh at every decision: whether a peer may send a
 * source now (or the error code a request to do so is refused with), who receives whom, and
 * how much video the SFU may send a peer at most. A session's room reads it from the
 * session's current state; an open room allows everything.
 */
export type MediaPolicy = {
  sendRefusal(peerId: string, source: MediaSource): ErrorCode | null;
  receives(viewerId: string, senderId: string): boolean;
  /** The most the SFU may send this peer, in bits per second; null for as much as its link takes. */
  downlinkBps(viewerId: string): number | null;
};

/**
 * LNK1: what a peer who says their link is poor is sent at most (video; voices always go).
 * Without it the SFU's estimate, started at 600 kbit/s and slow to fall on a lossy link, fills
 * a phone's small downlink, and the queue that builds drops the others' voices and the
 * signalling connection's packets with the video (a weak-network e2e lost the connection so).
 */
export const POOR_LINK_DOWNLINK_BPS = 150_000;

export const openPolicy: MediaPolicy = {
  sendRefusal: () => null,
  receives: (viewerId, senderId) => viewerId !== senderId,
  downlinkBps: () => null,
};
