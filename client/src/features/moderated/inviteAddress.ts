/** Where this tab keeps the participant's invite once it has left the address bar. */
export const INVITE_KEY = 'hearth:invite';

type Address = { pathname: string; search: string; hash: string };
type Replace = (data: unknown, unused: string, url: string) => void;

/**
 * The invite token is the participant's credential. Once the page has read it from
 * `/join/<token>`, it leaves the address bar — and so the browser's history, the screen a
 * participant shares or photographs, and anything that reads the address later — for plain
 * `/join`; this tab's sessionStorage keeps it, so a reload still opens the session.
 * The query (`?video=…`) and hash stay as they were.
 */
export function hideInvite(token: string, storage: Pick<Storage, 'setItem'>, address: Address, replace: Replace, state: unknown): void {
  storage.setItem(INVITE_KEY, token);
  if (address.pathname !== '/join') replace(state, '', `/join${address.search}${address.hash}`);
}

/** The invite this tab was opened with, once the address no longer shows it. */
export function rememberedInvite(storage: Pick<Storage, 'getItem'>): string | undefined {
  return storage.getItem(INVITE_KEY) || undefined;
}
