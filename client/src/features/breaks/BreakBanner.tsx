import { Coffee } from 'lucide-react';
import { useMemo } from 'react';
import type { BreakView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { clock, useCountdown } from '../rounds/useCountdown';
import { backAt } from './breakTime';

type Props = { groupBreak: BreakView; session: ModeratedSession; facilitator: boolean };

/**
 * REST1: the group is on a break: when it is back, the time left, and that cameras and
 * microphones stay off until their owners turn them on. Facilitators extend or end it here.
 */
export function BreakBanner({ groupBreak, session, facilitator }: Props) {
  const left = useCountdown(groupBreak.remainingMs, false, String(groupBreak.endsAt));
  // Worked out when the snapshot came, not at every tick: the moment does not move.
  const back = useMemo(() => backAt(groupBreak.remainingMs), [groupBreak.remainingMs]);
  return (
    <section className="banner break-banner" aria-label="Break" data-testid="break-banner">
      <Coffee className="break-banner-icon" aria-hidden="true" />
      <div className="banner-text">
        <p className="banner-title">Break · back at {back}</p>
        <p className="banner-line">
          {left !== undefined && <span data-testid="break-left">{clock(left)} left</span>}
          {' · '}
          {facilitator ? 'Cameras and microphones went off; the room stays open.' : 'Your camera and microphone are off until you turn them on.'}
        </p>
      </div>
      {facilitator && (
        <div className="banner-actions">
          <button type="button" className="btn" onClick={() => void session.command({ type: 'extendBreak', minutes: 5 })}>
            5 more minutes
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void session.command({ type: 'endBreak' })}>
            End break
          </button>
        </div>
      )}
    </section>
  );
}
