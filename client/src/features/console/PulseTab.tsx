import { useId, useState, type FormEvent } from 'react';
import type { MemberCommand, Pulse } from '@hearth/shared';
import type { FacilitatorView } from './alerts';

const PRESETS = ['Mood right now, 1–10?', 'Craving right now, 1–10?'];

/** Pulse checks (PUL1–PUL4): open one, watch every answer come in, close it; earlier ones below. */
export function PulseTab({ view, send }: { view: FacilitatorView; send: (command: MemberCommand) => void }) {
  const pulse = view.pulse;
  const names = new Map(view.members.map((m) => [m.id, m.displayName]));
  const inRoom = view.members.filter((m) => m.status === 'admitted' && m.role === 'participant');
  return (
    <div className="console-tab-body">
      <h2 className="console-tab-title">{pulse ? 'Pulse check open' : 'Pulse check'}</h2>
      {pulse ? (
        <div className="console-stack" data-testid="pulse-answers">
          <p className="console-round-prompt">{pulse.question}</p>
          <p>
            <strong>
              {pulse.count} of {inRoom.length} answered
            </strong>
            {pulse.mean !== null && <span className="muted"> · average {pulse.mean}</span>}
          </p>
          <Distribution distribution={pulse.distribution} />
          <ul className="pulse-answers">
            {inRoom.map((m) => (
              <li key={m.id}>
                <span>{m.displayName}</span>: <strong>{pulse.answers[m.id] ?? '—'}</strong>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-primary" onClick={() => send({ type: 'closePulse' })}>
            Close pulse check
          </button>
        </div>
      ) : (
        <StartPulse send={send} />
      )}
      {view.pulseHistory.length > 0 && (
        <section aria-labelledby="pulse-history" className="console-stack">
          <h3 id="pulse-history">Earlier tonight</h3>
          <ul className="pulse-history">
            {[...view.pulseHistory].reverse().map((p) => (
              <li key={p.id}>
                {p.question} <span className="muted">· {summary(p, names)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function StartPulse({ send }: { send: (command: MemberCommand) => void }) {
  const [question, setQuestion] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (question.trim()) send({ type: 'startPulse', question: question.trim() });
  };
  return (
    <div className="console-stack">
      <p className="muted">Everyone answers 1–10. You see each answer; the group sees only the average.</p>
      <div className="console-button-row">
        {PRESETS.map((q) => (
          <button key={q} type="button" className="btn" onClick={() => send({ type: 'startPulse', question: q })}>
            {q.replace(', 1–10?', '')}
          </button>
        ))}
      </div>
      <form className="console-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-question`}>Your own question</label>
          <input id={`${id}-question`} value={question} maxLength={200} onChange={(e) => setQuestion(e.target.value)} />
        </div>
        <button type="submit" className="btn" disabled={!question.trim()}>
          Ask the group
        </button>
      </form>
    </div>
  );
}

/** How many chose each number, as bars, with the numbers in words for screen readers. */
function Distribution({ distribution }: { distribution: number[] }) {
  const most = Math.max(1, ...distribution);
  const words = distribution.map((n, i) => (n ? `${n} chose ${i + 1}` : '')).filter(Boolean);
  return (
    <figure className="pulse-distribution">
      <div className="pulse-bars" aria-hidden="true">
        {distribution.map((n, i) => (
          <span key={i} className="pulse-bar">
            <span className="pulse-bar-fill" style={{ blockSize: `${(n / most) * 100}%` }} />
            <span className="pulse-bar-label">{i + 1}</span>
          </span>
        ))}
      </div>
      <figcaption className="visually-hidden">{words.length ? words.join(', ') : 'No answers yet'}</figcaption>
    </figure>
  );
}

function summary(p: Pulse, names: Map<string, string>): string {
  const values = Object.entries(p.answers);
  if (values.length === 0) return 'no answers';
  const mean = Math.round((values.reduce((a, [, v]) => a + v, 0) / values.length) * 10) / 10;
  return `average ${mean} of ${values.length}: ${values.map(([id, v]) => `${names.get(id) ?? 'someone'} ${v}`).join(', ')}`;
}
