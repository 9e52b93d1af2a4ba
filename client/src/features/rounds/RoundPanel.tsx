import { useState } from 'react';
import type { MemberCommand, SessionView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { OrderList } from './OrderList';

type FacilitatorView = Extract<SessionView, { kind: 'facilitator' }>;

const PROMPTS = ['Check-in: one word for your week', 'Check-out: one thing you take with you', 'One word for how you feel right now'];
const PULSES = ['Mood right now, 1–10?', 'Craving right now, 1–10?'];

/** The facilitator's controls for rounds and pulse checks. */
export function RoundPanel({ session, view }: { session: ModeratedSession; view: FacilitatorView }) {
  const send = (c: MemberCommand) => void session.command(c);
  const participants = view.members.filter((m) => m.status === 'admitted' && m.role === 'participant');
  const names = new Map(view.members.map((m) => [m.id, m.displayName]));
  const round = view.round;
  return (
    <section aria-label="Rounds" className="round-panel">
      <h2>Round</h2>
      {round ? (
        <RunningRound round={round} names={names} send={send} />
      ) : (
        <StartRound participants={participants.map((m) => ({ id: m.id, name: m.displayName }))} send={send} />
      )}
      <h2>Pulse check</h2>
      {view.pulse ? (
        <div data-testid="pulse-answers">
          <p>{view.pulse.question}</p>
          <ul>
            {participants.map((m) => (
              <li key={m.id}>
                {m.displayName}: {view.pulse?.answers[m.id] ?? '—'}
              </li>
            ))}
          </ul>
          <p className="quiet-text">
            {view.pulse.count} answered{view.pulse.mean !== null ? `, average ${view.pulse.mean}` : ''}
          </p>
          <button type="button" onClick={() => send({ type: 'closePulse' })}>
            Close pulse check
          </button>
        </div>
      ) : (
        <div className="row-actions">
          {PULSES.map((q) => (
            <button key={q} type="button" className="small" onClick={() => send({ type: 'startPulse', question: q })}>
              {q.replace(', 1–10?', '')}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function StartRound({ participants, send }: { participants: { id: string; name: string }[]; send: (c: MemberCommand) => void }) {
  const [prompt, setPrompt] = useState(PROMPTS[0]!);
  const [order, setOrder] = useState<'roster' | 'random' | 'custom'>('roster');
  const [custom, setCustom] = useState<string[]>([]);
  const [turnSeconds, setTurnSeconds] = useState(120);
  const [feedback, setFeedback] = useState(false);
  const [feedbackSeconds, setFeedbackSeconds] = useState(60);
  const [speakerOnly, setSpeakerOnly] = useState(true);
  const customOrder = [...custom.filter((id) => participants.some((p) => p.id === id)), ...participants.map((p) => p.id).filter((id) => !custom.includes(id))];
  return (
    <form
      className="start-round"
      onSubmit={(e) => {
        e.preventDefault();
        send({
          type: 'startRound',
          prompt,
          order,
          ...(order === 'custom' ? { customOrder } : {}),
          turnSeconds,
          feedbackSeconds: feedback ? feedbackSeconds : null,
          speakerOnly,
        });
      }}
    >
      <label htmlFor="round-prompt">Round prompt</label>
      <input id="round-prompt" list="round-prompts" value={prompt} maxLength={300} onChange={(e) => setPrompt(e.target.value)} />
      <datalist id="round-prompts">
        {PROMPTS.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <label htmlFor="round-order">Order</label>
      <select id="round-order" value={order} onChange={(e) => setOrder(e.target.value as typeof order)}>
        <option value="roster">Roster</option>
        <option value="random">Random</option>
        <option value="custom">Custom</option>
      </select>
      {order === 'custom' && <OrderList ids={customOrder} names={new Map(participants.map((p) => [p.id, p.name]))} onChange={setCustom} />}
      <label htmlFor="round-time">Time per turn</label>
      <select id="round-time" value={turnSeconds} onChange={(e) => setTurnSeconds(Number(e.target.value))}>
        {[30, 60, 120, 180, 300].map((s) => (
          <option key={s} value={s}>
            {s < 60 ? `${s} seconds` : `${s / 60} min`}
          </option>
        ))}
      </select>
      <label className="toggle">
        <input type="checkbox" checked={feedback} onChange={(e) => setFeedback(e.target.checked)} />
        Feedback after each share
      </label>
      {feedback && (
        <select aria-label="Time per feedback" value={feedbackSeconds} onChange={(e) => setFeedbackSeconds(Number(e.target.value))}>
          {[30, 60, 90].map((s) => (
            <option key={s} value={s}>
              {s} seconds of feedback each
            </option>
          ))}
        </select>
      )}
      <label className="toggle">
        <input type="checkbox" checked={speakerOnly} onChange={(e) => setSpeakerOnly(e.target.checked)} />
        Only the speaker can be heard
      </label>
      <button type="submit" disabled={participants.length === 0}>
        Start round
      </button>
    </form>
  );
}

function RunningRound({ round, names, send }: { round: NonNullable<FacilitatorView['round']>; names: Map<string, string>; send: (c: MemberCommand) => void }) {
  const rest = round.order.slice(round.sharerIndex + 1);
  return (
    <div className="running-round">
      <div className="row-actions">
        <button type="button" className="small" onClick={() => send({ type: 'skipTurn' })}>
          Next turn
        </button>
        <button type="button" className="small" onClick={() => send({ type: 'extendTurn', seconds: 30 })}>
          +30 s
        </button>
        <button type="button" className="small" onClick={() => send({ type: 'previousTurn' })}>
          Back
        </button>
        {round.paused ? (
          <button type="button" className="small" onClick={() => send({ type: 'resumeRound' })}>
            Resume
          </button>
        ) : (
          <button type="button" className="small" onClick={() => send({ type: 'pauseRound' })}>
            Pause
          </button>
        )}
        <button type="button" className="small danger" onClick={() => send({ type: 'endRound' })}>
          End round
        </button>
      </div>
      {rest.length > 0 && (
        <>
          <p className="quiet-text">Still to share:</p>
          <OrderList ids={rest} names={names} onChange={(order) => send({ type: 'reorderRound', order })} />
        </>
      )}
    </div>
  );
}
