import { createHmac } from 'node:crypto';
import type { IceServer } from '@hearth/shared';
import type { Config } from '../config.js';

const DAY_SECONDS = 24 * 60 * 60;

/** turn: URLs as configured, coturn's TLS host and port (offered as turns:), its static-auth-secret. */
export type TurnConfig = NonNullable<Config['turn']>;

/**
 * Time-limited TURN credentials in coturn's "TURN REST API" scheme (use-auth-secret):
 * the username is the expiry time, the password an HMAC of it with the shared secret.
 * Nothing is stored, and a leaked credential stops working within a day. One credential
 * serves every URL: coturn checks it the same way on 3478 and on its TLS port.
 */
export function turnIceServers(turn: TurnConfig | undefined, peerId: string, nowMs: number = Date.now()): IceServer[] {
  if (!turn) return [];
  const expires = Math.floor(nowMs / 1000) + DAY_SECONDS;
  const username = `${expires}:${peerId}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return [{ urls: turnUrls(turn), username, credential }];
}

/**
 * The plain URLs, then turns: by name. A browser behind a firewall that lets only TLS out
 * still reaches the relay; the name (not an address) is what the certificate is checked against.
 */
export function turnUrls(turn: Pick<TurnConfig, 'urls' | 'tls'>): string[] {
  const tls = turn.tls ? [`turns:${turn.tls.host}:${turn.tls.port}?transport=tcp`] : [];
  return [...turn.urls.filter((url) => !tls.includes(url)), ...tls];
}
