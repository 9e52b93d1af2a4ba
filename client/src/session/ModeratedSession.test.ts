import { describe, expect, it } from 'vitest';
import { isNewer } from './ModeratedSession';

describe('isNewer', () => {
  it('takes the first snapshot and any later version', () => {
    expect(isNewer(undefined, { version: 3 })).toBe(true);
    expect(isNewer({ version: 3 }, { version: 4 })).toBe(true);
    expect(isNewer({ version: 3 }, { version: 3 })).toBe(true);
  });
  it('drops a stale snapshot that arrives after a newer one', () => {
    expect(isNewer({ version: 7 }, { version: 6 })).toBe(false);
  });
});
