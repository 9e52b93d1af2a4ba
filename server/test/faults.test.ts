import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consent } from '@hearth/shared/testing';
import { api, sessionCookieOf } from './clinicApi.js';
import { call, fakeDtls, joinReady, memberClient, nextEvent, opusParameters, type TestSocket } from './harness.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';
import { startServerProcess, type ServerProcess } from './serverProcess.js';

// Faults a clinic's evening must survive, with real processes: a server killed and started
// again, its media worker killed, and Redis restarted under a running session. State, attendance and the audit chain live in Redis.
let redis: TestRedis;
let server: ServerProcess;
const METRICS_TOKEN = 'faults-metrics-token';

/** The operator's view (/metrics): one gauge's samples, label set → value. */
async function metric(name: string): Promise<{ labels: string; value: number }[]> {
  const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
  return [...text.matchAll(new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`, 'gm'))].map((m) => ({ labels: m[1] ?? '', value: Number(m[2]) }));
}
const open: Socket[] = [];

beforeAll(async () => {
  redis = await startRedis();
  server = await startServerProcess({ REDIS_URL: redis.url, HEARTH_SECRET: 'x'.repeat(40), METRICS_TOKEN });
}, 30_000);
afterAll(async () => {
  for (const s of open) s.disconnect();
  await server?.kill();
  await redis?.destroy();
});

/** A client that reconnects by itself, as the browser's does, and enters its session again each time. */
function resilient(auth: Record<string, string>, cookie: string | undefined, enter: { consent: typeof consent | null }) {
  const client = memberClient(server.url, { auth, cookie }, { reconnect: true });
  open.push(client.socket);
  client.socket.io.on('reconnect', () => void call(client.socket, 'session:enter', enter).then(({ view }) => client.views.push(view)));
  return client;
}

/** Into the session's media room as a browser does: join with both transports (ready), a microphone. */
async function intoMedia(socket: TestSocket, sessionId: string) {
  const joined = await joinReady(socket, sessionId, 'x');
  const transport = joined.transports.send;
  await call(socket, 'transport:connect', { transportId: transport.id, dtlsParameters: fakeDtls });
  await call(socket, 'producer:create', { transportId: transport.id, kind: 'audio', source: 'mic', rtpParameters: opusParameters() });
  return joined;
}

/** An admin, a cohort of two, a session and its invites, made through the clinic's API. */
async function clinicEvening() {
  const admin = { email: 'ada@clinic.example', password: 'admin password 123', displayName: 'Ada' };
  await api(server, 'POST', '/api/setup/admin', { body: admin });
  const cookie = sessionCookieOf(await api(server, 'POST', '/api/auth/login', { body: { email: admin.email, password: admin.password } }));
  const post = async <T>(path: string, body?: unknown) => (await api(server, 'POST', path, { body, cookie })).body as T;
  const { cohort } = await post<{ cohort: { id: string } }>('/api/cohorts', { name: 'Evening IOP', timeZone: 'UTC' });
  for (const pseudonym of ['Alex', 'Blake']) await post(`/api/cohorts/${cohort.id}/members`, { pseudonym });
  const { session } = await post<{ session: { id: string } }>(`/api/cohorts/${cohort.id}/sessions`, { title: 'Monday' });
  const invites = await post<{ memberId: string; pseudonym: string; url: string }[]>(`/api/sessions/${session.id}/invites`);
  return { cookie, sessionId: session.id, invites: invites.map((i) => ({ ...i, token: i.url.replace(/^\/join\//, '') })) };
}

describe('faults', () => {
  it('a server killed and started again, its media worker killed, Redis restarted: everyone back in place by themselves, no attendance lost, the audit chain whole', async () => {
    const evening = await clinicEvening();
    const f = resilient({ sessionId: evening.sessionId }, evening.cookie, { consent: null });
    await call(f.socket, 'session:enter', { consent: null });
    const [alex, blake] = evening.invites.map((invite) => ({ invite, client: resilient({ invite: invite.token }, undefined, { consent }) })) as [
      { invite: (typeof evening.invites)[number]; client: ReturnType<typeof resilient> },
      { invite: (typeof evening.invites)[number]; client: ReturnType<typeof resilient> },
    ];
    for (const p of [alex, blake]) {
      await call(p.client.socket, 'session:enter', { consent });
    }
    await call(f.socket, 'session:command', { type: 'admitAll' });
    await call(alex.client.socket, 'session:command', { type: 'raiseHand' });
    const before = await api(server, 'GET', `/api/sessions/${evening.sessionId}/attendance`, { cookie: evening.cookie });
    expect((before.body as { rows: { minutes: number }[] }).rows).toHaveLength(2);

    await server.kill();
    for (const c of [f, alex.client, blake.client]) c.forget();
    await server.start();

    // Each client reconnects and enters again on its own; the session is as it was.
    await expect
      .poll(() => {
        const view = alex.client.latest();
        return view?.kind === 'participant' ? { status: view.self.status, hand: view.self.handPosition } : undefined;
      }, { timeout: 15_000 })
      .toEqual({ status: 'admitted', hand: 1 });
    await expect
      .poll(() => {
        const view = f.latest();
        if (view?.kind !== 'facilitator') return undefined;
        return view.members.filter((m) => m.role === 'participant').map((m) => [m.displayName, m.status, m.connected]);
      }, { timeout: 15_000 })
      .toEqual([['Alex', 'admitted', true], ['Blake', 'admitted', true]]);

    // The media worker is killed under the group's media room: everyone in it is told to
    // rejoin, and does, on a new router (the server started a new worker).
    for (const c of [f, alex.client]) await intoMedia(c.socket, evening.sessionId);
    const [worker] = await metric('hearth_media_worker_up');
    const pid = Number(/pid="(\d+)"/.exec(worker!.labels)?.[1]);
    const resets = [f, alex.client].map((c) => nextEvent(c.socket, 'room:reset'));
    process.kill(pid, 'SIGKILL');
    await Promise.all(resets);
    for (const c of [f, alex.client]) await intoMedia(c.socket, evening.sessionId);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await metric('hearth_media_rooms')).toEqual([{ labels: '', value: 1 }]);
    expect((await metric('hearth_media_worker_up')).map((w) => w.labels)).not.toContain(`{pid="${pid}"}`);

    // Redis restarts under the running session: the next commands wait for it and go through.
    await redis.stop();
    const lowered = call(alex.client.socket, 'session:command', { type: 'lowerHand' });
    await redis.start();
    await lowered;
    const ended = nextEvent(f.socket, 'session:closed');
    await call(f.socket, 'session:command', { type: 'end' });
    await ended;

    // Attendance: one unbroken interval each (the restart kept their seats), none lost.
    const after = await api(server, 'GET', `/api/sessions/${evening.sessionId}/attendance`, { cookie: evening.cookie });
    const rows = (after.body as { rows: { pseudonym: string; intervals: unknown[]; minutes: number }[] }).rows;
    expect(rows.map((r) => [r.pseudonym, r.intervals.length])).toEqual([['Alex', 1], ['Blake', 1]]);
    // The audit log holds both processes' entries in one chain.
    const admin = evening.cookie;
    const verify = await api(server, 'GET', '/api/audit/verify', { cookie: admin });
    expect(verify.body).toMatchObject({ ok: true });
    const entries = (await api(server, 'GET', '/api/audit?limit=1000', { cookie: admin })).body as { entries: { action: string; sessionId: string | null }[] };
    const actions = entries.entries.filter((e) => e.sessionId === evening.sessionId).map((e) => e.action);
    expect(actions.filter((a) => a === 'admitted').length).toBeGreaterThanOrEqual(3);
    expect(actions).toContain('session-ended');
    // And nothing private went to the log.
    expect(server.output()).not.toContain(evening.invites[0]!.token);
    expect(server.output()).not.toContain(consent.callbackNumber);
  }, 60_000);
});
