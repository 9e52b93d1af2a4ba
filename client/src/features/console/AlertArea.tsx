import { CircleCheck, Ear, LifeBuoy, MapPin, Phone, UserRound, Users } from 'lucide-react';
import type { FacilitatorMemberView, MemberCommand } from '@hearth/shared';
import { joinNames, type ConsoleAlert } from './alerts';

type Props = { alerts: readonly ConsoleAlert[]; send: (command: MemberCommand) => void };

const clockTime = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/**
 * The top of the console, outside its scrolling part: whatever needs a facilitator now,
 * newest first, each with what to do about it in place. Nothing here goes away by itself.
 */
export function AlertArea({ alerts, send }: Props) {
  const waiting = alerts.filter((a) => a.kind === 'waiting').length;
  return (
    <section className="console-alerts" aria-labelledby="console-alerts-title" data-testid="console-alerts" data-count={alerts.length}>
      <div className="console-alerts-head">
        <h2 id="console-alerts-title" className={alerts.length ? 'console-alerts-title' : 'console-alerts-title visually-hidden'}>
          Needs you now <span className="badge badge-attention">{alerts.length}</span>
        </h2>
        {alerts.length === 0 && (
          <p className="console-alerts-empty">
            <CircleCheck aria-hidden="true" /> Nobody is waiting or asking for help.
          </p>
        )}
        {waiting > 1 && (
          <button type="button" className="btn btn-primary console-admit-all" onClick={() => send({ type: 'admitAll' })}>
            Admit all {waiting}
          </button>
        )}
      </div>
      {alerts.length > 0 && (
        <ul className="console-alert-list">
          {alerts.map((a) => (
            <li key={a.key}>
              <AlertCard alert={a} send={send} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AlertCard({ alert: a, send }: { alert: ConsoleAlert; send: Props['send'] }) {
  switch (a.kind) {
    case 'help':
      return (
        <article className="console-alert console-alert-help" data-testid="help-alert" data-name={a.member.displayName} aria-label={`${a.member.displayName} asked for help`}>
          <LifeBuoy className="console-alert-icon" aria-hidden="true" />
          <div className="console-alert-text">
            <p>
              <strong>{a.member.displayName}</strong> asked for help <span className="muted">· {clockTime(a.at)}{whereNow(a.member)}</span>
            </p>
            <Contact member={a.member} />
          </div>
          <button type="button" className="btn btn-attention" aria-label={`Acknowledge ${a.member.displayName}'s request`} onClick={() => send({ type: 'acknowledgeHelp', memberId: a.member.id })}>
            Acknowledge
          </button>
        </article>
      );
    case 'pair-help':
      return (
        <article className="console-alert console-alert-help" data-testid="pair-help-alert" aria-label={`${joinNames(a.names)} asked for a facilitator`}>
          <Users className="console-alert-icon" aria-hidden="true" />
          <div className="console-alert-text">
            <p>
              <strong>{joinNames(a.names)}</strong> asked for a facilitator <span className="muted">· {clockTime(a.at)}</span>
            </p>
            <div className="console-alert-actions">
              <button type="button" className="btn" onClick={() => send({ type: 'listenIn', groupId: a.groupId })}>
                <Ear aria-hidden="true" /> Listen in
              </button>
              <button type="button" className="btn" onClick={() => send({ type: 'joinGroup', groupId: a.groupId })}>
                Join
              </button>
            </div>
          </div>
          <button type="button" className="btn btn-attention" aria-label={`Acknowledge ${joinNames(a.names)}'s request`} onClick={() => send({ type: 'acknowledgePairHelp', groupId: a.groupId })}>
            Acknowledge
          </button>
        </article>
      );
    case 'waiting':
      return (
        <article className="console-alert console-alert-waiting" data-testid="waiting-member" data-name={a.member.displayName} aria-label={`${a.member.displayName} is waiting`}>
          <UserRound className="console-alert-icon" aria-hidden="true" />
          <div className="console-alert-text">
            <p>
              <strong>{a.member.displayName}</strong> is waiting <span className="muted">· since {clockTime(a.at)}</span>
            </p>
            <p className="console-alert-detail muted">
              {a.member.consent ? `${a.member.consent.location} · ${a.member.consent.callbackNumber}` : 'No consent details yet'}
            </p>
          </div>
          <div className="console-alert-buttons">
            <button type="button" className="btn btn-primary" aria-label={`Admit ${a.member.displayName}`} onClick={() => send({ type: 'admit', memberId: a.member.id })}>
              Admit
            </button>
            <button type="button" className="btn btn-quiet" aria-label={`Deny ${a.member.displayName}`} onClick={() => send({ type: 'deny', memberId: a.member.id })}>
              Deny
            </button>
          </div>
        </article>
      );
    default: {
      const unknown: never = a;
      return unknown;
    }
  }
}

/** Where they are now, if not simply in the room: the help card still stands when they are not. */
function whereNow(m: FacilitatorMemberView): string {
  if (m.status === 'waiting') return ' · in the waiting room';
  if (m.status === 'admitted') return m.connected ? '' : ' · reconnecting';
  return ' · no longer in the session';
}

/** Location and callback number, as given at the consent gate tonight. */
export function Contact({ member }: { member: FacilitatorMemberView }) {
  const consent = member.consent;
  return (
    <p className="console-contact">
      <span>
        <MapPin aria-hidden="true" />
        <span className="visually-hidden">Location: </span>
        {consent?.location ?? 'No location given'}
      </span>
      <span>
        <Phone aria-hidden="true" />
        <span className="visually-hidden">Callback: </span>
        {consent?.callbackNumber ? <a href={`tel:${consent.callbackNumber.replace(/[^\d+]/g, '')}`}>{consent.callbackNumber}</a> : 'No number given'}
      </span>
    </p>
  );
}
