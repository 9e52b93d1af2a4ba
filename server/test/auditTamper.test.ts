import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { deriveKey } from '../src/auth/secret.js';
import { runVerifyAudit } from '../src/cli/verifyAuditCommand.js';
import { GENESIS_HASH, hashEntry, verifyChain, type AuditEntry } from '../src/store/auditChain.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';
import { api, staff } from './clinicApi.js';
import { startServerProcess, type ServerProcess } from './serverProcess.js';

// The audit log as the built server writes it into a real redis-server (checkpoints in a
// directory of its own and in its log stream), then cut and rewritten the way anyone who can
// write to Redis could, and checked by `audit:verify` and the admin's API.
const SECRET = 'q'.repeat(40);
const LIST = 'hearth:audit';
let redis: TestRedis;
let raw: Redis;
let server: ServerProcess;
let dir: string;
let admin: string;
let written: string[];

beforeAll(async () => {
  redis = await startRedis();
  raw = new Redis(redis.url);
  dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-audit-'));
  server = await startServerProcess({ REDIS_URL: redis.url, HEARTH_SECRET: SECRET, AUDIT_CHECKPOINT_DIR: path.join(dir, 'checkpoints') });
  ({ admin } = await staff(server));
  for (const name of ['Monday group', 'Wednesday group', 'Thursday group']) await api(server, 'POST', '/api/cohorts', { body: { name, timeZone: 'UTC' }, cookie: admin });
  written = await raw.lrange(LIST, 0, -1);
  // The log stream reaches the test through a pipe: wait until it carries the newest checkpoint.
  await vi.waitFor(() => expect(server.output()).toContain(`"count":${written.length},`));
}, 30_000);
afterEach(async () => {
  // Each test tampers with the entries the server wrote; the next starts from them again.
  await raw.multi().del(LIST).rpush(LIST, ...written).exec();
});
afterAll(async () => {
  raw?.disconnect();
  await server?.kill();
  await redis?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function verify(env: Record<string, string>, files: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVerifyAudit({ env: { REDIS_URL: redis.url, HEARTH_SECRET: SECRET, ...env }, files, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}
const withFile = () => verify({ AUDIT_CHECKPOINT_DIR: path.join(dir, 'checkpoints') });
function withSavedLog() {
  const saved = path.join(dir, 'server.log');
  writeFileSync(saved, server.output());
  return verify({}, [saved]);
}
const viaApi = async () => (await api(server, 'GET', '/api/audit/verify', { cookie: admin })).body as { ok: boolean; brokenAt?: number; reason?: string };

describe('the audit log', () => {
  it('untouched, verifies against the checkpoint file, the saved log stream and the server itself', async () => {
    const n = written.length;
    expect(n).toBeGreaterThanOrEqual(7);
    for (const result of [await withFile(), await withSavedLog()]) {
      expect(result.code).toBe(0);
      expect(result.out).toMatch(new RegExp(`intact: ${n} entries, each signed .*checkpoints vouch for the first ${n}`));
    }
    expect(await viaApi()).toMatchObject({ ok: true, count: n });
  });

  it('with its newest entries dropped, says which are missing, though the chain that is left holds', async () => {
    const n = written.length;
    await raw.ltrim(LIST, 0, n - 4);
    const left = await raw.lrange(LIST, 0, -1);
    expect(verifyChain(left.map((e) => JSON.parse(e) as unknown), deriveKey(Buffer.from(SECRET), 'audit-log-v1'))).toEqual({ ok: true, count: n - 3 });
    for (const result of [await withFile(), await withSavedLog()]) {
      expect(result.code).toBe(1);
      expect(result.err).toContain(`BROKEN at entry ${n - 2} of ${n - 3}: the log ends at entry ${n - 3} but the checkpoint of `);
      expect(result.err).toContain(`says ${n}: entries ${n - 2}–${n} are missing`);
    }
    expect(await viaApi()).toMatchObject({ ok: false, brokenAt: n - 2, reason: expect.stringContaining(`the log ends at entry ${n - 3}`) });
  });

  it('with one entry rewritten and every later hash recomputed, names the rewritten entry', async () => {
    const entries = written.map((e) => JSON.parse(e) as AuditEntry);
    // Entry 3 now says someone else was made; the chain after it is rebuilt to match.
    entries[2] = { ...entries[2]!, targetId: 'someone-else' };
    for (let i = 2; i < entries.length; i++) {
      const prevHash = i === 0 ? GENESIS_HASH : entries[i - 1]!.hash;
      entries[i] = { ...entries[i]!, prevHash, hash: hashEntry(prevHash, entries[i]!.seq, entries[i]!) };
    }
    await raw.multi().del(LIST).rpush(LIST, ...entries.map((e) => JSON.stringify(e))).exec();
    for (const result of [await withFile(), await withSavedLog()]) {
      expect(result.code).toBe(1);
      expect(result.err).toContain(`BROKEN at entry 3 of ${entries.length}: entry 3 is not signed with the audit key`);
      // The newest checkpoint no longer matches either.
      expect(result.err).toContain(`also: entry ${entries.length} is not the one the checkpoint of`);
    }
    expect(await viaApi()).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('refuses a checkpoint that the audit key did not sign, and a key that is not the servers’', async () => {
    const forged = path.join(dir, 'forged.jsonl');
    writeFileSync(forged, `${JSON.stringify({ count: 1, head: 'f'.repeat(64), at: 0, mac: '0'.repeat(64) })}\n`);
    const result = await verify({}, [forged]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`the checkpoint at ${forged}:1 is not signed with the audit key`);
    const wrongKey = await verify({ AUDIT_KEY: 'w'.repeat(40), AUDIT_CHECKPOINT_DIR: path.join(dir, 'checkpoints') });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.err).toContain('BROKEN at entry 1');
  });
});
