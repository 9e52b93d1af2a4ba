import fs from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import type { Clinic } from '../clinic/createClinic.js';
import { AppError, httpStatusOf, RateLimitedError, ServerBusyError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { WorkerReport } from '../media/WorkerPool.js';
import { apiRoutes } from './api.routes.js';

export type AppDeps = {
  log: Logger;
  workers: () => WorkerReport[];
  rooms: () => number;
  clientDist: string | undefined;
  clinic: Clinic;
  cookieSecure: boolean;
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For names the client. */
  trustProxy: number | string | false;
};

const STATIC_FILE = /\.(?:js|mjs|css|map|html|png|jpe?g|svg|ico|webp|json|txt|woff2?)$/i;

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  app.use(express.json({ limit: '16kb' }));

  app.get('/healthz', (_req, res) => {
    const workers = deps.workers();
    const healthy = workers.length > 0 && workers.every((w) => !w.closed);
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'degraded', workers, rooms: deps.rooms() });
  });

  app.use('/api', apiRoutes({ clinic: deps.clinic, cookieSecure: deps.cookieSecure }));

  const dist = deps.clientDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    // The client routes itself (/r/<room>, /join/<invite>): page paths get the app shell; a
    // missing static file stays a 404. (Invite tokens contain dots, so not "any extension".)
    app.get('/{*path}', (req, res, next) => {
      if (req.path.startsWith('/assets/') || STATIC_FILE.test(req.path)) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(dist, 'index.html'));
    });
  } else {
    deps.log.warn({ dist }, 'client build not found; serving the API only (run npm run build)');
  }

  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'no such route' } });
  });

  const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    if (err instanceof AppError) {
      const retryAfterS = retryAfterSeconds(err);
      if (retryAfterS !== undefined) res.setHeader('Retry-After', String(retryAfterS));
      res.status(httpStatusOf(err.code)).json({ error: { code: err.code, message: err.message } });
      return;
    }
    // express.json() reports malformed bodies with a status of 400 and type entity.parse.failed.
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 500) deps.log.error({ err }, 'request failed');
    res.status(status).json({
      error: { code: status < 500 ? 'INVALID_PAYLOAD' : 'INTERNAL', message: status < 500 ? 'bad request' : 'server error' },
    });
  };
  app.use(onError);
  return app;
}

/** When a refused request may be tried again (RFC 9110 Retry-After, whole seconds). */
function retryAfterSeconds(err: AppError): number | undefined {
  if (err instanceof RateLimitedError) return Math.max(1, Math.ceil(err.retryAfterMs / 1000));
  if (err instanceof ServerBusyError) return 1;
  return undefined;
}
