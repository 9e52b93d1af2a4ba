/**
 * Which browser pages may open a socket here, and which servers this node's pages may
 * connect to: this node's own origin (whatever host it is reached by), the origin of its
 * PUBLIC_URL, and ALLOWED_ORIGINS (the other nodes of one deployment, when they are reached
 * at origins of their own).
 */
export function trustedOrigins(publicUrl: string | undefined, allowed: readonly string[]): string[] {
  const origins = publicUrl ? [new URL(publicUrl).origin, ...allowed] : [...allowed];
  return [...new Set(origins)];
}

/**
 * Whether a handshake may go on. Browsers always send Origin on a WebSocket or cross-site
 * request, so a page on another site is refused whatever cookie it carries. A request
 * without Origin is not a browser page (a Node client, a probe): it carries no ambient
 * credentials of anyone's, so it is left to the credential checks. The server's own origin
 * is recognised by the Host the request was sent to, so a node reached by IP or name works.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, trusted: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (trusted.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host.toLowerCase();
  } catch {
    // "null" (a sandboxed frame, a file) or garbage: not an origin we know.
    return false;
  }
}

/** A CSP connect-src list for the trusted origins: each over http(s) and over ws(s). */
export function connectSources(trusted: readonly string[]): string[] {
  return trusted.flatMap((o) => [o, o.replace(/^http/, 'ws')]);
}
