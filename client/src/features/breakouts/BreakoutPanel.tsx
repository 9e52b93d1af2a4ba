import { useState } from 'react';
import type { MemberCommand, SessionView } from '@hearth/shared';
import type { ModeratedSession } from '../../session/ModeratedSession';

type FacilitatorView = Extract<SessionView, { kind: 'facilitator' }>;

/** The facilitator's breakouts: propose pairs, adjust them, start; then listen, join, place, extend, end. */
export function BreakoutPanel({ session, view }: { session: ModeratedSession; view: FacilitatorView }) {
  const send = (c: MemberCommand) => void session.command(c);
  const names = new Map(view.members.map((m) => [m.id, m.displayName]));
  const breakout = view.breakout;
  if (!breakout) return <PlanBreakout session={session} names={names} disabled={view.round !== null} />;
  const placed = new Set((breakout.groups ?? []).flatMap((g) => g.memberIds));
  const unplaced = view.members.filter((m) => m.status === 'admitted' && m.role === 'participant' && !placed.has(m.id));
  const mine = view.self.id;
  return (
    <section aria-label="Breakouts" className="round-panel" data-testid="breakout-panel">
      <h2>Breakouts</h2>
      {(breakout.groups ?? []).map((g) => (
        <div key={g.id} className="member-row" data-testid="breakout-group">
          <div>
            <strong>{g.memberIds.map((id) => names.get(id)).join(' & ')}</strong>
            {g.helpRequestedAt !== null && <span className="card"> · asked for help</span>}
          </div>
          <div className="row-actions">
            {g.listenedBy.includes(mine) ? (
              <button type="button" className="small" onClick={() => send({ type: 'listenIn', groupId: null })}>
                Stop listening
              </button>
            ) : (
              <button type="button" className="small" onClick={() => send({ type: 'listenIn', groupId: g.id })} aria-label={`Listen to ${g.memberIds.map((id) => names.get(id)).join(' & ')}`}>
                Listen
              </button>
            )}
            {g.joinedBy.includes(mine) ? (
              <button type="button" className="small" onClick={() => send({ type: 'joinGroup', groupId: null })}>
                Leave pair
              </button>
            ) : (
              <button type="button" className="small" onClick={() => send({ type: 'joinGroup', groupId: g.id })}>
                Join
              </button>
            )}
          </div>
        </div>
      ))}
      {unplaced.map((m) => (
        <div key={m.id} className="member-row">
          {m.displayName} is waiting to be placed:{' '}
          {(breakout.groups ?? []).map((g) => (
            <button key={g.id} type="button" className="small" onClick={() => send({ type: 'placeInGroup', memberId: m.id, groupId: g.id })}>
              with {g.memberIds.map((id) => names.get(id)).join(' & ')}
            </button>
          ))}
        </div>
      ))}
      <div className="row-actions">
        <button type="button" className="small" onClick={() => send({ type: 'extendBreakout', seconds: 120 })}>
          +2 min
        </button>
        <button type="button" className="small danger" onClick={() => send({ type: 'endBreakout' })}>
          Bring everyone back
        </button>
      </div>
      <MessageToGroups session={session} />
    </section>
  );
}

/** BRK17: one line every pair sees as a banner, e.g. "Two minutes left: the listener sums up". */
function MessageToGroups({ session }: { session: ModeratedSession }) {
  const [text, setText] = useState('');
  const send = async () => {
    if (text.trim() && (await session.command({ type: 'broadcastToGroups', text }))) setText('');
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor="breakout-message">Message to every pair</label>
      <input id="breakout-message" value={text} maxLength={300} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="small" disabled={!text.trim()}>
        Send to all pairs
      </button>
    </form>
  );
}

function PlanBreakout({ session, names, disabled }: { session: ModeratedSession; names: Map<string, string>; disabled: boolean }) {
  const [prompt, setPrompt] = useState('Share one thing that helped you this week');
  const [minutes, setMinutes] = useState(10);
  const [odd, setOdd] = useState<'triad' | 'facilitator'>('triad');
  const [groups, setGroups] = useState<string[][]>();
  const [picked, setPicked] = useState<string>();
  const propose = async () => {
    const result = await session.proposePairs(odd);
    if (result) setGroups(result);
  };
  /** Click one name, then another: they swap places. */
  const pick = (id: string) => {
    if (!picked || !groups) return setPicked(id);
    setGroups(groups.map((g) => g.map((x) => (x === picked ? id : x === id ? picked : x))));
    setPicked(undefined);
  };
  return (
    <section aria-label="Breakouts" className="round-panel">
      <h2>Breakout pairs</h2>
      <label htmlFor="breakout-prompt">Breakout prompt</label>
      <input id="breakout-prompt" value={prompt} maxLength={300} onChange={(e) => setPrompt(e.target.value)} />
      <label htmlFor="breakout-minutes">Duration</label>
      <select id="breakout-minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
        {[1, 2, 3, 5, 10, 15, 20].map((m) => (
          <option key={m} value={m}>
            {m} min
          </option>
        ))}
      </select>
      <label htmlFor="breakout-odd">With an odd number</label>
      <select id="breakout-odd" value={odd} onChange={(e) => setOdd(e.target.value as typeof odd)}>
        <option value="triad">one group of three</option>
        <option value="facilitator">I pair with the odd person</option>
      </select>
      <button type="button" disabled={disabled} onClick={() => void propose()}>
        Propose pairs
      </button>
      {groups && (
        <>
          <ul data-testid="proposed-pairs">
            {groups.map((g) => (
              <li key={g.join()}>
                {g.map((id) => (
                  <button key={id} type="button" className="small" aria-pressed={picked === id} onClick={() => pick(id)}>
                    {names.get(id)}
                  </button>
                ))}
              </li>
            ))}
          </ul>
          <p className="quiet-text">To change the pairs, click two names to swap them.</p>
          <button type="button" onClick={() => void session.command({ type: 'startBreakout', prompt, durationSeconds: minutes * 60, groups })}>
            Start breakouts
          </button>
        </>
      )}
    </section>
  );
}
