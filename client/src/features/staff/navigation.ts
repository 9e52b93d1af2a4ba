/**
 * In-app navigation for the staff pages: real URLs with history.pushState, so a reload or
 * the back button lands on the same page. Components read the location with useLocation.
 */

type Listener = () => void;
const listeners = new Set<Listener>();
let inAppNavigations = 0;

export type StaffLocation = { pathname: string; search: string };

let current: StaffLocation = readLocation();

function readLocation(): StaffLocation {
  return { pathname: window.location.pathname, search: window.location.search };
}

function changed(): void {
  current = readLocation();
  inAppNavigations += 1;
  for (const listener of listeners) listener();
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === `${window.location.pathname}${window.location.search}`) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  changed();
}

/** For useSyncExternalStore: the same object until the location changes. */
export function getLocation(): StaffLocation {
  return current;
}

export function subscribeLocation(listener: Listener): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', changed);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', changed);
  };
}

/**
 * True once the person has moved between pages without a reload: only then does a new
 * page take the focus (to its heading), so a screen reader announces where they are.
 */
export function hasNavigatedInApp(): boolean {
  return inAppNavigations > 0;
}
