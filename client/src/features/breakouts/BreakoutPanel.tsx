import { useEffect, useId, useRef, useState } from 'react';
import { Ear, LogIn, LogOut, Plus, Send, Shuffle, Undo2 } from 'lucide-react';
import type { MemberCommand, SessionView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';
import { clock, useCountdown } from '../rounds/useCountdown';

type FacilitatorView = Extract<SessionView, { kind: 'facilitator' }>;
type Breakout = NonNullable<FacilitatorView['breakout']>;

const pairName = (ids: string[], names: Map<string, string>) => {
  const list = ids.map((id) => names.get(id) ?? 'someone');
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} & ${list.at(-1)}`;
};

/** The facilitator's breakouts: propose pairs, adjust them, start; then listen, join, place, extend, end. */
export function BreakoutPanel({ session, view }: { session: ModeratedSession; view: FacilitatorView }) {
  const names = new Map(view.members.map((m) => [m.id, m.displayName]));
  const heading = useRef<HTMLHeadingElement>(null);
  const running = view.breakout !== null;
  // Started (or ended) from the bottom of a long form: the new state is read from its top.
  // (In a block: Chromium's scrollIntoView returns a promise, which React would take for a clean-up.)
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'nearest' });
  }, [running]);
  return (
    <section aria-labelledby="breakout-title" className="console-tab-body" data-testid="breakout-panel">
      <h2 id="breakout-title" className="console-tab-title" ref={heading}>
        {view.breakout ? 'Pairs in progress' : 'Breakout pairs'}
      </h2>
      {view.breakout ? (
        <RunningBreakout session={session} view={view} breakout={view.breakout} names={names} />
      ) : view.round ? (
        <p className="notice notice-info">Pairs can start once the round has ended.</p>
      ) : (
        <PlanBreakout session={session} names={names} />
      )}
    </section>
  );
}

function RunningBreakout({ session, view, breakout, names }: { session: ModeratedSession; view: FacilitatorView; breakout: Breakout; names: Map<string, string> }) {
  const send = (c: MemberCommand) => void session.command(c);
  const left = useCountdown(breakout.remainingMs, false, String(breakout.remainingMs > 0));
  const returning = useCountdown(breakout.returningInMs ?? undefined, false, String(breakout.returningInMs !== null));
  const groups = breakout.groups ?? [];
  const placed = new Set(groups.flatMap((g) => g.memberIds));
  const unplaced = view.members.filter((m) => m.status === 'admitted' && m.role === 'participant' && !placed.has(m.id));
  const me = view.self.id;
  return (
    <div className="console-stack">
      <p className="console-round-prompt">{breakout.prompt}</p>
      <p className="muted">{returning !== undefined ? `Everyone returns in ${returning} s` : `${clock(left ?? 0)} left`}</p>
      <div className="console-button-row">
        <button type="button" className="btn" onClick={() => send({ type: 'extendBreakout', seconds: 120 })}>
          <Plus aria-hidden="true" /> 2 min
        </button>
        <button type="button" className="btn btn-danger-outline" onClick={() => send({ type: 'endBreakout' })} disabled={breakout.returningInMs !== null}>
          <Undo2 aria-hidden="true" /> Bring everyone back
        </button>
      </div>
      <MessageToGroups session={session} />
      <ul className="pair-list">
        {groups.map((g) => {
          const label = pairName(g.memberIds, names);
          const listening = g.listenedBy.includes(me);
          const joined = g.joinedBy.includes(me);
          return (
            <li key={g.id} className="pair" data-testid="breakout-group">
              <p className="pair-names">
                <strong>{label}</strong>
                {g.helpRequestedAt !== null && <span className="badge badge-attention">asked for a facilitator</span>}
                {listening && <span className="badge badge-primary">you are listening</span>}
                {joined && <span className="badge badge-primary">you joined</span>}
              </p>
              <div className="console-button-row">
                {listening ? (
                  <button type="button" className="btn" aria-pressed="true" onClick={() => send({ type: 'listenIn', groupId: null })}>
                    <Ear aria-hidden="true" /> Stop listening
                  </button>
                ) : (
                  <button type="button" className="btn" onClick={() => send({ type: 'listenIn', groupId: g.id })} aria-label={`Listen to ${label}`}>
                    <Ear aria-hidden="true" /> Listen
                  </button>
                )}
                {joined ? (
                  <button type="button" className="btn" onClick={() => send({ type: 'joinGroup', groupId: null })}>
                    <LogOut aria-hidden="true" /> Leave pair
                  </button>
                ) : (
                  <button type="button" className="btn" onClick={() => send({ type: 'joinGroup', groupId: g.id })} aria-label={`Join ${label}`}>
                    <LogIn aria-hidden="true" /> Join
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {unplaced.map((m) => (
        <div key={m.id} className="notice notice-attention console-stack" data-testid="unplaced-member">
          <p>
            <strong>{m.displayName}</strong> is in the main room, waiting to be placed:
          </p>
          <div className="console-button-row">
            {groups.map((g) => (
              <button key={g.id} type="button" className="btn" onClick={() => send({ type: 'placeInGroup', memberId: m.id, groupId: g.id })}>
                with {pairName(g.memberIds, names)}
              </button>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

/** BRK17: one line every pair sees as a banner, e.g. "Two minutes left: the listener sums up". */
function MessageToGroups({ session }: { session: ModeratedSession }) {
  const [text, setText] = useState('');
  const id = useId();
  const send = async () => {
    if (text.trim() && (await session.command({ type: 'broadcastToGroups', text }))) setText('');
  };
  return (
    <form
      className="console-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-message`}>Message to every pair</label>
        <div className="console-input-with-button">
          <input id={`${id}-message`} value={text} maxLength={300} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="btn" disabled={!text.trim()} aria-label="Send to all pairs">
            <Send aria-hidden="true" /> Send
          </button>
        </div>
      </div>
    </form>
  );
}

