/** The staff login cookie. Participants never get one: their invite link is their credential. */
export const SESSION_COOKIE = 'hearth_session';
export const SESSION_TTL_MS = 12 * 60 * 60_000;

/**
 * Parses a Cookie header into name → value. The first occurrence of a name wins (browsers
 * send the most specific path first); a value that is not valid percent-encoding is kept
 * as sent. A Map, so a cookie named `__proto__` is just a name.
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    const name = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (!name || cookies.has(name)) continue;
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    cookies.set(name, safeDecode(value));
  }
  return cookies;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * httpOnly: page scripts cannot read it. SameSite=Strict: a cross-site request never carries
 * it, which (with the JSON-only rule for state changes) is the CSRF defence. Secure whenever
 * Hearth is served over https (COOKIE_SECURE=true).
 */
export function sessionCookie(token: string, secure: boolean): string {
  return cookie(token, Math.floor(SESSION_TTL_MS / 1000), secure);
}

export function clearedSessionCookie(secure: boolean): string {
  return cookie('', 0, secure);
}

function cookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
