import type { Request } from 'express';
import ipaddr from 'ipaddr.js';

/**
 * The client's address as sign-in throttling counts it: `req.ip` (the socket's peer, or what
 * the trusted proxies say, see TRUST_PROXY), an IPv4 address mapped into IPv6 written as
 * IPv4, and an IPv6 address reduced to its /64, which one household or phone usually holds
 * whole (a guesser must not get a fresh count per address in it).
 */
export function clientAddress(req: Request): string {
  const raw = req.ip ?? req.socket.remoteAddress ?? '';
  if (!ipaddr.isValid(raw)) return 'unknown';
  const parsed = ipaddr.process(raw);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${parsed.toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}
