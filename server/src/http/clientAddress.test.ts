import type { Request } from 'express';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress.js';

const from = (ip: string | undefined) => clientAddress({ ip, socket: { remoteAddress: undefined } } as unknown as Request);

describe('clientAddress', () => {
  it('counts IPv4 as it is, mapped into IPv6 or not', () => {
    expect(from('203.0.113.7')).toBe('203.0.113.7');
    expect(from('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(from('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(from('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
  });

  it('puts what it cannot read under one name', () => {
    expect(from(undefined)).toBe('unknown');
    expect(from('not an address')).toBe('unknown');
  });
});
