import type { AddressInfo } from 'node:net';
import { auditKeyFrom, resolveSecret } from './auth/secret.js';
import { systemClock, type Clock } from './lib/clock.js';
import { createClinic, type Clinic } from './clinic/createClinic.js';
import { demoAnnouncement, seedDemoOnce } from './clinic/demo.js';
import type { Config, Limits } from './config.js';
import { createApp } from './http/createApp.js';
import { commandLatencyHistogram } from './http/metrics.js';
import { createWebServer } from './http/createWebServer.js';
import { httpsWarnings } from './http/secureTransport.js';
import { createLogger, type Logger } from './logger.js';
import { WorkerPool } from './media/WorkerPool.js';
import { openPolicy, type MediaPolicy } from './rooms/MediaPolicy.js';
import { Rooms } from './rooms/Rooms.js';
import { identifyWithClinic } from './sessions/identifyWithClinic.js';
import { LiveSessions } from './sessions/LiveSessions.js';
import { roomMediaControl } from './sessions/roomMediaControl.js';
import { sessionMediaPolicy } from './sessions/sessionMediaPolicy.js';
import { cohortPairingRules } from './sessions/pairingRules.js';
import { cameraOffFlagMinutes, sessionContext } from './sessions/sessionContext.js';
import { closeEndedSignIns, createSignalling, memberRoom } from './signalling/createSignalling.js';
import { SignInThrottle } from './auth/SignInThrottle.js';
import { RateLimits } from './signalling/RateLimits.js';
import { redisAdapter } from './cluster/redisAdapter.js';
import { RedisSessionPlacement, singleNode, type SessionPlacement } from './cluster/SessionPlacement.js';
import { createStores, type Stores } from './store/Stores.js';
import { trustedOrigins } from './lib/origins.js';
import { CheckpointFile, logCheckpoints } from './store/AuditCheckpoints.js';
import { KeyedAuditLog } from './store/KeyedAuditLog.js';

export type RunningServer = {
  url: string;
  port: number;
  rooms: Rooms;
  sessions: LiveSessions;
  pool: WorkerPool;
  log: Logger;
  /** Staff accounts, cohorts and invites; verifyInvite and accountFromCookie check credentials. */
  clinic: Clinic;
  /** Where state, attendance and the audit log are kept. */
  stores: Stores;
  /** Re-reads TLS_CERT_FILE and TLS_KEY_FILE (SIGHUP in main.ts); false when not serving https or the files are bad. */
  reloadTls: () => Promise<boolean>;
  close: () => Promise<void>;
};

/** What tests (and a later multi-node setup) may supply instead of the defaults. */
export type ServerOptions = {
  /** Time for logins, lock-outs and invites; tests pass a clock they can move forward. */
  clock?: Clock;
  /** Stores to use instead of the configured ones; the caller closes them. */
  stores?: Stores;
  /** Where DEMO=true prints its sign-in details; stdout by default. */
  announce?: (text: string) => void;
  /** Fair shares other than the configured ones: a test of a limit makes it small, a latency benchmark large. */
  limits?: Partial<Limits>;
  /**
   * Benchmarks only: load bots may ask for plain RTP transports (`transport:createPlain`) to send
   * real RTP through Hearth's own signalling. Never set from the environment or config: a
   * production server refuses the request.
   */
  benchPlainTransports?: boolean;
};

