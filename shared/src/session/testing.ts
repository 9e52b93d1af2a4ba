import type { Actor, Command, ConsentInput } from './commands.js';
import { reduce } from './reduce.js';
import { newSession, type SessionState } from './state.js';

/** Builders for tests of the model (shared by the server's tests too). */
export const consent: ConsentInput = { agreed: true, location: 'Home, Springfield', callbackNumber: '+1 555 0100' };

export const as = (memberId: string): Actor => ({ kind: 'member', memberId });

/** Applies commands that must succeed, for building a starting state. */
export function given(state: SessionState, steps: [Command, Actor][], now = 1_000): SessionState {
  for (const [command, actor] of steps) {
    const result = reduce(state, command, actor, now);
    if (!result.ok) throw new Error(`setup step ${command.type} refused: ${result.error.code} ${result.error.message}`);
    state = result.state;
  }
  return state;
}

/**
 * A session with facilitator F, co-facilitator G, admitted participants P1–P3 and W in
 * the waiting room.
 */
export function groupInSession(): SessionState {
  const sys: Actor = { kind: 'system' };
  const enter = (id: string, role: 'facilitator' | 'participant'): [Command, Actor] => [
    { type: 'enter', member: { id, displayName: id, role }, consent: role === 'participant' ? consent : null },
    sys,
  ];
  return given(newSession('s1'), [
    enter('F', 'facilitator'),
    enter('G', 'facilitator'),
    enter('P1', 'participant'),
    enter('P2', 'participant'),
    enter('P3', 'participant'),
    enter('W', 'participant'),
    [{ type: 'admit', memberId: 'P1' }, as('F')],
    [{ type: 'admit', memberId: 'P2' }, as('F')],
    [{ type: 'admit', memberId: 'P3' }, as('G')],
  ]);
}
