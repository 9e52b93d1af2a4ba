import type { ModeratedState } from '../../session/ModeratedSession';

const WORDS: Record<string, string> = {
  removed: 'A facilitator has removed you from this session. If you think this is a mistake, contact your clinic.',
  denied: 'The facilitator could not let you in right now. You can try again, or contact your clinic.',
  ended: 'The session has ended. Thank you for being here.',
  replaced: 'You opened this session in another window, so this one was closed.',
  left: 'You left the session.',
};

export function ClosedNotice({ state }: { state: ModeratedState }) {
  const reason = state.closedReason ?? (state.view?.kind === 'outside' ? state.view.reason : 'left');
  return (
    <main className="closed" data-testid="closed-notice" data-reason={reason}>
      <h1>{reason === 'ended' ? 'Session ended' : 'You are not in the session'}</h1>
      <p>{state.problem ?? WORDS[reason] ?? WORDS['left']}</p>
    </main>
  );
}
