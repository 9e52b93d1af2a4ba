import { describe, expect, it } from 'vitest';
import { nextEntry, type AuditEntry } from './auditChain.js';
import { checkpointsInText, signCheckpoint, verifyAudit, type FoundCheckpoint } from './auditCheckpoint.js';

const key = Buffer.alloc(32, 1);
const AT = Date.UTC(2026, 10, 30, 18);

function log(n: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++) entries.push(nextEntry(entries.at(-1), { at: i, action: 'admitted', actorId: 'f', targetId: `m${i}`, sessionId: 's' }, key));
  return entries;
}

const at = (entries: AuditEntry[], count: number, signingKey = key): FoundCheckpoint => ({
  checkpoint: signCheckpoint(signingKey, count, entries[count - 1]!.hash, AT),
  source: 'cp:1',
});

describe('verifying the audit log against its checkpoints', () => {
  it('an untouched log agrees with every checkpoint, and says how far they vouch', () => {
    const entries = log(6);
    expect(verifyAudit(entries, [at(entries, 2), at(entries, 6)], key)).toEqual({ ok: true, count: 6, checkpoints: 2, anchored: 6 });
    // Entries written after the newest checkpoint are not a problem: they are just not vouched for yet.
    expect(verifyAudit(entries, [at(entries, 4)], key)).toMatchObject({ ok: true, anchored: 4 });
  });

  it('says which entries are missing when the newest were dropped, though the chain itself holds', () => {
    const entries = log(45);
    const checkpoints = [at(entries, 45)];
    expect(verifyAudit(entries.slice(0, 41), checkpoints, key)).toMatchObject({
      ok: false,
      count: 41,
      brokenAt: 42,
      reason: 'the log ends at entry 41 but the checkpoint of 2026-11-30T18:00:00.000Z says 45: entries 42–45 are missing',
    });
    expect(verifyAudit(entries.slice(0, 44), checkpoints, key)).toMatchObject({ reason: expect.stringContaining('entry 45 is missing') });
    expect(verifyAudit([], checkpoints, key)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('finds an entry that is not the one a checkpoint recorded (a log rebuilt with the key, or another log)', () => {
    const entries = log(5);
    const other = log(5).map((e, i) => (i === 2 ? { ...e, targetId: 'x' } : e));
    const forked: AuditEntry[] = [];
    for (const e of other) forked.push(nextEntry(forked.at(-1), e, key));
    expect(verifyAudit(forked, [at(entries, 4)], key)).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringContaining('entry 4 is not the one') });
  });

  it('refuses checkpoints that the key did not sign or that are malformed, and lists every problem', () => {
    const entries = log(5);
    const forged = at(entries, 5, Buffer.alloc(32, 9));
    const malformed = { checkpoint: { count: 'many' }, source: 'cp:7' };
    const check = verifyAudit(entries.slice(0, 3), [forged, malformed, at(entries, 5)], key);
    expect(check).toMatchObject({ ok: false, brokenAt: 4 });
    if (check.ok) return;
    expect(check.problems).toEqual([
      'the checkpoint at cp:1 is not signed with the audit key',
      'the checkpoint at cp:7 is malformed',
      'the log ends at entry 3 but the checkpoint of 2026-11-30T18:00:00.000Z says 5: entries 4–5 are missing',
    ]);
  });

  it('a broken chain comes first: it is where the log stops being the one written', () => {
    const entries = log(5);
    entries[1] = { ...entries[1]!, actorId: 'someone' };
    expect(verifyAudit(entries.slice(0, 4), [at(log(5), 5)], key)).toMatchObject({ brokenAt: 2, reason: expect.stringContaining('entry 2 was altered') });
  });
});

describe('reading checkpoints back', () => {
  it('from the checkpoint file and from a saved log, skipping every other line', () => {
    const cp = signCheckpoint(key, 3, 'a'.repeat(64), AT);
    const text = [
      JSON.stringify(cp),
      'not json',
      JSON.stringify({ level: 30, msg: 'hearth is listening' }),
      JSON.stringify({ level: 30, auditCheckpoint: cp, msg: 'audit checkpoint' }),
      '',
    ].join('\n');
    expect(checkpointsInText(text, 'x.log')).toEqual([
      { checkpoint: cp, source: 'x.log:1' },
      { checkpoint: cp, source: 'x.log:4' },
    ]);
  });
});
