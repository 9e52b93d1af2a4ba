import { useEffect, useSyncExternalStore } from 'react';
import { DEFAULT_CRISIS_RESOURCES, type ClinicInfo, type CrisisResource } from '@hearth/shared';

/** How long the page waits for the clinic's own list before showing the defaults meanwhile. */
const DEFAULTS_AFTER_MS = 3_000;

export type ClinicInfoState = {
  /** The clinic's name; undefined until known (or when it could not be read). */
  name: string | undefined;
  /** Where to turn in a crisis: the clinic's own list, or today's US numbers until (or unless) it arrives. */
  resources: CrisisResource[];
  /** Still asking the server, and not for long yet: the page may wait a moment before showing resources. */
  loading: boolean;
};

type Known = { status: 'loading' | 'slow' | 'failed' } | { status: 'loaded'; info: ClinicInfo };

/*
 * The clinic's public info (GET /api/clinic/info), asked for once per page load and shared by
 * every screen on it. A participant's page is never left without crisis resources: while the
 * answer is slow, and if it fails, today's US numbers stand in; a late answer still replaces
 * them, and a failed one is asked for again by the next screen that needs it.
 */
let known: Known = { status: 'loading' };
let asking = false;
const listeners = new Set<() => void>();

function set(next: Known): void {
  known = next;
  for (const listener of listeners) listener();
}

function ask(): void {
  if (asking || known.status === 'loaded') return;
  asking = true;
  if (known.status === 'failed') set({ status: 'slow' });
  const timer = setTimeout(() => known.status === 'loading' && set({ status: 'slow' }), DEFAULTS_AFTER_MS);
  fetch('/api/clinic/info', { headers: { accept: 'application/json' } })
    .then(async (res) => {
      const body: unknown = res.ok ? await res.json() : undefined;
      set(looksLikeClinicInfo(body) ? { status: 'loaded', info: body } : { status: 'failed' });
    })
    .catch(() => set({ status: 'failed' }))
    .finally(() => {
      clearTimeout(timer);
      asking = false;
    });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => known;

export function useClinicInfo(): ClinicInfoState {
  const state = useSyncExternalStore(subscribe, snapshot);
  useEffect(ask, []);
  if (state.status === 'loaded') return { name: state.info.name, resources: state.info.crisisResources, loading: false };
  return { name: undefined, resources: DEFAULT_CRISIS_RESOURCES, loading: state.status === 'loading' };
}

/**
 * The server parsed these with ClinicInfo before storing them; this checks only the shape the
 * screens read, so the participant's page does not load the schema library for it.
 */
function looksLikeClinicInfo(v: unknown): v is ClinicInfo {
  if (typeof v !== 'object' || v === null) return false;
  const { name, crisisResources } = v as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    Array.isArray(crisisResources) &&
    crisisResources.length > 0 &&
    crisisResources.every((r: unknown) => {
      const { label, kind, value } = (r ?? {}) as Record<string, unknown>;
      return typeof label === 'string' && typeof value === 'string' && (kind === 'call' || kind === 'text' || kind === 'web');
    })
  );
}
