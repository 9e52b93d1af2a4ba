import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, nextEntry, verifyChain, type AuditEntry, type AuditRecord } from './auditChain.js';

const record = (i: number): AuditRecord => ({ at: 1_000 + i, action: i % 2 ? 'admitted' : 'entered', actorId: `f${i}`, targetId: `m${i}`, sessionId: 's1' });

function log(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++) entries.push(nextEntry(entries.at(-1), record(i)));
  return entries;
}

describe('the audit hash chain', () => {
  it('numbers entries from 1, the first committing to the genesis hash and each to the one before', () => {
    const entries = log(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(new Set(entries.map((e) => e.hash)).size).toBe(3);
    expect(verifyChain(entries)).toEqual({ ok: true, count: 3 });
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it.each([
    ['a changed field', (e: AuditEntry[]) => void (e[3]!.targetId = 'someone-else'), 4, 'altered'],
    ['a changed time', (e: AuditEntry[]) => void (e[5]!.at += 1), 6, 'altered'],
    ['a removed entry', (e: AuditEntry[]) => void e.splice(2, 1), 3, 'removed or inserted'],
    ['two entries swapped', (e: AuditEntry[]) => void e.splice(1, 2, e[2]!, e[1]!), 2, 'removed or inserted'],
    ['a rewritten entry with its own hash recomputed', (e: AuditEntry[]) => void (e[4] = nextEntry(e[3], { ...record(4), action: 'removed' })), 6, 'does not follow'],
  ])('reports the first broken link after %s', (_what, tamper, brokenAt, reason) => {
    const entries = log(8);
    tamper(entries);
    const check = verifyChain(entries);
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ brokenAt, reason: expect.stringContaining(reason) });
  });
});
