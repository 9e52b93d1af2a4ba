import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { WorkerReport } from '../media/WorkerPool.js';

export type MetricSources = {
  workers: () => WorkerReport[];
  rooms: () => number;
  sessions: () => number;
};

/** Whether the node can do its job: at least one media worker, none of them dead. */
export const healthy = (workers: readonly WorkerReport[]) => workers.length > 0 && workers.every((w) => !w.closed);

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
