import { useEffect, useRef } from 'react';
import type { RoundView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { playCue } from '../call/soundCue';
import { clock, useCountdown } from './useCountdown';

type Props = { round: RoundView; selfId: string; names: Map<string, string>; session: ModeratedSession; heldForTurn: boolean };

/**
 * What everyone sees during a round, in one compact notice: the prompt, whose turn it is, the
 * time and who is next. When the turn becomes yours, it lights up, a short chime plays (if
 * sound cues are on) and focus moves to Pass, so a keyboard user passes with one key.
 */
export function RoundBanner({ round, selfId, names, session, heldForTurn }: Props) {
  const turnKey = `${round.startedAt}-${round.kind}-${round.speakerId}-${round.receiverId}`;
  const left = useCountdown(round.remainingMs, round.paused, turnKey);
  const mine = round.speakerId === selfId;
  const pass = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!mine) return;
    playCue('turn');
    // Not while the person is typing (chat): taking their focus away would lose their words.
    if (!isTyping(document.activeElement)) pass.current?.focus();
  }, [mine, turnKey]);

  const name = (id: string | null) => (id ? (names.get(id) ?? 'someone') : '');
  const turn =
    round.kind === 'feedback'
      ? `${mine ? 'You give' : `${name(round.speakerId)} gives`} feedback to ${round.receiverId === selfId ? 'you' : name(round.receiverId)}`
      : mine
        ? 'Your turn to share'
        : `${name(round.speakerId)} is sharing`;
  return (
    <section
      key={mine ? turnKey : undefined}
      className={`banner round-banner${mine ? ' mine' : ''}`}
      aria-label="Round"
      data-testid="round-banner"
      data-speaker={round.speakerId}
    >
      <div className="banner-text">
        <p className="banner-title">{round.prompt}</p>
        <p className="banner-line">
          <strong className="round-turn">
            {turn}
            {round.speakerAbsent && ' (reconnecting…)'}
          </strong>
          {' · '}
          {round.paused ? 'Paused' : left !== undefined && <span data-testid="round-time">{clock(left)} left</span>}
          {round.nextSpeakerId && <> · Next: {round.nextSpeakerId === selfId ? 'you' : name(round.nextSpeakerId)}</>}
        </p>
        {heldForTurn && <p className="banner-line muted">You are muted for this turn; only the speaker can be heard.</p>}
        {mine && left !== undefined && left <= 15 && !round.paused && <p className="banner-line round-warning">15 seconds left</p>}
      </div>
      {mine && (
        <button ref={pass} type="button" className="btn btn-primary" onClick={() => void session.command({ type: 'passTurn' })}>
          Pass
        </button>
      )}
    </section>
  );
}

function isTyping(element: Element | null): boolean {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element instanceof HTMLElement && element.isContentEditable);
}
