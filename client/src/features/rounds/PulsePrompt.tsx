import type { PulseView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';

/** A member's pulse check: answer 1–10, see only the group's aggregate. */
export function PulsePrompt({ pulse, session }: { pulse: PulseView; session: ModeratedSession }) {
  return (
    <section className="pulse" aria-label="Pulse check" data-testid="pulse">
      <p>{pulse.question}</p>
      <div className="pulse-scale" role="group" aria-label="Your answer, 1 to 10">
        {Array.from({ length: 10 }, (_, i) => i + 1).map((v) => (
          <button key={v} type="button" className="small" aria-pressed={pulse.myAnswer === v} onClick={() => void session.command({ type: 'answerPulse', value: v })}>
            {v}
          </button>
        ))}
      </div>
      <p className="quiet-text" data-testid="pulse-aggregate">
        Group: {pulse.count} answered{pulse.mean !== null ? `, average ${pulse.mean}` : ''}
      </p>
    </section>
  );
}
