import { describe, expect, it } from 'vitest';
import { MemoryRecords } from './MemoryRecords.js';

// What every backend must do is in server/test/stores.test.ts; this is the memory backend's own.
describe('MemoryRecords', () => {
  it('sweeps expired records, so login sessions cannot pile up', async () => {
    let now = 0;
    const records = new MemoryRecords(() => now);
    await records.write((tx) => tx.set('old', { n: 1 }, { expiresAt: 10 }));
    now = 120_000;
    await records.write((tx) => tx.set('new', { n: 2 }, { expiresAt: now + 10 }));
    expect(await records.get('old')).toBeUndefined();
    expect(await records.get('new')).toEqual({ n: 2 });
  });

  it('forgets an expiry when the record is written again without one, as SET does', async () => {
    let now = 0;
    const records = new MemoryRecords(() => now);
    await records.write((tx) => tx.set('k', 1, { expiresAt: 10 }));
    await records.write((tx) => tx.set('k', 2));
    now = 120_000;
    await records.write((tx) => tx.set('other', 3));
    expect(await records.get('k')).toBe(2);
  });

  it('counts list ranges as LRANGE does: inclusive, negative from the end', async () => {
    const records = new MemoryRecords(() => 0);
    await records.write((tx) => tx.push('l', 'a', 'b', 'c', 'd'));
    expect(await records.range('l', 0, -1)).toEqual(['a', 'b', 'c', 'd']);
    expect(await records.range('l', 1, 2)).toEqual(['b', 'c']);
    expect(await records.range('l', -2, -1)).toEqual(['c', 'd']);
    expect(await records.range('l', -9, -3)).toEqual(['a', 'b']);
    expect(await records.range('none', 0, -1)).toEqual([]);
  });

  it('is not persistent', () => {
    expect(new MemoryRecords(() => 0).persistent).toBe(false);
  });
});
