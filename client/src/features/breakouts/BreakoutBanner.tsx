import { Headphones } from 'lucide-react';
import type { BreakoutView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { clock, useCountdown } from '../rounds/useCountdown';

/** A pair's view of breakouts, compact: the prompt, who is in the pair, the time, the nudges, who listens, and help. */
type Props = { breakout: BreakoutView; selfId: string; names: Map<string, string>; session: ModeratedSession; facilitator: boolean };

export function BreakoutBanner({ breakout, selfId, names, session, facilitator }: Props) {
  const left = useCountdown(breakout.remainingMs, false, `${breakout.remainingMs > 0}`);
  const returning = useCountdown(breakout.returningInMs ?? undefined, false, String(breakout.returningInMs !== null));
  const group = breakout.myGroup;
  return (
    <section className="banner breakout-banner" aria-label="Breakout" data-testid="breakout-banner">
      <div className="banner-text">
        <p className="banner-title">{breakout.prompt}</p>
        <p className="banner-line">
          {group ? (
            <>
              {group.memberIds.length > 2 ? 'In your group with ' : 'In your pair with '}
              {group.memberIds
                .filter((id) => id !== selfId)
                .map((id) => names.get(id) ?? 'someone')
                .join(' and ')}
            </>
          ) : facilitator ? (
            'You are in the main room.'
          ) : (
            'You are in the main room with the facilitators until you are placed in a pair.'
          )}
          {returning === undefined && left !== undefined && <> · {clock(left)} left</>}
        </p>
        {group && group.listenedBy.length > 0 && (
          <p className="banner-line">
            <span className="badge badge-primary" data-testid="listening-badge">
              <Headphones aria-hidden="true" />A facilitator is listening
            </span>
          </p>
        )}
        {breakout.announcement && (
          <p className="banner-line banner-message" role="status" data-testid="breakout-announcement">
            From the facilitator: {breakout.announcement.text}
          </p>
        )}
        {returning !== undefined && (
          <p className="banner-line round-warning" role="alert">
            Returning to the group in {returning} s
          </p>
        )}
        {breakout.halfTimeNudged && !breakout.oneMinuteWarned && returning === undefined && <p className="banner-line">Half-time: swap speaker and listener.</p>}
        {breakout.oneMinuteWarned && returning === undefined && <p className="banner-line">One minute left.</p>}
      </div>
      {group && !facilitator && (
        <button type="button" className="btn btn-attention" onClick={() => void session.command({ type: 'askPairHelp' })}>
          Ask a facilitator to join us
        </button>
      )}
    </section>
  );
}
