import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveKey } from '../auth/secret.js';
import { nextEntry, type AuditEntry } from '../store/auditChain.js';
import { signCheckpoint } from '../store/auditCheckpoint.js';
import { CheckpointFile } from '../store/AuditCheckpoints.js';
import type { AuditStore } from '../store/AuditLog.js';
import { memoryStores } from '../store/Stores.js';
import { runVerifyAudit, type VerifyIo } from './verifyAuditCommand.js';

const SECRET = 's'.repeat(40);
const key = deriveKey(Buffer.from(SECRET, 'utf8'), 'audit-log-v1');
const ENV = { REDIS_URL: 'redis://127.0.0.1:1', HEARTH_SECRET: SECRET };

async function logOf(n: number) {
  const audit = memoryStores(() => 0).audit;
  for (let i = 0; i < n; i++) await audit.append((last) => nextEntry(last, { at: i, action: 'admitted', actorId: 'f', targetId: `m${i}`, sessionId: 's' }, key));
  return audit;
}

/** The same entries with the newest `drop` gone, as someone with access to Redis could leave them. */
function cut(audit: AuditStore, drop: number): AuditStore {
  return { append: audit.append.bind(audit), recent: audit.recent.bind(audit), all: async () => (await audit.all()).slice(0, (await audit.all()).length - drop) };
}

function io(audit: AuditStore, env: NodeJS.ProcessEnv = ENV, files: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: VerifyIo = { env, files, out: (t) => out.push(t), err: (t) => err.push(t), openAudit: async () => ({ audit, close: async () => {} }) };
  return { cli, out, err };
}

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-audit-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('audit:verify', () => {
  it('reports an intact log and exits 0, saying checkpoints were not available', async () => {
    const { cli, out } = io(await logOf(4));
    expect(await runVerifyAudit(cli)).toBe(0);
    expect(out.join('')).toMatch(/intact: 4 entries, each signed.*no checkpoint to compare with/);
  });

  it('names the first broken entry and exits 1', async () => {
    const audit = await logOf(5);
    const tampered = { ...cut(audit, 0), all: async () => (await audit.all()).map((e) => ((e as AuditEntry).seq === 2 ? { ...(e as AuditEntry), action: 'removed' } : e)) };
    const { cli, err } = io(tampered);
    expect(await runVerifyAudit(cli)).toBe(1);
    expect(err.join('')).toMatch(/BROKEN at entry 2 of 5/);
  });

  it('checks the log against the checkpoint file in AUDIT_CHECKPOINT_DIR and against saved logs, and says what is missing', async () => {
    const audit = await logOf(45);
    const head = ((await audit.all()) as AuditEntry[])[44]!;
    const dir = tempDir();
    await new CheckpointFile(dir).write(signCheckpoint(key, 45, head.hash, Date.UTC(2026, 10, 30)));
    const intact = io(audit, { ...ENV, AUDIT_CHECKPOINT_DIR: dir });
    expect(await runVerifyAudit(intact.cli)).toBe(0);
    expect(intact.out.join('')).toMatch(/intact: 45 entries.*checkpoints vouch for the first 45 \(1 checkpoints read\)/);

    const cutLog = io(cut(audit, 4), { ...ENV, AUDIT_CHECKPOINT_DIR: dir });
    expect(await runVerifyAudit(cutLog.cli)).toBe(1);
    expect(cutLog.err.join('')).toContain('BROKEN at entry 42 of 41: the log ends at entry 41 but the checkpoint of 2026-11-30T00:00:00.000Z says 45: entries 42–45 are missing');

    // A saved server log carries the same checkpoints as log lines.
    const saved = path.join(tempDir(), 'server.log');
    writeFileSync(saved, `${JSON.stringify({ level: 30, msg: 'hearth is listening' })}\n${JSON.stringify({ level: 30, auditCheckpoint: signCheckpoint(key, 45, head.hash, 0), msg: 'audit checkpoint' })}\n`);
    const fromLog = io(cut(audit, 1), ENV, [saved]);
    expect(await runVerifyAudit(fromLog.cli)).toBe(1);
    expect(fromLog.err.join('')).toContain('the log ends at entry 44 but the checkpoint of 1970-01-01T00:00:00.000Z says 45: entry 45 is missing');
  });

  it('says where the log lives when REDIS_URL is not set, and which key when none is', async () => {
    const noRedis = io(await logOf(1), { HEARTH_SECRET: SECRET });
    expect(await runVerifyAudit(noRedis.cli)).toBe(2);
    expect(noRedis.err.join('')).toMatch(/REDIS_URL/);
    const noKey = io(await logOf(1), { REDIS_URL: ENV.REDIS_URL });
    expect(await runVerifyAudit(noKey.cli)).toBe(2);
    expect(noKey.err.join('')).toMatch(/AUDIT_KEY.*HEARTH_SECRET/);
  });

  it('uses AUDIT_KEY over HEARTH_SECRET: a log signed with the derived key fails against another AUDIT_KEY', async () => {
    const { cli, err } = io(await logOf(2), { ...ENV, AUDIT_KEY: 'k'.repeat(40) });
    expect(await runVerifyAudit(cli)).toBe(1);
    expect(err.join('')).toMatch(/entry 1 is not signed with the audit key/);
  });
});
