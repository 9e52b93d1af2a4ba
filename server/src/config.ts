import os from 'node:os';
import { z } from 'zod';
import { isTimeZone } from './clinic/timeZone.js';

const Port = z.coerce.number().int().min(0).max(65535);

/** true/1 or false/0 (an empty value is false). */
const Flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/** Like Flag, but unset stays undefined, so a default can follow from other settings. */
const OptionalFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : v === 'true' || v === '1'));

/** turn:host[:port][?transport=udp|tcp] or turns:…: what RTCPeerConnection accepts as a TURN URL. */
const TurnUrl = z
  .string()
  .regex(/^turns?:(?:\[[0-9a-f:.]+\]|[^\s?:/[\]]+)(?::\d{1,5})?(?:\?transport=(?:udp|tcp))?$/i, 'use turn:host:port?transport=udp|tcp or turns:host:port');

/** A DNS name, as a TLS certificate names it. */
const HostName = z
  .string()
  .regex(/^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i, 'use a host name such as hearth.clinic.example');

const Env = z.object({
  PORT: Port.default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** One mediasoup worker per core by default: one group fits on one worker. */
  MEDIASOUP_WORKERS: z.coerce.number().int().min(1).max(64).default(os.availableParallelism()),
  /**
   * How many people one media worker (one core) carries before new ones are refused with
   * SERVER_FULL: a clear "contact your clinic" beats a call that stutters for everyone. One
   * group of 17 with cameras on is about one core's worth (PRODUCT.md T10); groups of
   * phones that show a page of tiles at a time cost less.
   */
  MEDIA_MAX_PEERS_PER_WORKER: z.coerce.number().int().min(1).max(10_000).default(100),
  /**
   * Streams (consumers wanted: every voice, each camera shown in a tile) past which a worker
   * takes no new group: SERVER_FULL for the new group, not a stutter for every group on it.
   * A group let in may still grow to its full size, so this is one core's measured capacity
   * (T5, `npm run bench`) less one full group's streams (README, *Media capacity*): T5 on a
   * quiet 2-core machine measured 1,610–1,810 consumers per core up to 3 groups (everyone's
   * camera at full size) and the worker saturating between 3 and 4 groups (1,632–2,176); 80 %
   * of about 1,700, for bursts and keyframes, less a group of 17 seeing everyone (544) is about
   * 800. Near saturation the worker's control requests wait behind media for seconds (commands
   * took 72 ms at 1,088 streams, 2.1 s at 1,632), so the limit keeps workers well short of it:
   * at most 800 + 544 streams.
   */
  MEDIA_MAX_STREAMS_PER_WORKER: z.coerce.number().int().min(1).max(1_000_000).default(800),
  /** Address the media sockets bind to. */
  MEDIA_LISTEN_IP: z.string().default('0.0.0.0'),
  /** Address announced to browsers in ICE candidates: the host's public IP or name when behind NAT/Docker. */
  MEDIA_ANNOUNCED_ADDRESS: z.string().optional(),
  /** First UDP/TCP port for the per-worker WebRTC servers (worker i uses port + i); unset picks free ports. */
  MEDIA_PORT: Port.optional(),
  RTC_MIN_PORT: Port.default(40000),
  RTC_MAX_PORT: Port.default(49999),
  /** Comma-separated TURN URLs (turn:host:3478?transport=udp,turn:host:3478?transport=tcp) handed to browsers. */
  TURN_URLS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(TurnUrl)),
  /**
   * The name on coturn's TLS certificate (the clinic's domain): browsers are also offered
   * turns:<host>:TURN_TLS_PORT?transport=tcp, TURN inside TLS, which looks like any https
   * connection to a firewall that lets nothing else out.
   */
  TURN_TLS_HOST: HostName.optional(),
  TURN_TLS_PORT: Port.default(5349),
  /** coturn's static-auth-secret: browsers get credentials derived from it, valid for a day. */
  TURN_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  /** Where the built client lives; served as static files when present. */
  CLIENT_DIST: z.string().optional(),
  /** Signs invite links. Unset: a random one per start, so links (and logins) die with the process. */
  HEARTH_SECRET: z.string().min(32, 'use at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  /**
   * Signs audit entries and checkpoints; kept out of the store so that whoever can write to
   * Redis cannot forge them. Unset: derived from HEARTH_SECRET.
   */
  AUDIT_KEY: z.string().min(32, 'use at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  /** A directory of the server's own for the audit log's signed checkpoints (an append-only file). */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  /**
   * Mark the login cookie Secure. Unset: true when this server serves https itself
   * (TLS_CERT_FILE) or PUBLIC_URL is https, false otherwise (the plain-http quick start).
   */
  COOKIE_SECURE: OptionalFlag,
  /**
   * Serve https directly, for a clinic without a reverse proxy: a PEM certificate (with its
   * chain) and its private key. Both or neither. Re-read on SIGHUP, e.g. after a renewal.
   */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  /**
   * Which proxies in front of Hearth to believe about the client's address (X-Forwarded-For),
   * as Express's `trust proxy`: a hop count (1 behind one reverse proxy) or addresses/subnets
   * (`loopback, uniquelocal`). Unset: none, the socket's peer is the client. Behind a proxy it
   * must be set, or sign-in throttling sees every staff member as the proxy's one address.
   */
  TRUST_PROXY: z
    .string()
    .regex(/^[\w.:/, -]+$/, 'a hop count or comma-separated addresses/subnets')
    .optional()
    .transform((v) => (v === undefined ? false : /^\d+$/.test(v) ? Number(v) : v)),
  /** Seed a demo cohort, facilitator and participants at start and print how to sign in. */
  DEMO: Flag,
  /**
   * Rooms anyone can join by link and name, without an invite (the media path on its own,
   * for trying Hearth out and for tests). Off by default: groups are confidential.
   */
  OPEN_ROOMS: Flag,
  /**
   * New connections one address may open in 10 seconds, on all nodes together. A clinic
   * whose people share one address (an office behind NAT) may need more.
   */
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).max(1_000_000).default(60),
  /**
   * Bytes waiting to go out to one connection (it stopped reading, or is far too slow to
   * keep up) before it is closed; its client reconnects and gets a fresh snapshot.
   */
  MAX_OUTGOING_BUFFER_BYTES: z.coerce.number().int().min(16_384).max(64 * 1024 * 1024).default(1024 * 1024),
  /**
   * Redis for the clinic's records, session state, attendance and audit (redis://host:6379).
   * Unset: everything in this process's memory, gone when it stops (the quick start).
   */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'use redis://host:port or rediss://host:port').optional(),
  /**
   * This node's address as browsers reach it, when several nodes share one Redis: a session
   * runs on one node and members who reach another are sent here (e.g. https://clinic.example/node/a
   * behind a load balancer that routes /node/a/ to this node). Defaults to http://localhost:PORT.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Comma-separated origins besides this node's own and PUBLIC_URL's whose pages may open a
   * socket here and that this node's pages may connect to: other nodes of one deployment
   * reached at origins of their own (https://b.clinic.example).
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin))),
  /**
   * Turns on GET /metrics (Prometheus), answered only with `Authorization: Bearer <token>`.
   * Unset: there is no /metrics. /healthz says only ok or not.
   */
  METRICS_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** The clinic's name as participants see it, until an admin sets it on the clinic's settings page. */
  CLINIC_NAME: z.string().trim().min(1).max(80, 'at most 80 characters').default('Hearth'),
  /** The clinic's IANA time zone: the demo cohort's zone. */
  CLINIC_TIME_ZONE: z.string().refine(isTimeZone, 'use an IANA time zone such as America/Chicago').default('UTC'),
});

