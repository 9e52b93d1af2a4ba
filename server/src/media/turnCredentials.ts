import { createHmac } from 'node:crypto';
import type { IceServer } from '@hearth/shared';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Time-limited TURN credentials in coturn's "TURN REST API" scheme (use-auth-secret):
 * the username is the expiry time, the password an HMAC of it with the shared secret.
 * Nothing is stored, and a leaked credential stops working within a day.
 */
export function turnIceServers(
  turn: { urls: string[]; secret: string } | undefined,
  peerId: string,
  nowMs: number = Date.now(),
): IceServer[] {
  if (!turn) return [];
  const expires = Math.floor(nowMs / 1000) + DAY_SECONDS;
  const username = `${expires}:${peerId}`;
  const credential = createHmac('sha1', turn.secret).update(username).digest('base64');
  return [{ urls: turn.urls, username, credential }];
}
