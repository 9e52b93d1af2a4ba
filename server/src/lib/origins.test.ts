import { describe, expect, it } from 'vitest';
import { connectSources, originAllowed, trustedOrigins } from './origins.js';

describe('trusted origins', () => {
  const trusted = trustedOrigins('https://clinic.example/node/a/', ['https://other.example:8443']);

  it('are the public URL’s origin and the allowed ones, once each', () => {
    expect(trusted).toEqual(['https://clinic.example', 'https://other.example:8443']);
    expect(trustedOrigins(undefined, [])).toEqual([]);
    expect(trustedOrigins('https://a.example', ['https://a.example'])).toEqual(['https://a.example']);
  });

  it('let in the trusted origins, the server’s own (by Host) and non-browser clients; nothing else', () => {
    expect(originAllowed('https://clinic.example', 'internal:3000', trusted)).toBe(true);
    expect(originAllowed('https://other.example:8443', 'clinic.example', trusted)).toBe(true);
    expect(originAllowed('http://192.168.1.20:3000', '192.168.1.20:3000', trusted)).toBe(true);
    expect(originAllowed(undefined, 'clinic.example', trusted)).toBe(true);
    expect(originAllowed('https://evil.example', 'clinic.example', trusted)).toBe(false);
    expect(originAllowed('https://clinic.example.evil.example', 'clinic.example', trusted)).toBe(false);
    expect(originAllowed('http://clinic.example:4000', 'clinic.example', trusted)).toBe(false);
    expect(originAllowed('null', 'clinic.example', trusted)).toBe(false);
    expect(originAllowed('https://evil.example', undefined, [])).toBe(false);
  });

  it('become connect-src sources over http(s) and ws(s)', () => {
    expect(connectSources(['https://a.example', 'http://b.example:3000'])).toEqual(['https://a.example', 'wss://a.example', 'http://b.example:3000', 'ws://b.example:3000']);
  });
});
