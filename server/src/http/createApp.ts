import fs from 'node:fs';
import path from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import type { Clinic } from '../clinic/createClinic.js';
import { AppError, httpStatusOf, RateLimitedError, ServerBusyError } from '../errors.js';
import type { Logger } from '../logger.js';
import { apiRoutes } from './api.routes.js';
import { healthy, metricsRoute, type MetricSources } from './metrics.js';
import { securityHeaders } from './securityHeaders.js';

export type AppDeps = MetricSources & {
  log: Logger;
  clientDist: string | undefined;
  clinic: Clinic;
  cookieSecure: boolean;
  /** Express's `trust proxy` (TRUST_PROXY): whose X-Forwarded-For names the client. */
  trustProxy: number | string | false;
  /** Origins trusted like this node's own (PUBLIC_URL's, ALLOWED_ORIGINS): pages may connect to them. */
  trustedOrigins: readonly string[];
  /** METRICS_TOKEN: /metrics exists only with one. */
  metricsToken: string | undefined;
};

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: 'no such route' } };

const STATIC_FILE = /\.(?:js|mjs|css|map|html|png|jpe?g|svg|ico|webp|json|txt|woff2?)$/i;

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy);
  // Secure cookies mean Hearth is reached over https: only then is HSTS sent.
  app.use(securityHeaders({ secure: deps.cookieSecure, trustedOrigins: deps.trustedOrigins }));
  app.use(express.json({ limit: '16kb' }));

  // For load balancers and compose: ok or not, nothing about what runs here (that is /metrics).
  app.get('/healthz', (_req, res) => {
    const ok = healthy(deps.workers());
    res.setHeader('Cache-Control', 'no-store');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable' });
  });
  app.get('/metrics', deps.metricsToken ? metricsRoute(deps.metricsToken, deps) : (_req, res) => void res.status(404).json(NOT_FOUND));

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
    res.status(404).json(NOT_FOUND);
  });

  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    // A client's mistake is a warning, without a stack: the route's pattern (no ids, no
    // tokens) and what was wrong with it.
    const clientMistake = (status: number, code: string) =>
      deps.log.warn({ method: req.method, route: (req.route as { path?: string } | undefined)?.path, status, code }, 'malformed request refused');
    if (err instanceof AppError) {
      const status = httpStatusOf(err.code);
      if (err.code === 'INVALID_PAYLOAD' || err.code === 'UNSUPPORTED_MEDIA_TYPE') clientMistake(status, err.code);
      const retryAfterS = retryAfterSeconds(err);
      if (retryAfterS !== undefined) res.setHeader('Retry-After', String(retryAfterS));
      res.status(status).json({ error: { code: err.code, message: err.message } });
      return;
    }
    // express.json() reports malformed bodies with a status of 400 and type entity.parse.failed.
    const status = typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    if (status >= 500) deps.log.error({ err }, 'request failed');
    else clientMistake(status, String((err as { type?: unknown }).type ?? 'bad-request'));
    res.status(status).json({
      error: { code: status < 500 ? 'INVALID_PAYLOAD' : 'INTERNAL', message: status < 500 ? 'bad request' : 'server error' },
    });
  };
  app.use(onError);
  return app;
}

/** When a refused request may be tried again (RFC 9110 Retry-After, whole seconds). */
function retryAfterSeconds(err: AppError): number | undefined {
  if (err instanceof RateLimitedError) return Math.max(1, Math.ceil((err.retryAfterMs ?? 1000) / 1000));
  if (err instanceof ServerBusyError) return 1;
  return undefined;
}
