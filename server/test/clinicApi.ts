import http from 'node:http';
import type { RunningServer } from '../src/startServer.js';

export type ApiResponse = { status: number; body: unknown; setCookie: string[]; retryAfter: string | null };

/**
 * Calls the clinic API as a browser page would: JSON bodies, the session cookie passed
 * back by hand. `body: undefined` sends no body; `contentType` overrides the JSON type;
 * `headers` adds what a proxy in front would (X-Forwarded-Proto). `from` is the loopback
 * address to connect from (127.0.0.2…): another client address, as the server sees it.
 */
export async function api(
  server: Pick<RunningServer, 'url'>,
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; cookie?: string; contentType?: string | null; headers?: Record<string, string>; from?: string } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null && method !== 'GET') headers['content-type'] = contentType;
  if (options.cookie) headers['cookie'] = options.cookie;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (options.from) return requestFrom(options.from, `${server.url}${path}`, method, headers, body);
  const res = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : undefined,
    setCookie: res.headers.getSetCookie(),
    retryAfter: res.headers.get('retry-after'),
  };
}

function requestFrom(localAddress: string, url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const setCookie = res.headers['set-cookie'] ?? [];
        const retryAfter = res.headers['retry-after'] ?? null;
        resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined, setCookie, retryAfter });
      });
    });
    req.once('error', reject);
    req.end(body);
  });
}

/** The `name=value` part of the session cookie a response set, to send back as a Cookie header. */
export function sessionCookieOf(res: ApiResponse): string {
  const header = res.setCookie.find((c) => c.startsWith('hearth_session='));
  if (!header) throw new Error(`no session cookie set (status ${res.status})`);
  return header.split(';')[0] ?? '';
}

export const ADMIN = { email: 'admin@clinic.example', password: 'admin password 123', displayName: 'Ada' };
export const FACILITATOR = { email: 'fac@clinic.example', password: 'facilitator pass 1', displayName: 'Fran' };

/** Sets up the first admin and a facilitator; returns both sign-in cookies. */
export async function staff(server: Pick<RunningServer, 'url'>): Promise<{ admin: string; facilitator: string }> {
  const setup = await api(server, 'POST', '/api/setup/admin', { body: ADMIN });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status}`);
  const admin = sessionCookieOf(await api(server, 'POST', '/api/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } }));
  await api(server, 'POST', '/api/facilitators', { body: FACILITATOR, cookie: admin });
  const facilitator = sessionCookieOf(
    await api(server, 'POST', '/api/auth/login', { body: { email: FACILITATOR.email, password: FACILITATOR.password } }),
  );
  return { admin, facilitator };
}
