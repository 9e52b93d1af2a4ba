import { describe, expect, it } from 'vitest';
import { AccountingQuery, DisclosureRequest, RetentionSettings } from './disclosures.js';

describe('DisclosureRequest', () => {
  it('takes a recipient and a purpose, trimmed, and refuses either missing or too long', () => {
    expect(DisclosureRequest.parse({ recipient: ' Acme Health Plan ', purpose: 'claim review' })).toEqual({ recipient: 'Acme Health Plan', purpose: 'claim review' });
    expect(DisclosureRequest.safeParse({ purpose: 'x' }).success).toBe(false);
    expect(DisclosureRequest.safeParse({ recipient: '   ', purpose: 'x' }).success).toBe(false);
    expect(DisclosureRequest.safeParse({ recipient: 'a'.repeat(201), purpose: 'x' }).success).toBe(false);
    expect(DisclosureRequest.safeParse({ recipient: 'a', purpose: 'p'.repeat(501) }).success).toBe(false);
  });
});

describe('AccountingQuery', () => {
  it('is a member and a range of days', () => {
    expect(AccountingQuery.parse({ memberId: 'm1', from: '2026-01-01', to: '2026-01-31' })).toEqual({ memberId: 'm1', from: '2026-01-01', to: '2026-01-31' });
    expect(AccountingQuery.safeParse({ from: '2026-01-01', to: '2026-01-31' }).success).toBe(false);
    expect(AccountingQuery.safeParse({ memberId: 'm1', from: '2026-02-01', to: '2026-01-31' }).success).toBe(false);
  });
});

describe('RetentionSettings', () => {
  it('is off (null) or at least six years in whole months', () => {
    expect(RetentionSettings.parse({ months: null })).toEqual({ months: null });
    expect(RetentionSettings.parse({ months: 84 })).toEqual({ months: 84 });
    expect(RetentionSettings.safeParse({ months: 71 }).success).toBe(false);
    expect(RetentionSettings.safeParse({ months: 80.5 }).success).toBe(false);
    expect(RetentionSettings.safeParse({}).success).toBe(false);
  });
});
