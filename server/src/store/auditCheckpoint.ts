import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { sameMac, verifyChain, type ChainCheck } from './auditChain.js';

/**
 * A signed statement, kept outside the store, that the audit log once held `count` entries
 * ending in `head`. A log that is later shorter lost entries; one whose entry `count` hashes
 * to something else was rewritten.
 */
export type Checkpoint = { count: number; head: string; at: number; mac: string };

export const CheckpointSchema = z.object({
  count: z.number().int().min(1),
  head: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.number(),
  mac: z.string(),
});

/** The one field of a stored entry a checkpoint is compared with. */
const StoredHash = z.object({ hash: z.string() });

function checkpointMac(key: Buffer, count: number, head: string, at: number): string {
  return createHmac('sha256', key).update(`hearth-audit-checkpoint-v1\n${count}\n${head}\n${at}`).digest('hex');
}

export function signCheckpoint(key: Buffer, count: number, head: string, at: number): Checkpoint {
  return { count, head, at, mac: checkpointMac(key, count, head, at) };
}

/** A checkpoint where it was found, for saying which one disagrees. */
export type FoundCheckpoint = { checkpoint: unknown; source: string };

/**
 * The checkpoints in a file's text: one JSON object a line, either a checkpoint itself (the
 * checkpoint file) or a log line carrying one under `auditCheckpoint` (the server's log
 * stream). Other lines are skipped: a log holds much else.
 */
export function checkpointsInText(text: string, file: string): FoundCheckpoint[] {
  const found: FoundCheckpoint[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const checkpoint = 'auditCheckpoint' in value ? value.auditCheckpoint : 'head' in value ? value : undefined;
    if (checkpoint !== undefined) found.push({ checkpoint, source: `${file}:${i + 1}` });
  }
  return found;
}

export type AuditCheck =
  | { ok: true; count: number; checkpoints: number; anchored: number }
  | { ok: false; count: number; checkpoints: number; brokenAt: number; reason: string; problems: string[] };

const when = (at: number) => new Date(at).toISOString();

/**
 * The whole verification: the chain and its signatures (verifyChain), then every checkpoint:
 * it must carry the key's signature, the log must reach its count, and the entry at its
 * count must be the one it names. `anchored` is the most entries any checkpoint vouches for.
 * The first problem says where the log breaks; the others follow it.
 */
export function verifyAudit(stored: readonly unknown[], checkpoints: readonly FoundCheckpoint[], key: Buffer): AuditCheck {
  const chain: ChainCheck = verifyChain(stored, key);
  const problems: { at: number; reason: string }[] = chain.ok ? [] : [{ at: chain.brokenAt, reason: chain.reason }];
  const count = stored.length;
  const valid: Checkpoint[] = [];
  for (const { checkpoint: raw, source } of checkpoints) {
    const parsed = CheckpointSchema.safeParse(raw);
    if (!parsed.success) problems.push({ at: count + 1, reason: `the checkpoint at ${source} is malformed` });
    else if (!sameMac(parsed.data.mac, checkpointMac(key, parsed.data.count, parsed.data.head, parsed.data.at))) {
      problems.push({ at: count + 1, reason: `the checkpoint at ${source} is not signed with the audit key` });
    } else valid.push(parsed.data);
  }
  // Entries a checkpoint once counted that the log no longer has: told once, from the newest.
  const newest = valid.reduce<Checkpoint | undefined>((a, b) => (a && a.count >= b.count ? a : b), undefined);
  const anchored = newest?.count ?? 0;
  if (newest && newest.count > count) {
    const missing = newest.count === count + 1 ? `entry ${newest.count} is` : `entries ${count + 1}–${newest.count} are`;
    problems.push({ at: count + 1, reason: `the log ends at entry ${count} but the checkpoint of ${when(newest.at)} says ${newest.count}: ${missing} missing` });
  }
  // Entries that are not the ones checkpoints recorded: the oldest and the newest such are
  // enough to say where and how far (one checkpoint is written per append).
  const rewritten = valid
    .filter((cp) => cp.count <= count)
    .filter((cp) => StoredHash.safeParse(stored[cp.count - 1]).data?.hash !== cp.head)
    .sort((a, b) => a.count - b.count);
  for (const cp of new Set([rewritten[0], rewritten.at(-1)])) {
    if (cp) problems.push({ at: cp.count, reason: `entry ${cp.count} is not the one the checkpoint of ${when(cp.at)} recorded: it was rewritten` });
  }
  if (problems.length === 0) return { ok: true, count, checkpoints: checkpoints.length, anchored };
  // Where the log first stops being the one that was written; each reason said once.
  const first = problems.reduce((a, b) => (b.at < a.at ? b : a));
  const reasons = [...new Set(problems.map((p) => p.reason))];
  return { ok: false, count, checkpoints: checkpoints.length, brokenAt: first.at, reason: first.reason, problems: reasons };
}
