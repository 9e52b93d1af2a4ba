import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, parseCookies, sessionCookie } from './cookies.js';

describe('parseCookies', () => {
  it('reads name=value pairs separated by semicolons', () => {
    const cookies = parseCookies('a=1; hearth_session=abc-DEF_123;b=two');
    expect(Object.fromEntries(cookies)).toEqual({ a: '1', hearth_session: 'abc-DEF_123', b: 'two' });
  });

  it('keeps the first of two cookies with one name', () => {
    expect(parseCookies('x=first; x=second').get('x')).toBe('first');
  });

  it('decodes percent-encoding and quotes, and keeps an undecodable value as sent', () => {
    const cookies = parseCookies('q="quoted"; p=a%20b; bad=%E0%A4%A');
    expect(cookies.get('q')).toBe('quoted');
    expect(cookies.get('p')).toBe('a b');
    expect(cookies.get('bad')).toBe('%E0%A4%A');
  });

  it('skips junk and treats __proto__ as an ordinary name', () => {
    const cookies = parseCookies(' ; novalue; =nameless; __proto__=x; v=a=b');
    expect(cookies.get('__proto__')).toBe('x');
    expect(cookies.get('v')).toBe('a=b');
    expect(cookies.size).toBe(2);
    expect(parseCookies(undefined).size).toBe(0);
  });
});

describe('the session cookie', () => {
  it('is httpOnly, SameSite=Strict, site-wide and lasts 12 hours', () => {
    const header = sessionCookie('tok', false);
    expect(header.split('; ')).toEqual(['hearth_session=tok', 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=43200']);
  });

  it('is Secure when configured so', () => {
    expect(sessionCookie('tok', true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(true)).toMatch(/^hearth_session=; .*Max-Age=0; Secure$/);
  });
});
