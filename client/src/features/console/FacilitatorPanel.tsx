import { useState } from 'react';
import type { FacilitatorMemberView, MemberCommand, SessionView } from '@hearth/shared';
import type { ModeratedSession, ModeratedState } from '../../session/ModeratedSession';

type FacilitatorView = Extract<SessionView, { kind: 'facilitator' }>;
type Props = { session: ModeratedSession; state: ModeratedState; view: FacilitatorView };

const minutes = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

/** The facilitator's console beside the grid: help first, then who waits, the room, the hands, everyone. */
export function FacilitatorPanel({ session, state, view }: Props) {
  const send = (command: MemberCommand) => void session.command(command);
  const waiting = view.members.filter((m) => m.status === 'waiting');
  const inRoom = view.members.filter((m) => m.status === 'admitted' && m.id !== view.self.id);
  const byId = new Map(view.members.map((m) => [m.id, m]));
  const mySide = view.sideRooms.find((r) => r.facilitatorId === view.self.id);
  const asideWithMe = mySide && byId.get(mySide.memberId);

  return (
    <aside className="panel" aria-label="Facilitator console" data-testid="facilitator-panel">
      {state.helpAlerts.length > 0 && (
        <section className="panel-help" aria-label="Help requests" role="alert">
          <h2>Help requested</h2>
          {state.helpAlerts.map((a) => (
            <div key={a.memberId} className="help-card" data-testid="help-alert">
              <strong>{a.displayName}</strong> asked for help.
              <div>Location: {a.location ?? 'not given'}</div>
              <div>
                Callback: {a.callbackNumber ? <a href={`tel:${a.callbackNumber}`}>{a.callbackNumber}</a> : 'not given'}
              </div>
              <button
                type="button"
                onClick={() => {
                  send({ type: 'acknowledgeHelp', memberId: a.memberId });
                  session.dismissHelp(a.memberId);
                }}
              >
                I am on it
              </button>
            </div>
          ))}
        </section>
      )}

      {asideWithMe && (
        // BRK16: the one taken aside, with where they are and how to call them, at the top.
        <section className="panel-help" aria-label="Side room" data-testid="side-room-card">
          <h2>Privately with {asideWithMe.displayName}</h2>
          <p className="quiet-text">Only the two of you see and hear each other. The group carries on.</p>
          <div>Location: {asideWithMe.consent?.location ?? 'not given'}</div>
          <div>
            Callback: {asideWithMe.consent?.callbackNumber ? <a href={`tel:${asideWithMe.consent.callbackNumber}`}>{asideWithMe.consent.callbackNumber}</a> : 'not given'}
          </div>
          <button type="button" onClick={() => send({ type: 'returnFromSide', memberId: asideWithMe.id })}>
            Return {asideWithMe.displayName} to the group
          </button>
        </section>
      )}

      <section aria-label="Waiting room">
        <h2>
          Waiting room <span className="count">({waiting.length})</span>
        </h2>
        {waiting.length === 0 && <p className="quiet-text">Nobody is waiting.</p>}
        {waiting.map((m) => (
          <div key={m.id} className="member-row" data-testid="waiting-member" data-name={m.displayName}>
            <div>
              <strong>{m.displayName}</strong>
              {m.consent && (
                <div className="card">
                  {m.consent.location} · {m.consent.callbackNumber}
                </div>
              )}
            </div>
            <button type="button" onClick={() => send({ type: 'admit', memberId: m.id })} aria-label={`Admit ${m.displayName}`}>
              Admit
            </button>
            <button type="button" className="quiet" onClick={() => send({ type: 'deny', memberId: m.id })} aria-label={`Deny ${m.displayName}`}>
              Deny
            </button>
          </div>
        ))}
        {waiting.length > 1 && (
          <button type="button" onClick={() => send({ type: 'admitAll' })}>
            Admit all
          </button>
        )}
      </section>

      <section aria-label="Room">
        <h2>Room</h2>
        <div className="toggles">
          <Toggle label="Lock the room" on={view.locked} onChange={(locked) => send({ type: 'lockRoom', locked })} />
          <Toggle label="Lock unmuting" on={view.selfUnmuteLocked} onChange={(locked) => send({ type: 'lockSelfUnmute', locked })} />
          <Toggle label="Group chat" on={view.chatEnabled} onChange={(enabled) => send({ type: 'setChatEnabled', enabled })} />
        </div>
        <button type="button" onClick={() => send({ type: 'muteAll' })}>
          Mute all
        </button>
        <EndSession onEnd={() => send({ type: 'end' })} />
      </section>

      <section aria-label="Raised hands">
        <h2>Hands</h2>
        {view.handQueue.length === 0 && <p className="quiet-text">No hands raised.</p>}
        <ol>
          {view.handQueue.map((id) => (
            <li key={id}>
              {byId.get(id)?.displayName ?? 'Someone'}{' '}
              <button type="button" className="small" onClick={() => send({ type: 'lowerHand', memberId: id })}>
                Lower
              </button>
            </li>
          ))}
        </ol>
        {view.handQueue.length > 1 && (
          <button type="button" className="quiet" onClick={() => send({ type: 'lowerAllHands' })}>
            Lower all hands
          </button>
        )}
      </section>

      <section aria-label="In the room">
        <h2>In the room</h2>
        {inRoom.map((m) => (
          <MemberRow key={m.id} member={m} spotlit={view.spotlightId === m.id} aside={view.sideRooms.some((r) => r.memberId === m.id)} send={send} />
        ))}
      </section>
      {state.refusal && (
        <p role="alert" className="call-error">
          {state.refusal}
        </p>
      )}
    </aside>
  );
}

