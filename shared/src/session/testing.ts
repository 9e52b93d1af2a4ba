import type { Actor, Command, ConsentInput, MemberCommand } from './commands.js';
import type { FacilitatorCommandType } from './permissions.js';
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

/** A well-formed example of every facilitator command, aimed at P2 or W of groupInSession(). */
export const FACILITATOR_COMMAND_EXAMPLES: Record<FacilitatorCommandType, MemberCommand> = {
  admit: { type: 'admit', memberId: 'W' },
  admitAll: { type: 'admitAll' },
  deny: { type: 'deny', memberId: 'W' },
  sendToWaiting: { type: 'sendToWaiting', memberId: 'P2' },
  lockRoom: { type: 'lockRoom', locked: true },
  mute: { type: 'mute', memberId: 'P2' },
  muteAll: { type: 'muteAll' },
  releaseMute: { type: 'releaseMute', memberId: 'P2' },
  lockSelfUnmute: { type: 'lockSelfUnmute', locked: true },
  stopCamera: { type: 'stopCamera', memberId: 'P2' },
  remove: { type: 'remove', memberId: 'P2', reason: 'testing' },
  spotlight: { type: 'spotlight', memberId: 'P2' },
  lowerAllHands: { type: 'lowerAllHands' },
  setChatEnabled: { type: 'setChatEnabled', enabled: false },
  acknowledgeHelp: { type: 'acknowledgeHelp', memberId: 'P2' },
  addNote: { type: 'addNote', memberId: 'P2', text: 'a note' },
  end: { type: 'end' },
  startRound: { type: 'startRound', prompt: 'Check-in: one word for your week', order: 'roster', turnSeconds: 120, feedbackSeconds: null, speakerOnly: true },
  skipTurn: { type: 'skipTurn' },
  extendTurn: { type: 'extendTurn', seconds: 30 },
  previousTurn: { type: 'previousTurn' },
  pauseRound: { type: 'pauseRound' },
  resumeRound: { type: 'resumeRound' },
  reorderRound: { type: 'reorderRound', order: ['P3', 'P2'] },
  endRound: { type: 'endRound' },
  startPulse: { type: 'startPulse', question: 'Mood right now, 1–10?' },
  closePulse: { type: 'closePulse' },
  startBreakout: { type: 'startBreakout', prompt: 'Share one hope for this week', durationSeconds: 600, groups: [['P1', 'P2'], ['P3', 'F']] },
  extendBreakout: { type: 'extendBreakout', seconds: 120 },
  endBreakout: { type: 'endBreakout' },
  listenIn: { type: 'listenIn', groupId: 'g1' },
  broadcastToGroups: { type: 'broadcastToGroups', text: 'Two minutes left: the listener sums up' },
  acknowledgePairHelp: { type: 'acknowledgePairHelp', groupId: 'g1' },
  joinGroup: { type: 'joinGroup', groupId: 'g1' },
  placeInGroup: { type: 'placeInGroup', memberId: 'P3', groupId: 'g1' },
  pullAside: { type: 'pullAside', memberId: 'P2' },
  returnFromSide: { type: 'returnFromSide', memberId: 'P2' },
  startBreak: { type: 'startBreak', minutes: 10 },
  extendBreak: { type: 'extendBreak', minutes: 5 },
  endBreak: { type: 'endBreak' },
};

/**
 * What must be true before a facilitator command can be accepted: an open help request,
 * a running round (its second turn for going back; paused for resuming).
 */
export function preparedFor(type: FacilitatorCommandType, state: SessionState): SessionState {
  const f = as('F');
  const round: [Command, Actor] = [FACILITATOR_COMMAND_EXAMPLES.startRound, f];
  switch (type) {
    case 'acknowledgeHelp':
      return given(state, [[{ type: 'requestHelp' }, as('P2')]]);
    case 'acknowledgePairHelp':
      return given(state, [[FACILITATOR_COMMAND_EXAMPLES.startBreakout, f], [{ type: 'askPairHelp' }, as('P2')]]);
    case 'skipTurn':
    case 'extendTurn':
    case 'pauseRound':
    case 'reorderRound':
    case 'endRound':
      return given(state, [round]);
    case 'previousTurn':
      return given(state, [round, [{ type: 'skipTurn' }, f]]);
    case 'resumeRound':
      return given(state, [round, [{ type: 'pauseRound' }, f]]);
    case 'closePulse':
      return given(state, [[FACILITATOR_COMMAND_EXAMPLES.startPulse, f]]);
    case 'returnFromSide':
      return given(state, [[FACILITATOR_COMMAND_EXAMPLES.pullAside, f]]);
    case 'extendBreak':
    case 'endBreak':
      return given(state, [[FACILITATOR_COMMAND_EXAMPLES.startBreak, f]]);
    case 'extendBreakout':
    case 'endBreakout':
    case 'listenIn':
    case 'broadcastToGroups':
    case 'joinGroup':
    case 'placeInGroup':
      return given(state, [[FACILITATOR_COMMAND_EXAMPLES.startBreakout, f]]);
    default:
      return state;
  }
}
