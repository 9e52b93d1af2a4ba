import { describe, expect, it } from 'vitest';
import { clientAddress } from './fairShare.js';

describe('clientAddress', () => {
  const handshake = (xff?: string) => ({ address: '10.0.0.2', headers: xff === undefined ? {} : { 'x-forwarded-for': xff } });

  it('is the TCP peer unless a proxy is trusted: a client cannot claim another address', () => {
    expect(clientAddress(handshake('203.0.113.9'), false)).toBe('10.0.0.2');
  });

  it('behind a trusted proxy, is the entry that proxy appended (the last), not what the client wrote before it', () => {
    expect(clientAddress(handshake('198.51.100.1, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(handshake(''), true)).toBe('10.0.0.2');
    expect(clientAddress(handshake(), true)).toBe('10.0.0.2');
  });
});
