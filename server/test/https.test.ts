import fs from 'node:fs';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/startServer.js';
import { makeSelfSignedCert, type SelfSignedCert } from '../src/testing/selfSignedCert.js';
import { ADMIN, api } from './clinicApi.js';
import { join, startTestServer, type TestSocket } from './harness.js';
import { startServerProcess } from './serverProcess.js';

type Answer = { status: number; setCookie: string[]; body: unknown; peerFingerprint: string };

/** An https request that trusts only the test's own certificate: the server's TLS is checked for real. */
function request(url: string, ca: string, init: { method?: string; body?: unknown } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const req = https.request(url, { method: init.method ?? 'GET', ca, agent: false, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      const peerFingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers['set-cookie'] ?? [], body: text ? JSON.parse(text) : undefined, peerFingerprint }));
    });
    req.once('error', reject);
    req.end(body);
  });
}

const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;

describe('npm start serving https itself (TLS_CERT_FILE, TLS_KEY_FILE)', () => {
  let cert: SelfSignedCert;
  let server: RunningServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    cert = await makeSelfSignedCert(['localhost']);
    server = await startTestServer({
      TLS_CERT_FILE: cert.certFile,
      TLS_KEY_FILE: cert.keyFile,
      TURN_URLS: 'turn:127.0.0.1:3478?transport=udp',
      TURN_TLS_HOST: 'localhost',
      TURN_SECRET: 'a-turn-secret-of-some-length',
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.close();
    cert?.remove();
  });

  it('answers over https with the configured certificate, and says so in its address', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await request(`${server.url}/healthz`, cert.cert);
    expect(health.status).toBe(200);
    expect(health.peerFingerprint).toBe(fingerprintOf(cert.cert));
  });

  it('signs staff in over https with a Secure cookie, on by default when serving https', async () => {
    expect((await request(`${server.url}/api/setup/admin`, cert.cert, { method: 'POST', body: ADMIN })).status).toBe(201);
    const login = await request(`${server.url}/api/auth/login`, cert.cert, { method: 'POST', body: { email: ADMIN.email, password: ADMIN.password } });
    expect(login.status).toBe(200);
    expect(login.setCookie[0]?.split('; ')).toContain('Secure');
  });

  it('carries signalling over wss, and offers the browser turns: beside turn:', async () => {
    const socket: TestSocket = connect(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, ca: cert.cert });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const joined = await join(socket, 'tls-room', 'Ana');
    expect(joined.iceServers).toEqual([
      {
        urls: ['turn:127.0.0.1:3478?transport=udp', 'turns:localhost:5349?transport=tcp'],
        username: expect.stringMatching(/^\d+:/),
        credential: expect.any(String),
      },
    ]);
  });

  it('takes up a renewed certificate on reload, and keeps the old one when the new files are bad', async () => {
    const [renewed, other] = await Promise.all([makeSelfSignedCert(['localhost']), makeSelfSignedCert(['localhost'])]);
    try {
      fs.copyFileSync(renewed.certFile, cert.certFile);
      fs.copyFileSync(renewed.keyFile, cert.keyFile);
      expect(await server.reloadTls()).toBe(true);
      expect((await request(`${server.url}/healthz`, renewed.cert)).peerFingerprint).toBe(fingerprintOf(renewed.cert));

      // A key that is not the certificate's (a renewal caught half-written): the renewed pair goes on serving.
      fs.copyFileSync(other.keyFile, cert.keyFile);
      expect(await server.reloadTls()).toBe(false);
      expect((await request(`${server.url}/healthz`, renewed.cert)).peerFingerprint).toBe(fingerprintOf(renewed.cert));
    } finally {
      renewed.remove();
      other.remove();
    }
  });
});

describe('npm start as its own process', () => {
  it('takes up a renewed certificate on SIGHUP (a renewal hook), without a restart', async () => {
    const [cert, renewed] = await Promise.all([makeSelfSignedCert(['localhost']), makeSelfSignedCert(['localhost'])]);
    const hearth = await startServerProcess({ TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile, PUBLIC_URL: 'https://localhost' });
    try {
      const url = `https://127.0.0.1:${hearth.port}/healthz`;
      expect((await request(url, cert.cert)).peerFingerprint).toBe(fingerprintOf(cert.cert));
      fs.copyFileSync(renewed.certFile, cert.certFile);
      fs.copyFileSync(renewed.keyFile, cert.keyFile);
      hearth.signal('SIGHUP');
      await expect.poll(() => hearth.output()).toContain('reloaded the TLS certificate');
      const after = await request(url, renewed.cert);
      expect([after.status, after.peerFingerprint]).toEqual([200, fingerprintOf(renewed.cert)]);
    } finally {
      await hearth.kill();
      cert.remove();
      renewed.remove();
    }
  });
});

describe('COOKIE_SECURE on a server reached over plain http', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer({ COOKIE_SECURE: 'true' });
    expect((await api(server, 'POST', '/api/setup/admin', { body: ADMIN })).status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });
  const credentials = { email: ADMIN.email, password: ADMIN.password };

  it('refuses sign-in with HTTPS_REQUIRED instead of a cookie the browser would drop, and records nothing', async () => {
    const auditBefore = (await server.clinic.audit.all()).length;
    for (const body of [credentials, { ...credentials, password: 'a wrong password' }]) {
      const res = await api(server, 'POST', '/api/auth/login', { body });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: 'HTTPS_REQUIRED', message: expect.stringContaining('https') } });
      expect(res.setCookie).toEqual([]);
    }
    // Nothing checked: no sign-in recorded.
    expect(await server.clinic.audit.all()).toHaveLength(auditBefore);
  });

  it('signs in when the TLS proxy in front says the browser came over https', async () => {
    const res = await api(server, 'POST', '/api/auth/login', { body: credentials, headers: { 'x-forwarded-proto': 'https' } });
    expect(res.status).toBe(200);
    expect(res.setCookie[0]?.split('; ')).toContain('Secure');
    const viaHttp = await api(server, 'POST', '/api/auth/login', { body: credentials, headers: { 'x-forwarded-proto': 'http' } });
    expect(viaHttp.body).toMatchObject({ error: { code: 'HTTPS_REQUIRED' } });
  });
});
