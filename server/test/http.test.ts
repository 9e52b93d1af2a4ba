import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/startServer.js';
import { startTestServer } from './harness.js';

let server: RunningServer;
let dist: string;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-dist-'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Hearth</title>');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');
  server = await startTestServer({ CLIENT_DIST: dist });
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('HTTP', () => {
  it('serves the app shell for a room link and an invite link (whose token has dots)', async () => {
    for (const page of ['/r/evening-group', '/join/eyJ2IjoxfQ.c2lnbmF0dXJl', '/facilitate/abc123']) {
      const res = await fetch(`${server.url}${page}`);
      expect(res.status, page).toBe(200);
      expect(await res.text()).toContain('<title>Hearth</title>');
    }
  });

  it('serves built assets and answers a missing one with 404', async () => {
    expect((await fetch(`${server.url}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/favicon.ico`)).status).toBe(404);
    const missing = await fetch(`${server.url}/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no such route' } });
  });

  it('answers a malformed JSON body with a 400 and an error code', async () => {
    const res = await fetch(`${server.url}/healthz`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"oops' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
  });

  it('does not say what it runs on', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
