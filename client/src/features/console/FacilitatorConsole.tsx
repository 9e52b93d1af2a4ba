import type { SessionView } from '@hearth/shared';
import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';
import { BreakoutPanel } from '../breakouts/BreakoutPanel';
import { ChatPanel } from '../moderated/ChatPanel';
import { RoundPanel } from '../rounds/RoundPanel';
import { FacilitatorPanel } from './FacilitatorPanel';

export type FacilitatorView = Extract<SessionView, { kind: 'facilitator' }>;
export type ConsoleProps = { session: ModeratedSession; state: ModeratedState; view: FacilitatorView };

/**
 * The facilitator's console beside the call: loaded only by facilitators (RoomScreen imports
 * it lazily), so a participant's phone never downloads it.
 */
export function FacilitatorConsole({ session, state, view }: ConsoleProps) {
  return (
    <>
      <BreakoutPanel session={session} view={view} />
      {!view.breakout && <RoundPanel session={session} view={view} />}
      <FacilitatorPanel session={session} state={state} view={view} />
      <ChatPanel session={session} state={state} facilitator />
    </>
  );
}

/** The facilitator's tools in the room's header (room settings, ending the session). */
export function ConsoleHeader(_props: ConsoleProps) {
  return null;
}
