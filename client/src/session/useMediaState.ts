import { useSyncExternalStore } from 'react';
import type { MediaClient, MediaState } from './MediaClient';

/** Subscribes a component to the media client's state. */
export function useMediaState(client: MediaClient): MediaState {
  return useSyncExternalStore(client.subscribe, client.getState);
}
