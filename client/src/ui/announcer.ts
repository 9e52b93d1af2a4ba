/**
 * Screen-reader announcements from anywhere (a turn change, an admission, a pair move):
 * one polite and one assertive live region live in the page (LiveRegions.tsx), and
 * `announce` puts text into one of them. Framework-free so session code can announce too.
 */
export type Politeness = 'polite' | 'assertive';

type Listener = (message: { text: string; politeness: Politeness; id: number }) => void;

const listeners = new Set<Listener>();
let next = 0;

export function announce(text: string, politeness: Politeness = 'polite'): void {
  const message = { text, politeness, id: ++next };
  for (const listener of listeners) listener(message);
}

export function onAnnouncement(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
