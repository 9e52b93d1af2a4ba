import type { RoundView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { clock, useCountdown } from './useCountdown';

/** What everyone sees during a round; the speaker gets a clear cue, a 15-second warning and Pass. */
export function RoundBanner({ round, selfId, names, session }: { round: RoundView; selfId: string; names: Map<string, string>; session: ModeratedSession }) {
  const left = useCountdown(round.remainingMs, round.paused, `${round.speakerId}-${round.startedAt}`);
  const mine = round.speakerId === selfId;
  const name = (id: string | null) => (id ? (names.get(id) ?? 'someone') : '');
  const turn =
    round.kind === 'feedback'
      ? `${mine ? 'You give' : `${name(round.speakerId)} gives`} feedback to ${round.receiverId === selfId ? 'you' : name(round.receiverId)}`
      : mine
        ? 'Your turn to share'
        : `${name(round.speakerId)} is sharing`;
  return (
    <section className={`round-banner${mine ? ' mine' : ''}`} aria-label="Round" data-testid="round-banner" data-speaker={round.speakerId}>
      <p className="round-prompt">{round.prompt}</p>
      <p className="round-turn" role={mine ? 'alert' : undefined}>
        {turn}
        {round.speakerAbsent && ' (reconnecting…)'}
      </p>
      <p className="round-meta">
        {round.paused ? 'Paused' : left !== undefined && <span data-testid="round-time">{clock(left)} left</span>}
        {round.nextSpeakerId && <> · Next: {round.nextSpeakerId === selfId ? 'you' : name(round.nextSpeakerId)}</>}
      </p>
      {mine && left !== undefined && left <= 15 && !round.paused && <p className="round-warning">15 seconds left</p>}
      {mine && (
        <button type="button" onClick={() => void session.command({ type: 'passTurn' })}>
          Pass
        </button>
      )}
    </section>
  );
}
