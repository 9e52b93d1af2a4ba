import { useSyncExternalStore } from 'react';
import type { SessionClient, SessionState } from './SessionClient';

/** Subscribes a component to the session client's state. */
export function useSessionState(client: SessionClient): SessionState {
  return useSyncExternalStore(client.subscribe, client.getState);
}
