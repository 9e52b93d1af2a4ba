import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WorkerReport, WorkerUsage } from '../media/WorkerPool.js';

/** Media objects held by this node's rooms. */
export type MediaCounts = { peers: number; producers: number; consumers: number };

/** Connected members of the sessions held here, by where they are (admitted or waiting). */
export type MemberCounts = { admitted: number; waiting: number };

export type MetricSources = {
  workers: () => WorkerReport[];
  rooms: () => number;
  sessions: () => number;
  /** Optional so a test app need not build them; the server gives all three. */
  members?: () => MemberCounts;
  media?: () => MediaCounts;
  workerUsage?: () => Promise<WorkerUsage[]>;
  commandLatency?: Histogram<'command'>;
};

/** Whether the node can do its job: at least one media worker, none of them dead. */
export const healthy = (workers: readonly WorkerReport[]) => workers.length > 0 && workers.every((w) => !w.closed);

/**
 * Session command → answered, by command type: the same figure as T2 (`npm run bench`) seen
 * from the server's side (queue wait, store, media reconcile and broadcast; not the network).
 * Made by the server at start and observed by every session; registered on the first scrape.
 */
export function commandLatencyHistogram(): Histogram<'command'> {
  return new Histogram({
    name: 'hearth_session_command_seconds',
    help: 'session command from its arrival to its answer (queue, store, media, broadcast)',
    labelNames: ['command'],
    // T2's target is 30 ms for the whole round trip, T2b's 100 ms: buckets around those.
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [],
  });
}

/**
 * What /metrics shows (Prometheus text): process figures and Hearth's own, read when scraped.
 * Worker PIDs and live counts say what runs where: for the operator, never for the public.
 */
export function hearthMetrics(sources: MetricSources): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const gauge = (name: string, help: string, read: (g: Gauge) => void, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry], collect() { this.reset(); read(this); } });
  gauge('hearth_up', '1 when every media worker is alive', (g) => g.set(healthy(sources.workers()) ? 1 : 0));
  gauge('hearth_media_worker_up', 'each media worker: 1 alive, 0 dead', (g) => sources.workers().forEach((w) => g.set({ pid: String(w.pid) }, w.closed ? 0 : 1)), ['pid']);
  gauge('hearth_media_worker_routers', 'media rooms (routers) on each worker', (g) => sources.workers().forEach((w) => g.set({ pid: String(w.pid) }, w.routers)), ['pid']);
  gauge('hearth_media_worker_peers', 'people on each worker', (g) => sources.workers().forEach((w) => g.set({ pid: String(w.pid) }, w.peers)), ['pid']);
  gauge('hearth_media_rooms', 'media rooms open on this node', (g) => g.set(sources.rooms()));
  gauge('hearth_live_sessions', 'moderated sessions held on this node', (g) => g.set(sources.sessions()));
  const { members, media, workerUsage, commandLatency } = sources;
  if (members) {
    gauge('hearth_session_members', 'connected members of the sessions held here, by status', (g) => {
      const counts = members();
      g.set({ status: 'admitted' }, counts.admitted);
      g.set({ status: 'waiting' }, counts.waiting);
    }, ['status']);
  }
  if (media) {
    gauge('hearth_media_producers', 'media sent into this node (microphones, cameras, screens)', (g) => g.set(media().producers));
    gauge('hearth_media_consumers', 'media forwarded by this node (one per receiver and sender track)', (g) => g.set(media().consumers));
  }
  if (workerUsage) {
    // A counter of seconds, as Prometheus' own process_cpu_seconds_total: rate() of it is the cores used.
    new Counter({
      name: 'hearth_media_worker_cpu_seconds_total',
      help: 'CPU time each media worker has used (user + system), from the worker itself',
      labelNames: ['pid', 'mode'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const w of await workerUsage()) {
          this.inc({ pid: String(w.pid), mode: 'user' }, w.userSeconds);
          this.inc({ pid: String(w.pid), mode: 'system' }, w.systemSeconds);
        }
      },
    });
  }
  if (commandLatency) registry.registerMetric(commandLatency);
  return registry;
}

/**
 * GET /metrics for whoever holds METRICS_TOKEN (`Authorization: Bearer <token>`, as
 * Prometheus' `authorization` setting sends it). Without a token configured there is no
 * such route; the registry is made on the first authorised scrape.
 */
export function metricsRoute(token: string, sources: MetricSources): RequestHandler {
  const expected = digest(token);
  let registry: Registry | undefined;
  return async (req, res) => {
    const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'metrics need the metrics token' } });
      return;
    }
    registry ??= hearthMetrics(sources);
    res.setHeader('Content-Type', registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await registry.metrics());
  };
}

/** Equal-length values for a constant-time comparison, whatever was presented. */
const digest = (value: string) => createHash('sha256').update(value).digest();
