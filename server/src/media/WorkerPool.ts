import { createWorker, type types } from 'mediasoup';
import type { Config } from '../config.js';
import { ServerFullError } from '../errors.js';
import type { Logger } from '../logger.js';

export type PooledWorker = {
  readonly worker: types.Worker;
  readonly webRtcServer: types.WebRtcServer;
  routers: number;
  /** People in this worker's rooms (each room counts its own in and out). */
  peers: number;
  /** How many it carries; the next is refused with SERVER_FULL. */
  readonly maxPeers: number;
  /**
   * Consumers its peers want played: every voice, and each camera shown in a tile. That is what
   * the worker forwards once every group on it is together (pairs and speaker-only turns
   * forward fewer, and come back to this).
   */
  streams: number;
  /** Past this many streams it takes no new room (SERVER_FULL); the groups on it keep theirs. */
  readonly maxStreams: number;
};

export type WorkerReport = { pid: number; routers: number; peers: number; streams: number; closed: boolean };

/** CPU time a worker has used since it started, as the worker itself reports it (getrusage). */
export type WorkerUsage = { pid: number; userSeconds: number; systemSeconds: number };

/**
 * One mediasoup worker per core, each with one WebRTC server so a worker's transports
 * share a single UDP/TCP port (one firewall rule per worker, not a port range).
 * New rooms go to the worker with the fewest routers: one group fits on one worker.
 */
export class WorkerPool {
  readonly #workers: PooledWorker[] = [];
  /** Replacements for dead workers, still starting. */
  readonly #replacing = new Set<Promise<PooledWorker>>();
  #closed = false;

  private constructor(
    private readonly config: Config['media'],
    private readonly log: Logger,
    private readonly onWorkerDied: (worker: PooledWorker) => void,
  ) {}

  static async create(
    config: Config['media'],
    log: Logger,
    onWorkerDied: (worker: PooledWorker) => void = () => {},
  ): Promise<WorkerPool> {
    const pool = new WorkerPool(config, log, onWorkerDied);
    try {
      for (let i = 0; i < config.workers; i++) await pool.#spawn(i);
    } catch (err) {
      pool.close();
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error('the mediasoup worker binary is missing: run `npm run setup` (it builds or fetches it)', { cause: err });
      }
      throw err;
    }
    return pool;
  }

  async #spawn(index: number): Promise<PooledWorker> {
    const worker = await createWorker({
      logLevel: 'warn',
      rtcMinPort: this.config.rtcMinPort,
      rtcMaxPort: this.config.rtcMaxPort,
    });
    const listen = (protocol: 'udp' | 'tcp'): types.TransportListenInfo => ({
      protocol,
      ip: this.config.listenIp,
      announcedAddress: this.config.announcedAddress,
      port: this.config.port === undefined ? undefined : this.config.port + index,
    });
    let webRtcServer: types.WebRtcServer;
    try {
      webRtcServer = await worker.createWebRtcServer({ listenInfos: [listen('udp'), listen('tcp')] });
    } catch (err) {
      worker.close();
      throw err;
    }
    const pooled: PooledWorker = {
      worker,
      webRtcServer,
      routers: 0,
      peers: 0,
      maxPeers: this.config.maxPeersPerWorker,
      streams: 0,
      maxStreams: this.config.maxStreamsPerWorker,
    };
    this.#workers[index] = pooled;
    worker.on('died', (error) => {
      this.log.error({ err: error, pid: worker.pid }, 'mediasoup worker died');
      this.onWorkerDied(pooled);
      if (this.#closed) return;
      const replacement = this.#spawn(index);
      this.#replacing.add(replacement);
      replacement
        .catch((err: unknown) => this.log.error({ err }, 'could not replace a dead worker'))
        .finally(() => this.#replacing.delete(replacement));
    });
    this.log.info({ pid: worker.pid, index }, 'mediasoup worker started');
    return pooled;
  }

  /** The live worker hosting the fewest routers (of those with room for another person, if any has). */
  leastLoaded(): PooledWorker {
    let best: PooledWorker | undefined;
    for (const w of this.#workers) {
      if (w.worker.closed) continue;
      const roomier = best !== undefined && best.peers >= best.maxPeers && w.peers < w.maxPeers;
      if (!best || roomier || (w.routers < best.routers && (w.peers < w.maxPeers || best.peers >= best.maxPeers))) best = w;
    }
    if (!best) throw new Error('no mediasoup worker is running');
    return best;
  }

  /**
   * The live worker with room for a new group (another person and more streams) hosting the
   * fewest routers; waits for a replacement when every worker has just died. SERVER_FULL when
   * every live worker is full: a new group is refused rather than every group on a full worker
   * made to stutter (T5 measures where a worker saturates).
   */
  async available(): Promise<PooledWorker> {
    if (this.#workers.every((w) => w.worker.closed) && this.#replacing.size > 0) await Promise.any(this.#replacing);
    const live = this.#workers.filter((w) => !w.worker.closed);
    if (live.length === 0) throw new Error('no mediasoup worker is running');
    const open = live.filter((w) => w.peers < w.maxPeers && w.streams < w.maxStreams);
    if (open.length === 0) {
      this.log.warn({ workers: live.map((w) => ({ pid: w.worker.pid, peers: w.peers, streams: w.streams })) }, 'every media worker is full: a new group is refused');
      throw new ServerFullError('this server’s media is full: the groups already running keep their calls; start this one later or on another server');
    }
    return open.reduce((best, w) => (w.routers < best.routers ? w : best));
  }

  report(): WorkerReport[] {
    return this.#workers.map((w) => ({ pid: w.worker.pid, routers: w.routers, peers: w.peers, streams: w.streams, closed: w.worker.closed }));
  }

  /** Each live worker's CPU time; a worker that dies meanwhile is left out. */
  async usage(): Promise<WorkerUsage[]> {
    const live = this.#workers.filter((w) => !w.worker.closed);
    const usages = await Promise.all(live.map((w) => w.worker.getResourceUsage().catch(() => undefined)));
    return live.flatMap((w, i) => {
      const u = usages[i];
      return u ? [{ pid: w.worker.pid, userSeconds: u.ru_utime / 1000, systemSeconds: u.ru_stime / 1000 }] : [];
    });
  }

  close(): void {
    this.#closed = true;
    for (const w of this.#workers) w.worker.close();
  }
}
