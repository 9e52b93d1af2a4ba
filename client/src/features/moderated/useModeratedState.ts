import { useSyncExternalStore } from 'react';
import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';

export function useModeratedState(session: ModeratedSession): ModeratedState {
  return useSyncExternalStore(session.subscribe, session.getState);
}
