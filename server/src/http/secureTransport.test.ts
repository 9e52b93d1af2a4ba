import { describe, expect, it } from 'vitest';
import { httpsWarnings } from './secureTransport.js';

const tls = { certFile: '/etc/hearth/cert.pem', keyFile: '/etc/hearth/key.pem' };
const secure = { secret: undefined, cookieSecure: true, trustProxy: false as const };
const insecure = { secret: undefined, cookieSecure: false, trustProxy: false as const };

describe('httpsWarnings', () => {
  it('says nothing when the settings agree', () => {
    expect(httpsWarnings({ auth: insecure, tls: undefined, publicUrl: undefined })).toEqual([]);
    expect(httpsWarnings({ auth: secure, tls: undefined, publicUrl: 'https://hearth.clinic.example' })).toEqual([]);
    expect(httpsWarnings({ auth: secure, tls, publicUrl: undefined })).toEqual([]);
    expect(httpsWarnings({ auth: secure, tls, publicUrl: 'https://hearth.clinic.example' })).toEqual([]);
  });

  it('warns that sign-in will be refused when the cookie is Secure and PUBLIC_URL is http', () => {
    const [warning, ...rest] = httpsWarnings({ auth: secure, tls: undefined, publicUrl: 'http://10.0.0.5:3000' });
    expect(rest).toEqual([]);
    expect(warning).toMatch(/COOKIE_SECURE.*http:\/\/10\.0\.0\.5:3000.*HTTPS_REQUIRED/);
    expect(warning).toMatch(/PUBLIC_URL.*https/);
    expect(httpsWarnings({ auth: secure, tls: undefined, publicUrl: undefined })).toHaveLength(1);
  });

  it('warns when https is served but the cookie is not Secure, or PUBLIC_URL points at http', () => {
    expect(httpsWarnings({ auth: insecure, tls: undefined, publicUrl: 'https://hearth.clinic.example' })).toEqual([expect.stringMatching(/not marked Secure/)]);
    expect(httpsWarnings({ auth: secure, tls, publicUrl: 'http://hearth.clinic.example:3000' })).toEqual([expect.stringMatching(/speaks only https/)]);
  });
});
