import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Hand } from 'lucide-react';
import { isReconnecting, type ModeratedSession, type ModeratedState } from '../../session/ModeratedSession';
import { CrisisResources } from './CrisisResources';
import { PageHeading, ParticipantPage, SessionAbout } from './ParticipantPage';

// The dialog library waits until the waiting room (it is not needed for the first screen).
const loadConfirm = () => import('../../ui/ConfirmDialog');
const ConfirmDialog = lazy(() => loadConfirm().then((m) => ({ default: m.ConfirmDialog })));

/**
 * Nobody else and nothing of the room (VIEW2): which group, whether the facilitator is there
 * to see them (VIEW5), help if it is needed, and a way out that asks first.
 */
export function WaitingRoom({ session, state }: { session: ModeratedSession; state: ModeratedState }) {
  const present = state.view?.kind === 'waiting' && state.view.facilitatorPresent;
  const [leaving, setLeaving] = useState(false);
  const [askedToLeave, setAskedToLeave] = useState(false);
  const leaveButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    void loadConfirm();
  }, []);
  return (
    <ParticipantPage documentTitle="Waiting room" testId="waiting-room">
      <SessionAbout context={state.identity?.context} />
      <PageHeading>You are in the waiting room</PageHeading>
      {/* One live region whose words change, so a screen reader hears the facilitator arrive. */}
      <p role="status" className={`notice ${present ? 'notice-success' : 'notice-info'}`} data-testid="facilitator-presence" data-present={String(present)}>
        {present ? 'Your facilitator knows you are here. They will let you in soon.' : 'Your facilitator has not arrived yet; they will see you as soon as they do.'}
      </p>
      <p className="muted">You can leave this page open. No one in the group can see or hear you until you are let in.</p>
      {isReconnecting(state) && (
        <p className="notice notice-attention" role="status">
          Reconnecting…
        </p>
      )}
      <div className="waiting-actions">
        <HelpButton session={session} state={state} />
        <CrisisResources />
        <button
          ref={leaveButton}
          type="button"
          className="btn btn-quiet"
          onClick={() => {
            setAskedToLeave(true);
            setLeaving(true);
          }}
        >
          Leave the waiting room
        </button>
      </div>
      {askedToLeave && (
        <Suspense fallback={null}>
          <ConfirmDialog
            open={leaving}
            onOpenChange={setLeaving}
            title="Leave the waiting room?"
            description="Your facilitator will no longer see you waiting. You can come back with the same link."
            confirmLabel="Leave"
            danger
            returnFocusTo={leaveButton}
            onConfirm={() => void session.leave()}
          />
        </Suspense>
      )}
    </ParticipantPage>
  );
}

/** "I need help": only the facilitators see it, with the callback number given at consent. */
export function HelpButton({ session, state }: { session: ModeratedSession; state: ModeratedState }) {
  return (
    <>
      <button type="button" className="btn btn-attention help" disabled={state.helpRequested} onClick={() => void session.requestHelp()}>
        <Hand aria-hidden="true" />I need help
      </button>
      {state.helpRequested && (
        <p className="notice notice-success help-sent" role="status">
          Your facilitators have been told, privately. They will reach out to you.
        </p>
      )}
    </>
  );
}
