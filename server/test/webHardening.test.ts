import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/startServer.js';
import { staff } from './clinicApi.js';
import { call, connectClient, joinWithMedia, send, startTestServer } from './harness.js';
import { facilitatorSocket, participantWaiting, seededSession } from './sessionFixture.js';

// What a browser, and a page of another site, see of a running server: the headers on every
// answer, the socket handshake's Origin check, what /healthz and /metrics tell whom, and how
// a client's mistakes are logged.
const PUBLIC_URL = 'https://clinic.example';
const OTHER_NODE = 'https://b.clinic.example';
const METRICS_TOKEN = 'metrics-token-for-the-tests';
let server: RunningServer;
let secure: RunningServer;
let dist: string;
const logged: string[] = [];

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-dist-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Hearth</title>');
  const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) });
  // Reached over plain http here (PUBLIC_URL names the clinic's address for the Origin check).
  server = await startTestServer({ CLIENT_DIST: dist, PUBLIC_URL, ALLOWED_ORIGINS: OTHER_NODE, METRICS_TOKEN, COOKIE_SECURE: 'false' }, {}, log);
  // Behind https (secure cookies), no metrics token.
  secure = await startTestServer({ COOKIE_SECURE: 'true' });
});
afterAll(async () => {
  await Promise.all([server?.close(), secure?.close()]);
  fs.rmSync(dist, { recursive: true, force: true });
});

/** The CSP as directive → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(header.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

describe('security headers', () => {
  it('on pages, the API, assets and errors: a CSP with no inline script, no framing, no referrer, camera and microphone for this origin only', async () => {
    for (const page of ['/join/eyJ2IjoxfQ.c2ln', '/join', '/api/auth/me', '/healthz', '/assets/missing.js']) {
      const res = await fetch(`${server.url}${page}`);
      const policy = csp(res);
      expect(policy.get('script-src'), page).toEqual(["'self'"]);
      expect(policy.get('script-src-attr'), page).toEqual(["'none'"]);
      expect(policy.get('default-src'), page).toEqual(["'self'"]);
      expect(policy.get('object-src'), page).toEqual(["'none'"]);
      expect(policy.get('frame-ancestors'), page).toEqual(["'none'"]);
      // The socket may go to this node and to the other nodes of the deployment, nowhere else.
      expect(policy.get('connect-src'), page).toEqual(["'self'", PUBLIC_URL, 'wss://clinic.example', OTHER_NODE, 'wss://b.clinic.example']);
      expect(policy.has('upgrade-insecure-requests'), page).toBe(false);
      expect(res.headers.get('x-frame-options'), page).toBe('DENY');
      expect(res.headers.get('referrer-policy'), page).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options'), page).toBe('nosniff');
      expect(res.headers.get('permissions-policy'), page).toMatch(/^camera=\(self\), microphone=\(self\), display-capture=\(\), geolocation=\(\)/);
      // Plain http: no HSTS, which would lock a local install out of http.
      expect(res.headers.get('strict-transport-security'), page).toBeNull();
    }
  });

  it('over https (secure cookies): HSTS for a year, and insecure requests upgraded', async () => {
    // Caddy in front says the browser came over https.
    const res = await fetch(`${secure.url}/api/auth/me`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(csp(res).has('upgrade-insecure-requests')).toBe(true);
    // The same server reached over plain http: no upgrade, or the page that says "use the
    // https address" (HTTPS_REQUIRED) could not even load its own script.
    const plain = await fetch(`${secure.url}/api/auth/me`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(csp(plain).has('upgrade-insecure-requests')).toBe(false);
    // No PUBLIC_URL, no ALLOWED_ORIGINS: the socket goes to this node only.
    expect(csp(res).get('connect-src')).toEqual(["'self'"]);
  });
});

/** Opens a socket as a browser page of `origin` would; resolves with the refusal, if any. */
function handshake(origin: string | undefined, cookie?: string): Promise<'connected' | string> {
  const headers: Record<string, string> = {};
  if (origin) headers['origin'] = origin;
  if (cookie) headers['cookie'] = cookie;
  const socket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (err) => {
      socket.disconnect();
      resolve(err.message);
    });
  });
}

describe('the socket handshake checks Origin', () => {
  it('lets in pages of this node (by PUBLIC_URL or by the address it was reached at), of the other nodes, and clients that are not browsers', async () => {
    expect(await handshake(PUBLIC_URL)).toBe('connected');
    expect(await handshake(OTHER_NODE)).toBe('connected');
    expect(await handshake(new URL(server.url).origin)).toBe('connected');
    expect(await handshake(undefined)).toBe('connected');
  });

  it('refuses a page of another site, even one carrying a signed-in facilitator’s cookie, before anything else', async () => {
    const { facilitator } = await staff(server);
    for (const origin of ['https://evil.example', 'https://clinic.example.evil.example', 'http://clinic.example', 'null']) {
      expect(await handshake(origin, facilitator), origin).not.toBe('connected');
    }
    // The same refusal over HTTP long-polling: 403, and no session id handed out.
    const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://evil.example', cookie: facilitator } });
    expect(polling.status).toBe(403);
    expect(await polling.text()).not.toContain('sid');
    expect((await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: PUBLIC_URL } })).status).toBe(200);
    expect(logged.some((l) => l.includes('socket from a page of another origin refused') && l.includes('evil.example'))).toBe(true);
  });
});

