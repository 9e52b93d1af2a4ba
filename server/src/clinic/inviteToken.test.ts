import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readInviteToken, signInviteToken, type InvitePayload } from './inviteToken.js';

const key = randomBytes(32);
const payload: InvitePayload = { v: 1, jti: 'j1', sessionId: 's1', cohortId: 'c1', memberId: 'm1', exp: 1_800_000_000_000 };

describe('invite tokens', () => {
  it('round-trips a payload and is URL-safe', () => {
    const token = signInviteToken(payload, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(readInviteToken(token, key)).toEqual(payload);
  });

  it('refuses a tampered payload, a tampered signature and another key', () => {
    const token = signInviteToken(payload, key);
    const [body = '', sig = ''] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, memberId: 'm2' })).toString('base64url');
    expect(readInviteToken(`${forged}.${sig}`, key)).toBeUndefined();
    const flipped = sig.slice(0, 10) + (sig[10] === 'A' ? 'B' : 'A') + sig.slice(11);
    expect(readInviteToken(`${body}.${flipped}`, key)).toBeUndefined();
    expect(readInviteToken(token, randomBytes(32))).toBeUndefined();
  });

  it('has exactly one spelling: padding or junk after the signature is refused', () => {
    const token = signInviteToken(payload, key);
    expect(readInviteToken(`${token}=`, key)).toBeUndefined();
    expect(readInviteToken(`${token}!`, key)).toBeUndefined();
  });

  it('refuses garbage and a well-signed payload of the wrong shape', () => {
    for (const junk of ['', '.', 'a.b.c', 'x'.repeat(5000), 'not a token']) expect(readInviteToken(junk, key)).toBeUndefined();
    const wrongVersion = signInviteToken({ ...payload, v: 2 } as unknown as InvitePayload, key);
    expect(readInviteToken(wrongVersion, key)).toBeUndefined();
  });
});
