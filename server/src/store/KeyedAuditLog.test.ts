import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { CheckpointFile, type CheckpointSink } from './AuditCheckpoints.js';
import type { AuditStore } from './AuditLog.js';
import type { Checkpoint } from './auditCheckpoint.js';
import { KeyedAuditLog } from './KeyedAuditLog.js';
import { memoryStores } from './Stores.js';

const key = Buffer.alloc(32, 5);
const record = (i: number) => ({ at: i, action: 'admitted', actorId: 'f', targetId: `m${i}`, sessionId: 's' });
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const memoryAudit = () => memoryStores(() => 0).audit;

function keyed(store: AuditStore, sinks: CheckpointSink[], file?: CheckpointFile) {
  return new KeyedAuditLog({ store, key, sinks: file ? [file, ...sinks] : sinks, sources: file ? [file] : [], clock: () => 7, log: createLogger('silent') });
}

describe('the keyed audit log', () => {
  it('has a checkpoint covering every entry written before the append resolves, in an append-only file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-keyed-'));
    dirs.push(dir);
    const file = new CheckpointFile(path.join(dir, 'audit'));
    const seen: Checkpoint[] = [];
    const audit = keyed(memoryAudit(), [{ write: async (cp) => void seen.push(cp) }], file);
    await audit.append(record(0));
    expect(seen.map((c) => c.count)).toEqual([1]);
    // Appends that arrive together are covered together; each resolves covered.
    const entries = await Promise.all(Array.from({ length: 10 }, (_, i) => audit.append(record(i + 1))));
    expect(seen.at(-1)?.count).toBe(11);
    expect(seen.length).toBeLessThan(11);
    expect(seen.map((c) => c.count)).toEqual([...seen.map((c) => c.count)].sort((a, b) => a - b));
    expect(seen.at(-1)?.head).toBe(entries.find((e) => e.seq === 11)?.hash);
    const lines = readFileSync(file.path, 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Checkpoint).count)).toEqual(seen.map((c) => c.count));
    expect(await audit.verify()).toEqual({ ok: true, count: 11, checkpoints: seen.length + 1, anchored: 11 });
  });

  it('catches a cut with no file at all: the newest checkpoint it wrote stays in memory', async () => {
    const store = memoryAudit();
    let kept = Infinity;
    const redisView: AuditStore = { append: (next) => store.append(next), recent: (n) => store.recent(n), all: async () => (await store.all()).slice(0, kept) };
    const audit = keyed(redisView, []);
    for (let i = 0; i < 5; i++) await audit.append(record(i));
    expect(await audit.verify()).toMatchObject({ ok: true, anchored: 5 });
    kept = 3;
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringContaining('the log ends at entry 3 but the checkpoint') });
    // A process started afresh without a file has nothing to compare with: why the file and the log stream exist.
    expect(await keyed(redisView, []).verify()).toMatchObject({ ok: true, anchored: 0 });
  });

  it('an append still succeeds when a checkpoint cannot be written (the entry is already stored)', async () => {
    const audit = keyed(memoryAudit(), [{ write: async () => Promise.reject(new Error('disk full')) }]);
    await expect(audit.append(record(0))).resolves.toMatchObject({ seq: 1 });
    expect(await audit.all()).toHaveLength(1);
  });
});
