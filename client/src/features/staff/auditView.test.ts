import { describe, expect, it } from 'vitest';
import { auditTime, shortId, verificationText } from './auditView';

describe('verificationText', () => {
  it('says whether the chain holds, and where it breaks', () => {
    expect(verificationText({ ok: true, count: 42 })).toBe('Intact: 42 entries');
    expect(verificationText({ ok: true, count: 1 })).toBe('Intact: 1 entry');
    expect(verificationText({ ok: false, count: 9, brokenAt: 7, reason: 'entry 7 was altered after it was written' })).toBe(
      'Broken at entry 7: entry 7 was altered after it was written',
    );
  });
});

describe('shortId and auditTime', () => {
  it('shortens long ids only, and reads times on the given clock', () => {
    expect(shortId('Ab3dEf9hIjKlMn')).toBe('Ab3dEf9h…');
    expect(shortId('short')).toBe('short');
    expect(auditTime('2025-03-04T00:02:03.000Z', 'en-US', 'America/Chicago')).toBe('Mar 3, 2025, 6:02:03 PM');
    expect(auditTime('nonsense')).toBe('');
  });
});