describe('health and metrics', () => {
  it('/healthz tells anyone ok or not, and nothing about what runs', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/metrics is for the holder of the metrics token only', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${METRICS_TOKEN}`, `Bearer ${METRICS_TOKEN}x`]) {
      const res = await fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.text()).not.toContain('hearth_');
    }
    // Without a token configured there is no /metrics at all.
    const none = await fetch(`${secure.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(none.status).toBe(404);
    expect(await none.text()).not.toContain('hearth_');
  });

  it('/metrics with the token: the workers by PID, rooms, sessions and the process, in Prometheus text', async () => {
    const ana = await joinWithMedia(server, 'metrics-room', 'Ana', false);
    try {
      const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      const [worker] = server.pool.report();
      expect(text).toContain(`hearth_media_worker_up{pid="${worker!.pid}"} 1`);
      expect(text).toContain(`hearth_media_worker_peers{pid="${worker!.pid}"} 1`);
      expect(text).toMatch(/^hearth_media_rooms 1$/m);
      expect(text).toMatch(/^hearth_up 1$/m);
      expect(text).toMatch(/^hearth_live_sessions 0$/m);
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    } finally {
      ana.socket.disconnect();
    }
  });
});

/** One sample of a scrape: the value of `name{labels}` (labels as written), or undefined. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

async function scrape(): Promise<string> {
  return (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
}

describe('what an operator sees of a running group on /metrics', () => {
  it('members by status, consumers, worker CPU seconds and session command latency', async () => {
    const s = await seededSession(server);
    const facilitator = await facilitatorSocket(server, s);
    const waiting = await Promise.all(s.participants.slice(0, 2).map((p) => participantWaiting(server, p.token)));
    const [ana, ben] = [await joinWithMedia(server, 'metrics-media', 'Ana', true), await joinWithMedia(server, 'metrics-media', 'Ben', true)];
    try {
      await call(facilitator, 'session:enter', { consent: null });
      let text = await scrape();
      expect(sample(text, 'hearth_session_members{status="waiting"}')).toBe(2);
      expect(sample(text, 'hearth_session_members{status="admitted"}')).toBe(1);
      // Two peers each sending a microphone and a camera, each receiving the other's two.
      expect(sample(text, 'hearth_media_producers')).toBe(4);
      expect(sample(text, 'hearth_media_consumers')).toBe(4);
      const [worker] = server.pool.report();
      const cpu = (mode: string) => sample(text, `hearth_media_worker_cpu_seconds_total{pid="${worker!.pid}",mode="${mode}"}`);
      expect(cpu('user')).toBeGreaterThan(0);
      expect(cpu('system')).toBeGreaterThanOrEqual(0);
      const admittedBefore = sample(text, 'hearth_session_command_seconds_count{command="admitAll"}') ?? 0;

      await call(facilitator, 'session:command', { type: 'admitAll' });
      ben.socket.disconnect();
      await expect.poll(async () => sample((text = await scrape()), 'hearth_media_consumers')).toBe(0);
      expect(sample(text, 'hearth_session_members{status="waiting"}')).toBe(0);
      expect(sample(text, 'hearth_session_members{status="admitted"}')).toBe(3);
      expect(sample(text, 'hearth_session_command_seconds_count{command="admitAll"}')).toBe(admittedBefore + 1);
      // The one command took less than the largest bucket, so it is counted there.
      expect(sample(text, 'hearth_session_command_seconds_bucket{le="2.5",command="admitAll"}')).toBe(admittedBefore + 1);
    } finally {
      for (const socket of [facilitator, ana.socket, ben.socket, ...waiting.map((w) => w.socket)]) socket.disconnect();
    }
  });
});

describe('a client’s mistakes', () => {
  it('are warnings without a stack: a malformed payload, a codec the server does not offer, a broken JSON body', async () => {
    logged.splice(0);
    const ana = await joinWithMedia(server, 'mistakes-room', 'Ana', false);
    try {
      expect(await send(ana.socket, 'transport:create', { direction: 'sideways' })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
      const codec = await send(ana.socket, 'producer:create', {
        transportId: ana.sendTransportId,
        kind: 'video',
        source: 'camera',
        rtpParameters: { codecs: [{ mimeType: 'video/H265', payloadType: 100, clockRate: 90000 }], encodings: [{ ssrc: 11 }] },
      });
      expect(codec).toMatchObject({ ok: false, error: { code: 'MEDIA_ERROR' } });
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"oops' });
      expect(res.status).toBe(400);
    } finally {
      ana.socket.disconnect();
    }
    const lines = logged.map((l) => JSON.parse(l) as { level: number; msg: string; event?: string; code?: string; err?: unknown });
    expect(lines.filter((l) => l.msg === 'client request refused').map((l) => [l.level, l.event, l.code])).toEqual([
      [40, 'transport:create', 'INVALID_PAYLOAD'],
      [40, 'producer:create', 'MEDIA_ERROR'],
    ]);
    expect(lines.filter((l) => l.msg === 'malformed request refused').map((l) => [l.level, l.code])).toEqual([[40, 'entity.parse.failed']]);
    expect(lines.some((l) => l.level >= 50)).toBe(false);
    expect(logged.join('\n')).not.toMatch(/"stack"|\bat .+\.js:\d+/);
  });

  it('and a test client without Origin still reaches the server', async () => {
    const socket = await connectClient(server);
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });
});
