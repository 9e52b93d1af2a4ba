import type { Effect } from './effects.js';
import type { SessionErrorCode } from './errors.js';
import type { Member, SessionState } from './state.js';

/** A mutable copy being changed by one command, and what the server must then do. */
export type Draft = { state: SessionState; effects: Effect[]; actorId: string | null; now: number };

export class Refusal extends Error {
  constructor(
    readonly code: SessionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const refuse = (code: SessionErrorCode, message: string): never => {
  throw new Refusal(code, message);
};

export function audit(d: Draft, action: Extract<Effect, { type: 'audit' }>['action'], targetId: string | null): void {
  d.effects.push({ type: 'audit', action, actorId: d.actorId, targetId });
}

export function member(d: Draft, id: string): Member {
  return d.state.members[id] ?? refuse('NOT_FOUND', 'no such member');
}

export function self(d: Draft): Member {
  return member(d, d.actorId ?? refuse('FORBIDDEN', 'a member command needs a member'));
}

export function waiting(d: Draft, id: string): Member {
  const m = member(d, id);
  if (m.status !== 'waiting') refuse('INVALID_STATE', 'that person is not in the waiting room');
  return m;
}

export function admittedMember(d: Draft, id: string): Member {
  const m = member(d, id);
  if (m.status !== 'admitted') refuse('INVALID_STATE', 'that person is not in the room');
  return m;
}

/** An admitted member other than the actor. */
export function otherAdmitted(d: Draft, id: string): Member {
  if (id === d.actorId) refuse('INVALID_STATE', 'use your own controls for yourself');
  return admittedMember(d, id);
}

/** An admitted participant: facilitators cannot be sent out or removed by each other. */
export function participant(d: Draft, id: string): Member {
  const m = admittedMember(d, id);
  if (m.role !== 'participant') refuse('INVALID_STATE', 'only participants can be moved or removed');
  return m;
}

export function admittedParticipants(d: Draft): Member[] {
  return Object.values(d.state.members).filter((m) => m.status === 'admitted' && m.role === 'participant');
}
