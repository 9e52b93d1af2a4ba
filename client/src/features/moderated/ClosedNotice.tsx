import type { ClosedReason, ModeratedSession, ModeratedState } from '../../session/ModeratedSession';
import { NoticePage } from './NoticePage';
import { closedWords } from './problems';

/**
 * Out of the session: ended, left, removed, denied, opened elsewhere, or (staff) signed out. Someone who left or
 * was not let in can go back without reloading or retyping anything; the end says when the
 * group meets next; every one of these pages carries the crisis resources.
 */
export function ClosedNotice({ session, state }: { session: ModeratedSession; state: ModeratedState }) {
  const reason: ClosedReason = state.closedReason ?? (state.view?.kind === 'outside' ? state.view.reason : 'left');
  const facilitator = state.identity?.role === 'facilitator';
  const canComeBack = reason === 'left' || reason === 'denied' || reason === 'lost';
  return (
    <NoticePage
      words={closedWords(reason)}
      testId="closed-notice"
      data={{ 'data-reason': reason }}
      context={state.identity?.context}
      showNextSession={reason !== 'replaced'}
      actions={
        reason === 'signed-out' ? (
          <a className="btn btn-primary" href="/login">
            Sign in
          </a>
        ) : canComeBack || (facilitator && reason === 'ended') ? (
          <>
            {canComeBack && (
              <button type="button" className="btn btn-primary" onClick={() => void session.rejoin()}>
                {reason === 'denied' ? 'Ask to join again' : 'Rejoin'}
              </button>
            )}
            {facilitator && state.identity && (
              <a className="btn" href={`/clinic/sessions/${encodeURIComponent(state.identity.sessionId)}`}>
                Open the session’s record
              </a>
            )}
          </>
        ) : undefined
      }
    />
  );
}
