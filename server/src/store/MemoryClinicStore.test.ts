import { describe, expect, it } from 'vitest';
import { MemoryClinicStore } from './MemoryClinicStore.js';

// What every backend must do is in server/test/stores.test.ts; this is the memory store's own.
describe('MemoryClinicStore', () => {
  it('sweeps expired login sessions', async () => {
    let now = 0;
    const store = new MemoryClinicStore(() => now);
    await store.loginSessions.insert({ id: 'old', accountId: 'a', expiresAt: 10 });
    now = 120_000;
    await store.loginSessions.insert({ id: 'new', accountId: 'a', expiresAt: now + 10 });
    expect(await store.loginSessions.get('old')).toBeUndefined();
    expect(await store.loginSessions.get('new')).toBeDefined();
  });

  it('is not persistent', () => {
    expect(new MemoryClinicStore(() => 0).persistent).toBe(false);
  });
});
