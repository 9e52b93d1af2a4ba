import { useSyncExternalStore } from 'react';
import { getLocation, subscribeLocation, type StaffLocation } from './navigation';

/** The current path and query; re-renders on navigate() and on back/forward. */
export function useLocation(): StaffLocation {
  return useSyncExternalStore(subscribeLocation, getLocation);
}