/** So many requests per so many seconds (a fixed window, as rate-limiter-flexible counts). */
export type Rate = { points: number; seconds: number };

/**
 * A fair share per connection and per member (PRODUCT.md, "Misuse and bad input"). Set well
 * above what a real client does: a browser joining a group's media sends a few dozen
 * signalling requests within seconds, a facilitator running a round a few commands a second
 * at most, a reconnecting client enters and joins again every few seconds.
 */
export type Limits = {
  /** Every event on one connection, whatever its name: this node's cap, checked first, in memory. */
  perConnection: Rate;
  /** Per member (per connection when anonymous), by kind of request; shared by every node on one Redis. */
  session: Rate;
  join: Rate;
  chat: Rate;
  media: Rate;
  /** New connections per address (MAX_CONNECTIONS_PER_ADDRESS per 10 s). */
  connectionsPerAddress: Rate;
  /** Bytes waiting to go out to one connection before it is closed (MAX_OUTGOING_BUFFER_BYTES). */
  outgoingBufferBytes: number;
};

export const DEFAULT_LIMITS: Limits = {
  // Short windows: a fixed window lets its whole share through at once, and a burst of state
  // changes, each sent to the whole group, is what holds up everyone else on the node (T9).
  perConnection: { points: 200, seconds: 2 },
  // Session commands, breakout proposals, identity: a facilitator in a hurry clicks a few a
  // second; an authorisation test sends all 37 facilitator commands in a row.
  session: { points: 50, seconds: 5 },
  // Entering the session and joining its media room (each reconnect does both).
  join: { points: 10, seconds: 20 },
  // No one types five messages in five seconds; each one goes to the whole group.
  chat: { points: 5, seconds: 5 },
  // Transports, producers, consumers: joining a group of 17 is about 60 of these.
  media: { points: 150, seconds: 5 },
  connectionsPerAddress: { points: 60, seconds: 10 },
  outgoingBufferBytes: 1024 * 1024,
};

