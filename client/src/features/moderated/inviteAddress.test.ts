import { describe, expect, it } from 'vitest';
import { hideInvite, INVITE_KEY, rememberedInvite } from './inviteAddress';

function tab(pathname: string, search = '', hash = '') {
  const stored = new Map<string, string>();
  const storage = { setItem: (k: string, v: string) => void stored.set(k, v), getItem: (k: string) => stored.get(k) ?? null };
  const address = { pathname, search, hash };
  const replaced: string[] = [];
  const replace = (_state: unknown, _unused: string, url: string) => {
    replaced.push(url);
    address.pathname = url.split(/[?#]/)[0]!;
  };
  return { storage, address, replaced, replace, stored };
}

describe('the invite leaves the address bar', () => {
  it('for /join, keeping the query and hash, and stays in the tab for a reload', () => {
    const t = tab('/join/aaa.bbb.ccc', '?video=320x240@15', '#x');
    hideInvite('aaa.bbb.ccc', t.storage, t.address, t.replace, null);
    expect(t.replaced).toEqual(['/join?video=320x240@15#x']);
    expect(t.stored.get(INVITE_KEY)).toBe('aaa.bbb.ccc');
    // The reload: the address has no token, the tab still has it.
    expect(rememberedInvite(t.storage)).toBe('aaa.bbb.ccc');
  });

  it('a second link opened in the same tab replaces the first; a tab without one has none', () => {
    const t = tab('/join/first');
    hideInvite('first', t.storage, t.address, t.replace, null);
    t.address.pathname = '/join/second';
    hideInvite('second', t.storage, t.address, t.replace, null);
    expect(rememberedInvite(t.storage)).toBe('second');
    expect(rememberedInvite(tab('/join').storage)).toBeUndefined();
  });
});