/** Starts Hearth: workers, HTTP, signalling. Tests start it on port 0 and close it after. */
export async function startServer(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  options: ServerOptions = {},
): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const stores = options.stores ?? (await createStores(config.redisUrl, clock, log));
  const secret = resolveSecret(config.auth.secret, log);
  for (const warning of httpsWarnings(config)) log.warn(warning);
  const audit = keyedAudit(config, stores, secret, clock, log);
  const clinic = createClinic({
    store: stores.clinic,
    attendance: stores.attendance,
    pairs: stores.pairs,
    sessionStates: stores.sessionStates,
    disclosures: stores.disclosures,
    retention: stores.retention,
    audit,
    notes: stores.notes,
    clock,
    secret,
    log,
    timeZone: config.clinicTimeZone,
    name: config.clinicName,
    // Several nodes on one Redis share the counters, so a guesser cannot spread over nodes.
    signInThrottle: new SignInThrottle({ redis: stores.redis }),
  });
  // Seeded before anything needs closing; announced once the URL is known.
  const demo = config.demo ? await seedDemoOnce(clinic, log) : undefined;
  const pool = await WorkerPool.create(config.media, log);
  // A session's media room is given its session's policy when it is made (also when made
  // again: a worker died, everyone dropped at once); any other room is open.
  const rooms = new Rooms(pool, log, {
    policyFor: (roomId): MediaPolicy => (sessions.current(roomId) ? sessionMediaPolicy(() => sessions.current(roomId)?.snapshot) : openPolicy),
    // Talk-time goes from the media room to its session (when the room is one).
    onTalk: (roomId, peerIds, ms) => {
      void sessions.running(roomId)?.then((session) => peerIds.forEach((id) => session.addTalkTime(id, ms)));
    },
    // CAM1: so does whether each member's camera reaches it.
    onVideo: (roomId, peerId, sent) => {
      void sessions.running(roomId)?.then((session) => session.videoSent(peerId, sent));
    },
  });
  const commandLatency = commandLatencyHistogram();
  const trusted = trustedOrigins(config.publicUrl, config.allowedOrigins);
  const app = createApp({
    log,
    workers: () => pool.report(),
    rooms: () => rooms.size,
    sessions: () => sessions.size,
    members: () => sessions.memberCounts(),
    media: () => rooms.mediaCounts(),
    workerUsage: () => pool.usage(),
    commandLatency,
    clientDist: config.clientDist,
    clinic,
    cookieSecure: config.auth.cookieSecure,
    trustProxy: config.auth.trustProxy,
    trustedOrigins: trusted,
    metricsToken: config.metricsToken,
  });
  const web = await createWebServer(app, config.tls, log).catch((err: unknown) => {
    pool.close();
    throw err;
  });
  const httpServer = web.server;
  // A session no longer held here gives up its lease: nobody is sent to it, nothing renews it.
  const dropLease = (id: string) => void placement.release(id).catch((err: unknown) => log.warn({ err, session: id }, 'could not release a session lease'));
  const sessions = new LiveSessions({
    lifecycle: {
      started: async (id) => void (await clinic.store.sessions.setStatus(id, 'live')),
      ended: async (id) => void (await clinic.store.sessions.setStatus(id, 'ended')),
    },
    store: stores.sessionStates,
    audit,
    attendance: stores.attendance,
    pairs: stores.pairs,
    media: roomMediaControl(rooms),
    log,
    clock,
    commandTimed: (command, seconds) => commandLatency.observe({ command }, seconds),
  }, dropLease);
  // Several nodes on one Redis: leases say which node runs each session, and Socket.IO's
  // adapter carries broadcasts between nodes. The lease names this node by its address,
  // known once it listens.
  let placement: SessionPlacement = singleNode;
  const cluster = stores.redis ? redisAdapter(stores.redis) : undefined;
  const limits = { ...config.limits, ...options.limits };
  // Shared through Redis when there is one, so a member's share holds on every node.
  const rateLimits = await RateLimits.open(limits, stores.redis);
  const io = createSignalling(httpServer, {
    rooms,
    sessions,
    identify: identifyWithClinic(clinic),
    log,
    turn: config.turn,
    openRooms: config.openRooms,
    plainTransports: options.benchPlainTransports === true,
    trustedOrigins: trusted,
    limits: rateLimits,
    maxOutgoingBytes: limits.outgoingBufferBytes,
    // The socket handshake takes the address the one proxy in front appended (TRUST_PROXY).
    trustProxy: config.auth.trustProxy !== false,
    pairingRules: cohortPairingRules(clinic.store, stores.pairs),
    place: (sessionId) => placement.place(sessionId),
    context: (sessionId) => sessionContext(clinic.store, sessionId),
    cameraOffFlag: (sessionId) => cameraOffFlagMinutes(clinic.store, sessionId),
    ...(cluster ? { adapter: cluster.adapter } : {}),
  });
  // A revoked link stops working at once, on whichever node its holder is connected; so does an ended sign-in.
  clinic.onInviteRevoked((sessionId, memberId) => io.in(memberRoom(sessionId, memberId)).disconnectSockets(true));
  // A facilitator taken off a cohort loses its live consoles at once, on whichever node (a
  // staff member's connections are filed under their account id as the member id).
  clinic.onCohortStaffRemoved((cohortId, accountId) => {
    void clinic.store.sessions
      .listByCohort(cohortId)
      .then((held) => held.forEach((s) => io.in(memberRoom(s.id, accountId)).disconnectSockets(true)))
      .catch((err: unknown) => log.warn({ err, cohortId }, 'could not close a removed facilitator’s connections'));
  });
  clinic.accounts.onSignInsEnded((ended) => closeEndedSignIns(io, ended));

  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
  } catch (err) {
    pool.close();
    rateLimits.close();
    throw err;
  }
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `${web.scheme}://${shownHost}:${port}`;
  if (stores.redis) placement = new RedisSessionPlacement(stores.redis, config.publicUrl ?? url, log);
  log.info({ url, workers: config.media.workers }, 'hearth is listening');
  if (demo) (options.announce ?? ((text) => process.stdout.write(text)))(demoAnnouncement(demo, url));

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      sessions.closeAll();
      placement.close();
      cluster?.close();
      rateLimits.close();
      await rooms.closeAll();
      pool.close();
      httpServer.closeAllConnections();
      if (!options.stores) await stores.close();
    })();
    return closing;
  };
  return { url, port, rooms, sessions, pool, log, clinic, stores, reloadTls: web.reloadTls, close };
}

/**
 * The audit log signed with a key the store never sees, checkpointed to the log stream and,
 * with AUDIT_CHECKPOINT_DIR, to an append-only file: a cut or a rewrite in Redis shows.
 */
function keyedAudit(config: Config, stores: Stores, secret: Buffer, clock: Clock, log: Logger): KeyedAuditLog {
  const file = config.audit.checkpointDir ? new CheckpointFile(config.audit.checkpointDir) : undefined;
  if (stores.persistent && !file) log.warn('AUDIT_CHECKPOINT_DIR is not set: audit checkpoints go to the log stream only');
  return new KeyedAuditLog({
    store: stores.audit,
    key: auditKeyFrom(config.audit.key, secret),
    sinks: file ? [file, logCheckpoints(log)] : [logCheckpoints(log)],
    sources: file ? [file] : [],
    clock,
    log,
  });
}
