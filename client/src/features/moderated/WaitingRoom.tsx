import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';
import { CrisisResources } from './CrisisResources';

/** Nobody else and nothing of the room: just reassurance, and help if it is needed. */
export function WaitingRoom({ session, state }: { session: ModeratedSession; state: ModeratedState }) {
  return (
    <main className="waiting" data-testid="waiting-room">
      <h1>You are in the waiting room</h1>
      <p>Your facilitator will let you in shortly. You can leave this page open.</p>
      {state.reconnecting && <p className="notice">Reconnecting…</p>}
      <HelpButton session={session} state={state} />
      <CrisisResources />
    </main>
  );
}

export function HelpButton({ session, state }: { session: ModeratedSession; state: ModeratedState }) {
  return (
    <>
      <button type="button" className="help" disabled={state.helpRequested} onClick={() => void session.requestHelp()}>
        I need help
      </button>
      {state.helpRequested && (
        <p className="notice" role="status">
          Your facilitators have been told, privately. They will reach out to you.
        </p>
      )}
    </>
  );
}