function PlanBreakout({ session, names }: { session: ModeratedSession; names: Map<string, string> }) {
  const [prompt, setPrompt] = useState('Share one thing that helped you this week');
  const [minutes, setMinutes] = useState(10);
  const [odd, setOdd] = useState<'triad' | 'facilitator'>('triad');
  const [groups, setGroups] = useState<string[][]>();
  const [picked, setPicked] = useState<string>();
  const id = useId();
  const propose = async () => {
    const result = await session.proposePairs(odd);
    if (result) setGroups(result);
  };
  /** Choose one name, then another: they swap places. */
  const pick = (member: string) => {
    if (!picked || !groups) return setPicked(member);
    setGroups(groups.map((g) => g.map((x) => (x === picked ? member : x === member ? picked : x))));
    setPicked(undefined);
  };
  return (
    <div className="console-form">
      <div className="field">
        <label htmlFor={`${id}-prompt`}>Breakout prompt</label>
        <input id={`${id}-prompt`} value={prompt} maxLength={300} onChange={(e) => setPrompt(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>Duration</label>
        <select id={`${id}-minutes`} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {[1, 2, 3, 5, 10, 15, 20].map((m) => (
            <option key={m} value={m}>
              {m} min
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-odd`}>With an odd number</label>
        <select id={`${id}-odd`} value={odd} onChange={(e) => setOdd(e.target.value as typeof odd)}>
          <option value="triad">one group of three</option>
          <option value="facilitator">I pair with the odd person</option>
        </select>
      </div>
      <button type="button" className="btn" onClick={() => void propose()}>
        <Shuffle aria-hidden="true" /> {groups ? 'Propose again' : 'Propose pairs'}
      </button>
      {groups && (
        <>
          <p className="field-hint" id={`${id}-swap`}>
            To change the pairs, choose two names to swap them.
          </p>
          <ul className="pair-list" data-testid="proposed-pairs" aria-describedby={`${id}-swap`}>
            {groups.map((g) => (
              <li key={g.join()} className="pair console-button-row">
                {g.map((member) => (
                  <button key={member} type="button" className="btn" aria-pressed={picked === member} onClick={() => pick(member)}>
                    {names.get(member)}
                  </button>
                ))}
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-primary" onClick={() => void session.command({ type: 'startBreakout', prompt, durationSeconds: minutes * 60, groups })}>
            Start breakouts
          </button>
        </>
      )}
    </div>
  );
}
