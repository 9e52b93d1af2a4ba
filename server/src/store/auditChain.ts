import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

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
  /**
   * The SHA-256 of a document the entry is about (a signed group note), never the document:
   * whoever holds the document can show it is the one signed. Absent on most entries.
   */
  contentHash?: string;
};

/**
 * An entry as stored: numbered, committing to the entry before it (hash chain), and signed
 * with the audit key (`mac`), which the store never holds: whoever can write to the store
 * can recompute hashes, but not signatures.
 */
export type AuditEntry = AuditRecord & { seq: number; prevHash: string; hash: string; mac: string };

/** What verification reads from the store: anything, until this schema has parsed it. */
export const StoredAuditEntry = z.object({
  seq: z.number().int(),
  at: z.number(),
  action: z.string(),
  actorId: z.string().nullable(),
  targetId: z.string().nullable(),
  sessionId: z.string().nullable(),
  contentHash: z.string().optional(),
  prevHash: z.string(),
  hash: z.string(),
  mac: z.string().optional(),
});

/** What the first entry commits to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an entry: SHA-256 over the previous hash and the entry's fields in a fixed order. */
export function hashEntry(prevHash: string, seq: number, r: AuditRecord): string {
  // An entry without a content hash hashes as entries did before there were any: old chains still verify.
  const base = [seq, r.at, r.action, r.actorId, r.targetId, r.sessionId];
  const fields = JSON.stringify(r.contentHash === undefined ? base : [...base, r.contentHash]);
  return createHash('sha256').update(prevHash).update('\n').update(fields).digest('hex');
}

/**
 * An entry's signature: an HMAC of its hash, which commits to the entry and (through the
 * chain) to every entry before it. The purpose is part of what is signed, so an entry's
 * signature can never pass as a checkpoint's.
 */
export function entryMac(key: Buffer, hash: string): string {
  return createHmac('sha256', key).update('hearth-audit-entry-v1\n').update(hash).digest('hex');
}

/** Compares two hex signatures in constant time. */
export function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The entry that follows `last` (undefined: the first entry of the log), signed with `key`. */
export function nextEntry(last: Pick<AuditEntry, 'seq' | 'hash'> | undefined, record: AuditRecord, key: Buffer): AuditEntry {
  const seq = last ? last.seq + 1 : 1;
  const prevHash = last ? last.hash : GENESIS_HASH;
  const { at, action, actorId, targetId, sessionId, contentHash } = record;
  const hash = hashEntry(prevHash, seq, record);
  return { seq, at, action, actorId, targetId, sessionId, ...(contentHash === undefined ? {} : { contentHash }), prevHash, hash, mac: entryMac(key, hash) };
}

export type ChainCheck = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

/**
 * Walks the whole log from the first entry: each entry must be well-formed, numbered in
 * turn, point at the hash of the one before, hash to what it says and carry the audit key's
 * signature of that hash. Reports the first link that does not hold: an altered, removed,
 * inserted or reordered entry breaks the chain there, and so does one rewritten with every
 * later hash recomputed by someone without the key.
 */
export function verifyChain(stored: readonly unknown[], key: Buffer): ChainCheck {
  let prevHash = GENESIS_HASH;
  for (const [i, raw] of stored.entries()) {
    const expectedSeq = i + 1;
    const broken = (reason: string): ChainCheck => ({ ok: false, count: stored.length, brokenAt: expectedSeq, reason });
    const parsed = StoredAuditEntry.safeParse(raw);
    if (!parsed.success) return broken(`entry ${expectedSeq} is not an audit entry`);
    const e = parsed.data;
    if (e.seq !== expectedSeq) return broken(`entry ${expectedSeq} is numbered ${e.seq}: an entry was removed or inserted`);
    if (e.prevHash !== prevHash) return broken(`entry ${expectedSeq} does not follow the entry before it`);
    if (e.hash !== hashEntry(e.prevHash, e.seq, e)) return broken(`entry ${expectedSeq} was altered after it was written`);
    if (e.mac === undefined || !sameMac(e.mac, entryMac(key, e.hash))) {
      return broken(`entry ${expectedSeq} is not signed with the audit key: it was written or rewritten by someone without it`);
    }
    prevHash = e.hash;
  }
  return { ok: true, count: stored.length };
}