function MemberRow({
  member: m,
  spotlit,
  aside,
  send,
}: {
  member: FacilitatorMemberView;
  spotlit: boolean;
  aside: boolean;
  send: (c: MemberCommand) => void;
}) {
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const participant = m.role === 'participant';
  return (
    <div className="member-row" data-testid="room-member" data-name={m.displayName}>
      <div>
        <strong>{m.displayName}</strong>
        {m.role === 'facilitator' && <span className="quiet-text"> (facilitator)</span>}
        <div className="quiet-text">
          {!m.connected && 'reconnecting · '}
          {m.micMuted ? (m.mutedByFacilitator ? 'muted by a facilitator · ' : 'muted · ') : ''}
          talk-time {minutes(m.talkTimeMs)}
        </div>
        {m.consent && (
          <div className="card">
            {m.consent.location} · {m.consent.callbackNumber}
          </div>
        )}
      </div>
      <div className="row-actions">
        {m.micMuted ? (
          <button type="button" className="small" onClick={() => send({ type: 'releaseMute', memberId: m.id })} aria-label={`Allow ${m.displayName} to unmute`}>
            Allow unmute
          </button>
        ) : (
          <button type="button" className="small" onClick={() => send({ type: 'mute', memberId: m.id })} aria-label={`Mute ${m.displayName}`}>
            Mute
          </button>
        )}
        {!m.cameraOff && (
          <button type="button" className="small" onClick={() => send({ type: 'stopCamera', memberId: m.id })} aria-label={`Turn off ${m.displayName}'s camera`}>
            Camera off
          </button>
        )}
        <button
          type="button"
          className="small"
          onClick={() => send({ type: 'spotlight', memberId: spotlit ? null : m.id })}
          aria-label={spotlit ? `Stop spotlighting ${m.displayName}` : `Spotlight ${m.displayName}`}
        >
          {spotlit ? 'Unspotlight' : 'Spotlight'}
        </button>
        {participant &&
          (aside ? (
            <button type="button" className="small" onClick={() => send({ type: 'returnFromSide', memberId: m.id })} aria-label={`Return ${m.displayName} to the group`}>
              Return to group
            </button>
          ) : (
            <button type="button" className="small" onClick={() => send({ type: 'pullAside', memberId: m.id })} aria-label={`Take ${m.displayName} aside`}>
              Take aside
            </button>
          ))}
        {participant && (
          <button type="button" className="small" onClick={() => send({ type: 'sendToWaiting', memberId: m.id })} aria-label={`Send ${m.displayName} to the waiting room`}>
            To waiting room
          </button>
        )}
        {participant && !removing && (
          <button type="button" className="small danger" onClick={() => setRemoving(true)} aria-label={`Remove ${m.displayName}`}>
            Remove
          </button>
        )}
      </div>
      <Notes member={m} send={send} />
      {removing && (
        <form
          className="remove-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) send({ type: 'remove', memberId: m.id, reason: reason.trim() });
          }}
        >
          <label htmlFor={`reason-${m.id}`}>Reason (kept with the session record, not shown to others)</label>
          <input id={`reason-${m.id}`} value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={300} />
          <button type="submit" className="danger" aria-label={`Confirm removing ${m.displayName}`}>
            Remove from session
          </button>
          <button type="button" className="quiet" onClick={() => setRemoving(false)}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}

/** Private, time-stamped notes about a member: kept with the session, seen only by facilitators. */
function Notes({ member: m, send }: { member: FacilitatorMemberView; send: (c: MemberCommand) => void }) {
  const [text, setText] = useState('');
  return (
    <details className="notes">
      <summary>Private notes{m.notes.length ? ` (${m.notes.length})` : ''}</summary>
      <ul>
        {m.notes.map((n) => (
          <li key={`${n.at}-${n.text.length}`}>
            <time dateTime={new Date(n.at).toISOString()}>{new Date(n.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time> {n.text}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          send({ type: 'addNote', memberId: m.id, text: text.trim() });
          setText('');
        }}
      >
        <input aria-label={`Private note about ${m.displayName}`} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="small">
          Add note
        </button>
      </form>
    </details>
  );
}

function Toggle({ label, on, onChange }: { label: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="toggle">
      <input type="checkbox" role="switch" checked={on} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

function EndSession({ onEnd }: { onEnd: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        End session for everyone
      </button>
    );
  }
  return (
    <div className="confirm">
      <p>End the session? Everyone will be disconnected and the chat will be gone.</p>
      <button type="button" className="danger" onClick={onEnd}>
        Yes, end it
      </button>
      <button type="button" className="quiet" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </div>
  );
}
