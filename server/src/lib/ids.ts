import { randomBytes } from 'node:crypto';

/** A random, URL-safe id (96 bits): unguessable and short enough to keep invite links compact. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}
