import { useId, useState } from 'react';
import { Pause, Play, Plus, SkipBack, SkipForward, Square } from 'lucide-react';
import type { MemberCommand, SessionView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { OrderList } from './OrderList';
import { clock, useCountdown } from './useCountdown';

type FacilitatorView = Extract<SessionView, { kind: 'facilitator' }>;

const PROMPTS = ['Check-in: one word for your week', 'Check-out: one thing you take with you', 'One word for how you feel right now'];

/** The facilitator's round: set one up and start it, or steer the one running (RND1–RND13). */
export function RoundPanel({ session, view }: { session: ModeratedSession; view: FacilitatorView }) {
  const send = (c: MemberCommand) => void session.command(c);
  const participants = view.members.filter((m) => m.status === 'admitted' && m.role === 'participant');
  const names = new Map(view.members.map((m) => [m.id, m.displayName]));
  return (
    <section aria-labelledby="round-title" className="console-tab-body" data-testid="round-panel">
      <h2 id="round-title" className="console-tab-title">
        {view.round ? 'Round in progress' : 'Start a round'}
      </h2>
      {view.breakout ? (
        <p className="notice notice-info">Rounds wait until everyone is back from the pairs.</p>
      ) : view.round ? (
        <RunningRound round={view.round} names={names} send={send} />
      ) : (
        <StartRound participants={participants.map((m) => ({ id: m.id, name: m.displayName }))} send={send} />
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
  const id = useId();
  const customOrder = [...custom.filter((c) => participants.some((p) => p.id === c)), ...participants.map((p) => p.id).filter((p) => !custom.includes(p))];
  return (
    <form
      className="console-form"
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
      <div className="field">
        <label htmlFor={`${id}-prompt`}>Round prompt</label>
        <input id={`${id}-prompt`} list={`${id}-prompts`} value={prompt} maxLength={300} onChange={(e) => setPrompt(e.target.value)} />
        <datalist id={`${id}-prompts`}>
          {PROMPTS.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </div>
      <div className="console-form-row">
        <div className="field">
          <label htmlFor={`${id}-order`}>Order</label>
          <select id={`${id}-order`} value={order} onChange={(e) => setOrder(e.target.value as typeof order)}>
            <option value="roster">Roster</option>
            <option value="random">Random</option>
            <option value="custom">Custom</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>Time per turn</label>
          <select id={`${id}-time`} value={turnSeconds} onChange={(e) => setTurnSeconds(Number(e.target.value))}>
            {[30, 60, 120, 180, 300].map((s) => (
              <option key={s} value={s}>
                {s < 60 ? `${s} seconds` : `${s / 60} min`}
              </option>
            ))}
          </select>
        </div>
      </div>
      {order === 'custom' && <OrderList ids={customOrder} names={new Map(participants.map((p) => [p.id, p.name]))} onChange={setCustom} />}
      <label className="check">
        <input type="checkbox" checked={feedback} onChange={(e) => setFeedback(e.target.checked)} />
        Feedback after each share
      </label>
      {feedback && (
        <div className="field">
          <label htmlFor={`${id}-feedback`}>Time per feedback</label>
          <select id={`${id}-feedback`} value={feedbackSeconds} onChange={(e) => setFeedbackSeconds(Number(e.target.value))}>
            {[30, 60, 90].map((s) => (
              <option key={s} value={s}>
                {s} seconds each
              </option>
            ))}
          </select>
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={speakerOnly} onChange={(e) => setSpeakerOnly(e.target.checked)} />
        Only the speaker can be heard
      </label>
      <button type="submit" className="btn btn-primary" disabled={participants.length === 0}>
        Start round
      </button>
      {participants.length === 0 && <p className="field-hint">A round starts once someone has joined.</p>}
    </form>
  );
}

function RunningRound({ round, names, send }: { round: NonNullable<FacilitatorView['round']>; names: Map<string, string>; send: (c: MemberCommand) => void }) {
  const left = useCountdown(round.remainingMs, round.paused, `${round.speakerId}-${round.deadline}-${round.paused}`);
  const rest = round.order.slice(round.sharerIndex + 1);
  const speaker = names.get(round.speakerId) ?? 'Someone';
  const receiver = round.receiverId ? names.get(round.receiverId) : undefined;
  return (
    <div className="console-stack">
      <p className="console-round-prompt">{round.prompt}</p>
      <div className="console-round-now" data-testid="round-now">
        <p>
          <strong>{receiver ? `${speaker} gives feedback to ${receiver}` : `${speaker} is sharing`}</strong>
          {round.speakerAbsent && <span className="badge badge-attention">reconnecting</span>}
        </p>
        <p className="muted">
          {round.paused ? 'Paused · ' : ''}
          {clock(left ?? 0)} left
          {round.nextSpeakerId && ` · Next: ${names.get(round.nextSpeakerId) ?? 'someone'}`}
        </p>
      </div>
      <div className="console-button-row">
        <button type="button" className="btn" onClick={() => send({ type: 'previousTurn' })}>
          <SkipBack aria-hidden="true" /> Back
        </button>
        {round.paused ? (
          <button type="button" className="btn" onClick={() => send({ type: 'resumeRound' })}>
            <Play aria-hidden="true" /> Resume
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => send({ type: 'pauseRound' })}>
            <Pause aria-hidden="true" /> Pause
          </button>
        )}
        <button type="button" className="btn" onClick={() => send({ type: 'extendTurn', seconds: 30 })}>
          <Plus aria-hidden="true" /> 30 s
        </button>
        <button type="button" className="btn btn-primary" onClick={() => send({ type: 'skipTurn' })}>
          <SkipForward aria-hidden="true" /> Next turn
        </button>
      </div>
      {rest.length > 0 && (
        <div className="field">
          <span className="label" id="still-to-share">
            Still to share
          </span>
          <OrderList ids={rest} names={names} onChange={(order) => send({ type: 'reorderRound', order })} labelledBy="still-to-share" />
        </div>
      )}
      <button type="button" className="btn btn-danger-outline" onClick={() => send({ type: 'endRound' })}>
        <Square aria-hidden="true" /> End round
      </button>
    </div>
  );
}