export type Config = {
  port: number;
  host: string;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  media: {
    workers: number;
    /** People one worker carries; the next is refused (SERVER_FULL). */
    maxPeersPerWorker: number;
    /** Streams past which a worker takes no new room (SERVER_FULL). */
    maxStreamsPerWorker: number;
    listenIp: string;
    announcedAddress: string | undefined;
    port: number | undefined;
    rtcMinPort: number;
    rtcMaxPort: number;
  };
  /** What browsers are told about TURN: plain URLs, and turns: on the certificate's host when tls is set. */
  turn: { urls: string[]; tls: { host: string; port: number } | undefined; secret: string } | undefined;
  /** Certificate and key files when this server speaks https itself. */
  tls: { certFile: string; keyFile: string } | undefined;
  clientDist: string | undefined;
  auth: { secret: string | undefined; cookieSecure: boolean; trustProxy: number | string | false };
  audit: { key: string | undefined; checkpointDir: string | undefined };
  demo: boolean;
  openRooms: boolean;
  clinicTimeZone: string;
  clinicName: string;
  redisUrl: string | undefined;
  publicUrl: string | undefined;
  /** Further origins trusted like this node's own (ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  metricsToken: string | undefined;
  limits: Limits;
};

/** Parses the environment once at start-up; a bad value stops the server with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  if (e.RTC_MIN_PORT > e.RTC_MAX_PORT) throw new Error('invalid configuration: RTC_MIN_PORT > RTC_MAX_PORT');
  const turnUrls = e.TURN_URLS;
  const turnTls = e.TURN_TLS_HOST ? { host: e.TURN_TLS_HOST, port: e.TURN_TLS_PORT } : undefined;
  if ((turnUrls.length > 0 || turnTls) && !e.TURN_SECRET) throw new Error('invalid configuration: TURN_URLS and TURN_TLS_HOST need TURN_SECRET');
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) throw new Error('invalid configuration: set both TLS_CERT_FILE and TLS_KEY_FILE, or neither');
  const tls = e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : undefined;
  const publicUrl = e.PUBLIC_URL?.replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    media: {
      workers: e.MEDIASOUP_WORKERS,
      maxPeersPerWorker: e.MEDIA_MAX_PEERS_PER_WORKER,
      maxStreamsPerWorker: e.MEDIA_MAX_STREAMS_PER_WORKER,
      listenIp: e.MEDIA_LISTEN_IP,
      announcedAddress: e.MEDIA_ANNOUNCED_ADDRESS ?? defaultAnnouncedAddress(e.MEDIA_LISTEN_IP),
      port: e.MEDIA_PORT,
      rtcMinPort: e.RTC_MIN_PORT,
      rtcMaxPort: e.RTC_MAX_PORT,
    },
    turn: (turnUrls.length > 0 || turnTls) && e.TURN_SECRET ? { urls: turnUrls, tls: turnTls, secret: e.TURN_SECRET } : undefined,
    tls,
    clientDist: e.CLIENT_DIST,
    auth: { secret: e.HEARTH_SECRET, cookieSecure: e.COOKIE_SECURE ?? (tls !== undefined || publicUrl?.startsWith('https:') === true), trustProxy: e.TRUST_PROXY },
    audit: { key: e.AUDIT_KEY, checkpointDir: e.AUDIT_CHECKPOINT_DIR },
    demo: e.DEMO,
    openRooms: e.OPEN_ROOMS,
    clinicTimeZone: e.CLINIC_TIME_ZONE,
    clinicName: e.CLINIC_NAME,
    redisUrl: e.REDIS_URL,
    publicUrl,
    allowedOrigins: e.ALLOWED_ORIGINS,
    metricsToken: e.METRICS_TOKEN,
    limits: {
      ...DEFAULT_LIMITS,
      connectionsPerAddress: { points: e.MAX_CONNECTIONS_PER_ADDRESS, seconds: 10 },
      outgoingBufferBytes: e.MAX_OUTGOING_BUFFER_BYTES,
    },
  };
}

/**
 * A wildcard bind needs a concrete address in ICE candidates. Without one configured we
 * announce 127.0.0.1, which serves the local quick start; deployments set MEDIA_ANNOUNCED_ADDRESS.
 */
function defaultAnnouncedAddress(listenIp: string): string | undefined {
  return listenIp === '0.0.0.0' || listenIp === '::' ? '127.0.0.1' : undefined;
}
