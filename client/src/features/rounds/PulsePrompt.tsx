import type { PulseView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';

const SCALE = Array.from({ length: 10 }, (_, i) => i + 1);

/** A member's pulse check: answer 1–10 (the chosen one plainly marked), see only the group's aggregate. */
export function PulsePrompt({ pulse, session }: { pulse: PulseView; session: ModeratedSession }) {
  return (
    <section className="banner pulse" aria-label="Pulse check" data-testid="pulse">
      <div className="banner-text">
        <p className="banner-title">{pulse.question}</p>
        <p className="banner-line muted" data-testid="pulse-aggregate">
          Group: {pulse.count} answered{pulse.mean !== null ? `, average ${pulse.mean}` : ''}
        </p>
      </div>
      <div className="pulse-scale" role="group" aria-label="Your answer, 1 to 10">
        {SCALE.map((v) => (
          <button
            key={v}
            type="button"
            className="pulse-option"
            aria-pressed={pulse.myAnswer === v}
            onClick={() => void session.command({ type: 'answerPulse', value: v })}
          >
            {v}
          </button>
        ))}
      </div>
    </section>
  );
}
