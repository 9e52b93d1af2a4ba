import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEntry, nextEntry, verifyChain, type AuditEntry, type AuditRecord } from './auditChain.js';

const key = Buffer.alloc(32, 1);
const record = (i: number): AuditRecord => ({ at: 1_000 + i, action: i % 2 ? 'admitted' : 'entered', actorId: `f${i}`, targetId: `m${i}`, sessionId: 's1' });

function log(n: number, signingKey = key): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++) entries.push(nextEntry(entries.at(-1), record(i), signingKey));
  return entries;
}

/** What someone who can write to the store but lacks the key can do: change an entry and recompute every hash after it. */
function rewriteFrom(entries: AuditEntry[], index: number, change: Partial<AuditRecord>): void {
  entries[index] = { ...entries[index]!, ...change };
  for (let i = index; i < entries.length; i++) {
    const e = entries[i]!;
    const prevHash = i === 0 ? GENESIS_HASH : entries[i - 1]!.hash;
    entries[i] = { ...e, prevHash, hash: hashEntry(prevHash, e.seq, e) };
  }
}

describe('the audit hash chain', () => {
  it('numbers entries from 1, the first committing to the genesis hash and each to the one before, each signed', () => {
    const entries = log(3);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(new Set(entries.map((e) => e.hash)).size).toBe(3);
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.mac))).toBe(true);
    expect(verifyChain(entries, key)).toEqual({ ok: true, count: 3 });
    expect(verifyChain([], key)).toEqual({ ok: true, count: 0 });
  });

  it.each([
    ['a changed field', (e: AuditEntry[]) => void (e[3]!.targetId = 'someone-else'), 4, 'altered'],
    ['a changed time', (e: AuditEntry[]) => void (e[5]!.at += 1), 6, 'altered'],
    ['a removed entry', (e: AuditEntry[]) => void e.splice(2, 1), 3, 'removed or inserted'],
    ['two entries swapped', (e: AuditEntry[]) => void e.splice(1, 2, e[2]!, e[1]!), 2, 'removed or inserted'],
    ['a rewritten entry with its own hash recomputed', (e: AuditEntry[]) => void (e[4] = nextEntry(e[3], { ...record(4), action: 'removed' }, key)), 6, 'does not follow'],
    ['a rewritten entry with every later hash recomputed', (e: AuditEntry[]) => rewriteFrom(e, 4, { action: 'removed' }), 5, 'not signed with the audit key'],
    ['the newest entry rewritten, its hash recomputed', (e: AuditEntry[]) => rewriteFrom(e, 7, { targetId: 'nobody' }), 8, 'not signed with the audit key'],
    ['an entry whose signature was dropped', (e: AuditEntry[]) => void (e[2] = { ...e[2]!, mac: undefined as unknown as string }), 3, 'not signed'],
    ['an entry that is not one', (e: AuditEntry[]) => void (e[6] = 'garbage' as unknown as AuditEntry), 7, 'not an audit entry'],
  ])('reports the first broken link after %s', (_what, tamper, brokenAt, reason) => {
    const entries = log(8);
    tamper(entries);
    const check = verifyChain(entries, key);
    expect(check.ok).toBe(false);
    expect(check).toMatchObject({ brokenAt, reason: expect.stringContaining(reason) });
  });

  it('[GNOTE1] commits to a content hash when an entry carries one: a swapped note hash breaks the chain, entries without one hash as before', () => {
    const plain = nextEntry(undefined, record(0), key);
    const withHash = nextEntry(undefined, { ...record(0), contentHash: 'a'.repeat(64) }, key);
    expect(plain).not.toHaveProperty('contentHash');
    expect(plain.hash).toBe(hashEntry(GENESIS_HASH, 1, record(0)));
    expect(withHash.hash).not.toBe(plain.hash);
    expect(verifyChain([withHash], key)).toEqual({ ok: true, count: 1 });
    expect(verifyChain([{ ...withHash, contentHash: 'b'.repeat(64) }], key)).toMatchObject({ ok: false, reason: expect.stringContaining('altered') });
  });

  it('refuses a whole log signed with another key', () => {
    expect(verifyChain(log(3, Buffer.alloc(32, 2)), key)).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringContaining('not signed') });
  });
});
