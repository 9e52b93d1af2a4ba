import { createHash } from 'node:crypto';

/**
 * One thing that happened, for the clinic's audit log: who (`actorId`, null for the system)
 * did what to whom, when, and in which session or cohort. Never message contents, tokens,
 * locations or phone numbers.
 */
export type AuditRecord = {
  at: number;
  action: string;
  actorId: string | null;
  targetId: string | null;
  sessionId: string | null;
};

/** An entry as stored: numbered, and committing to the entry before it (hash chain). */
export type AuditEntry = AuditRecord & { seq: number; prevHash: string; hash: string };

/** What the first entry commits to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an entry: SHA-256 over the previous hash and the entry's fields in a fixed order. */
export function hashEntry(prevHash: string, seq: number, r: AuditRecord): string {
  const fields = JSON.stringify([seq, r.at, r.action, r.actorId, r.targetId, r.sessionId]);
  return createHash('sha256').update(prevHash).update('\n').update(fields).digest('hex');
}

/** The entry that follows `last` (undefined: the first entry of the log). */
export function nextEntry(last: Pick<AuditEntry, 'seq' | 'hash'> | undefined, record: AuditRecord): AuditEntry {
  const seq = last ? last.seq + 1 : 1;
  const prevHash = last ? last.hash : GENESIS_HASH;
  const { at, action, actorId, targetId, sessionId } = record;
  return { seq, at, action, actorId, targetId, sessionId, prevHash, hash: hashEntry(prevHash, seq, record) };
}

export type ChainCheck = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/**
 * Walks the whole log from the first entry: each entry must be numbered in turn, point at the
 * hash of the one before, and hash to what it says. Reports the first link that does not hold:
 * an altered, removed, inserted or reordered entry breaks the chain there.
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainCheck {
  let prev: AuditEntry | undefined;
  for (const [i, e] of entries.entries()) {
    const expectedSeq = i + 1;
    const broken = (reason: string): ChainCheck => ({ ok: false, count: entries.length, brokenAt: expectedSeq, reason });
    if (e.seq !== expectedSeq) return broken(`entry ${expectedSeq} is numbered ${e.seq}: an entry was removed or inserted`);
    if (e.prevHash !== (prev ? prev.hash : GENESIS_HASH)) return broken(`entry ${expectedSeq} does not follow the entry before it`);
    if (e.hash !== hashEntry(e.prevHash, e.seq, e)) return broken(`entry ${expectedSeq} was altered after it was written`);
    prev = e;
  }
  return { ok: true, count: entries.length };
}
