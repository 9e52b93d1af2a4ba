import type { SessionView } from '../session/views.js';
import type { ServerEventPayload } from './events.js';

export type ViewPatch = ServerEventPayload<'session:patched'>;

/**
 * What a client does with a patch of its view (T2b: a command then costs the group the
 * fields it changed, not N full snapshots). Applied only to the version it starts from, so
 * the result is exactly the server's view; an older patch is dropped, and one that does not
 * fit (a message missed, or a snapshot taken out of order) asks for a full snapshot.
 */
export function applyViewPatch(held: SessionView | undefined, patch: ViewPatch): { view: SessionView } | 'stale' | 'resync' {
  if (held && patch.version <= held.version) return 'stale';
  if (held?.version !== patch.from) return 'resync';
  const next: Record<string, unknown> = { ...held, ...patch.set };
  for (const field of patch.unset) delete next[field];
  return { view: next as SessionView };
}
