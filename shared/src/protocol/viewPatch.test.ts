import { describe, expect, it } from 'vitest';
import type { SessionView } from '../session/views.js';
import { applyViewPatch } from './viewPatch.js';

const held = { sessionId: 's', version: 4, ended: false, kind: 'waiting', self: { id: 'W' }, facilitatorPresent: false } as unknown as SessionView;

describe('applyViewPatch', () => {
  it('applies a patch to the version it starts from: changed fields set, gone ones removed', () => {
    const outcome = applyViewPatch(held, { from: 4, version: 5, set: { version: 5, facilitatorPresent: true, kind: 'outside', reason: 'denied' }, unset: ['self'] });
    expect(outcome).toEqual({ view: { sessionId: 's', version: 5, ended: false, kind: 'outside', facilitatorPresent: true, reason: 'denied' } });
    // The view held is left as it was.
    expect(held.version).toBe(4);
  });

  it('drops a patch to a version no newer than the one held (out of order)', () => {
    expect(applyViewPatch(held, { from: 3, version: 4, set: { version: 4 }, unset: [] })).toBe('stale');
    expect(applyViewPatch(held, { from: 2, version: 3, set: { version: 3 }, unset: [] })).toBe('stale');
  });

  it('asks for the whole view when the patch starts from another version (one was missed) or nothing is held yet', () => {
    expect(applyViewPatch(held, { from: 5, version: 6, set: { version: 6 }, unset: [] })).toBe('resync');
    expect(applyViewPatch(undefined, { from: 4, version: 5, set: { version: 5 }, unset: [] })).toBe('resync');
  });
});
