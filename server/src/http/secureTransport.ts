import type { TLSSocket } from 'node:tls';
import type { Request, RequestHandler } from 'express';
import type { Config } from '../config.js';
import { HttpsRequiredError } from '../errors.js';

/**
 * Whether the browser's request reached Hearth over https: this server's own TLS, or a
 * proxy in front (Caddy, a load balancer) saying so in X-Forwarded-Proto. The header is
 * believed from anyone because it only decides whether sign-in is refused: a forged
 * "https" gets the Secure cookie every https sign-in gets (a browser on http drops it),
 * a forged "http" refuses only the forger.
 */
export function cameOverHttps(req: Request): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted === true) return true;
  const forwarded = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

/**
 * With a Secure sign-in cookie, a sign-in over plain http would "succeed" and the browser
 * would drop the cookie: the next page asks for the sign-in again, with no word why. Refuse
 * it instead (HTTPS_REQUIRED, nothing checked, nothing recorded), so the person is told to
 * use the https address.
 */
export function requireHttpsForSecureCookie(cookieSecure: boolean): RequestHandler {
  return (req, _res, next) => next(cookieSecure && !cameOverHttps(req) ? new HttpsRequiredError() : undefined);
}

/**
 * Settings that contradict each other about https, said once at start-up so the clinic's IT
 * person sees them in the log before staff see a refused sign-in.
 */
export function httpsWarnings(config: Pick<Config, 'auth' | 'tls' | 'publicUrl'>): string[] {
  const servesHttps = config.tls !== undefined;
  const reachedOverHttps = servesHttps || config.publicUrl?.startsWith('https:') === true;
  const warnings: string[] = [];
  if (config.auth.cookieSecure && !reachedOverHttps) {
    warnings.push(
      `COOKIE_SECURE is on but PUBLIC_URL is ${config.publicUrl ?? 'unset'}: staff sign-in is refused (HTTPS_REQUIRED) on any request that did not come over https. ` +
        'Set PUBLIC_URL to the https address browsers use (behind a TLS proxy), or TLS_CERT_FILE and TLS_KEY_FILE to serve https here.',
    );
  }
  if (!config.auth.cookieSecure && reachedOverHttps) {
    warnings.push('COOKIE_SECURE=false although Hearth is reached over https: the staff sign-in cookie is not marked Secure. Leave COOKIE_SECURE unset.');
  }
  if (servesHttps && config.publicUrl?.startsWith('http:')) {
    warnings.push(`PUBLIC_URL is ${config.publicUrl} but this server speaks only https (TLS_CERT_FILE): nodes that send browsers there send them to a dead address.`);
  }
  return warnings;
}
