import type { types } from 'mediasoup';
import type { Logger } from '../logger.js';
import type { WorkerPool } from '../media/WorkerPool.js';
import { Room, RoomClosedError, type TalkListener, type VideoListener } from './Room.js';
import { openPolicy, type MediaPolicy } from './MediaPolicy.js';
import type { Peer, SendToPeer } from './Peer.js';

export type RoomsOptions = {
  /** A room's media policy, given to it when it is made (its session's; open rooms allow everything). */
  policyFor?: (roomId: string) => MediaPolicy;
  /** Who is heard in each room, every second (the sessions turn it into talk-time). */
  onTalk?: TalkListener;
  /** CAM1: whose camera the SFU receives (the sessions keep camera-on time from it). */
  onVideo?: VideoListener;
};

/**
 * The live rooms of this node. Creation is memoised per room id so two peers joining an
 * empty room at once share one router; a room removes itself when it closes.
 */
export class Rooms {
  readonly #rooms = new Map<string, Promise<Room>>();
  /** The ones made and not yet closed, for synchronous questions (/metrics). */
  readonly #open = new Set<Room>();

  constructor(
    private readonly pool: WorkerPool,
    private readonly log: Logger,
    private readonly options: RoomsOptions = {},
  ) {}

  async join(roomId: string, displayName: string, send: SendToPeer, peerId?: string, rtpCapabilities?: types.RtpCapabilities) {
    // A room that closed between lookup and join (its last peer just left) is replaced once.
    for (let attempt = 0; ; attempt++) {
      const room = await this.#getOrCreate(roomId);
      try {
        const joined = await room.join(displayName, send, peerId, rtpCapabilities);
        return { room, ...joined };
      } catch (err) {
        if (!(err instanceof RoomClosedError) || attempt > 0) throw err;
      }
    }
  }

  get(roomId: string): Promise<Room> | undefined {
    return this.#rooms.get(roomId);
  }

  get size(): number {
    return this.#rooms.size;
  }

  /** Peers, producers and consumers held by every open room here. */
  mediaCounts(): { peers: number; producers: number; consumers: number } {
    const total = { peers: 0, producers: 0, consumers: 0 };
    for (const room of this.#open) {
      const counts = room.mediaCounts();
      total.peers += counts.peers;
      total.producers += counts.producers;
      total.consumers += counts.consumers;
    }
    return total;
  }

  async closeAll(): Promise<void> {
    const rooms = await Promise.allSettled(this.#rooms.values());
    for (const r of rooms) if (r.status === 'fulfilled') r.value.close();
  }

  #getOrCreate(roomId: string): Promise<Room> {
    const existing = this.#rooms.get(roomId);
    if (existing) return existing;
    const created = this.pool.available().then((host) =>
      Room.create(
        roomId,
        host,
        this.log,
        (room) => {
          this.#open.delete(room);
          if (this.#rooms.get(room.id) === created) this.#rooms.delete(room.id);
        },
        this.options.onTalk,
        this.options.policyFor?.(roomId) ?? openPolicy,
        this.options.onVideo,
      ),
    );
    this.#rooms.set(roomId, created);
    created.then((room) => !room.closed && this.#open.add(room), () => this.#rooms.delete(roomId));
    return created;
  }
}

export type { Peer, Room };
