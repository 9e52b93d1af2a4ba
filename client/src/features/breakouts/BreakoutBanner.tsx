import type { BreakoutView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { clock, useCountdown } from '../rounds/useCountdown';

/** A pair's view of breakouts: the prompt, the time, the nudges, who listens, and help. */
export function BreakoutBanner({ breakout, names, session, facilitator }: { breakout: BreakoutView; names: Map<string, string>; session: ModeratedSession; facilitator: boolean }) {
  const left = useCountdown(breakout.remainingMs, false, `${breakout.remainingMs > 0}`);
  const returning = useCountdown(breakout.returningInMs ?? undefined, false, String(breakout.returningInMs !== null));
  const group = breakout.myGroup;
  return (
    <section className="round-banner breakout-banner" aria-label="Breakout" data-testid="breakout-banner">
      <p className="round-prompt">{breakout.prompt}</p>
      {group ? (
        <p>
          In your pair: {group.memberIds.map((id) => names.get(id) ?? 'someone').join(', ')}
          {group.listenedBy.length > 0 && (
            <span className="listening-badge" data-testid="listening-badge">
              {' '}
              · A facilitator is listening
            </span>
          )}
        </p>
      ) : (
        <p>{facilitator ? 'You are in the main room.' : 'You are in the main room with the facilitators until you are placed in a pair.'}</p>
      )}
      {breakout.announcement && (
        <p className="notice" role="status" data-testid="breakout-announcement">
          From the facilitator: {breakout.announcement.text}
        </p>
      )}
      {returning !== undefined ? (
        <p className="round-warning" role="alert">
          Returning to the group in {returning} s
        </p>
      ) : (
        left !== undefined && <p className="round-meta">{clock(left)} left</p>
      )}
      {breakout.halfTimeNudged && !breakout.oneMinuteWarned && returning === undefined && <p className="notice">Half-time: swap speaker and listener.</p>}
      {breakout.oneMinuteWarned && returning === undefined && <p className="notice">One minute left.</p>}
      {group && !facilitator && (
        <button type="button" className="help" onClick={() => void session.command({ type: 'askPairHelp' })}>
          Ask a facilitator to join us
        </button>
      )}
    </section>
  );
}
