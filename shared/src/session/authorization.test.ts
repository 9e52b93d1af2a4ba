import { describe, expect, it } from 'vitest';
import type { Command, MemberCommand, SystemCommand } from './commands.js';
import { SYSTEM } from './commands.js';
import { FACILITATOR_COMMANDS, SYSTEM_COMMANDS, type FacilitatorCommandType, type SystemCommandType } from './permissions.js';
import { reduce } from './reduce.js';
import { as, consent, groupInSession } from './testing.js';

/** A well-formed example of every facilitator command, aimed at someone it could apply to. */
const facilitatorExamples: Record<FacilitatorCommandType, MemberCommand> = {
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
};

const systemExamples: Record<SystemCommandType, SystemCommand> = {
  enter: { type: 'enter', member: { id: 'X', displayName: 'X', role: 'facilitator' }, consent },
  connectionLost: { type: 'connectionLost', memberId: 'P2' },
  connectionResumed: { type: 'connectionResumed', memberId: 'P2' },
  expireGrace: { type: 'expireGrace' },
  leave: { type: 'leave', memberId: 'P2' },
  recordTalkTime: { type: 'recordTalkTime', memberId: 'P2', ms: 1000 },
};

describe('authorisation matrix', () => {
  it('covers every facilitator and system command', () => {
    expect(Object.keys(facilitatorExamples).sort()).toEqual([...FACILITATOR_COMMANDS].sort());
    expect(Object.keys(systemExamples).sort()).toEqual([...SYSTEM_COMMANDS].sort());
  });

  for (const [type, command] of Object.entries(facilitatorExamples)) {
    it(`[ROL2] ${type} from a participant is refused and changes nothing; a facilitator may send it`, () => {
      const state = groupInSession();
      const before = JSON.stringify(state);
      const byParticipant = reduce(state, command, as('P1'), 5_000);
      expect(byParticipant).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(state)).toBe(before);
      // The example is valid: the same command from the co-facilitator is accepted
      // (acknowledgeHelp needs an open request first).
      const prepared = type === 'acknowledgeHelp' ? (reduce(state, { type: 'requestHelp' }, as('P2'), 1) as { state: typeof state }).state : state;
      expect(reduce(prepared, command, as('G'), 5_000).ok).toBe(true);
    });

    it(`[ROL4] ${type} from someone in the waiting room is refused`, () => {
      expect(reduce(groupInSession(), command, as('W'), 5_000)).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
    });
  }

  for (const [type, command] of Object.entries(systemExamples)) {
    it(`[ROL3] ${type} from any member, facilitators included, is refused; from the server it is accepted`, () => {
      const state = groupInSession();
      for (const who of ['F', 'G', 'P1', 'W']) {
        expect(reduce(state, command as Command, as(who), 5_000)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      const lost = (reduce(state, { type: 'connectionLost', memberId: 'P2' }, SYSTEM, 0) as { state: typeof state }).state;
      expect(reduce(type === 'connectionResumed' || type === 'expireGrace' ? lost : state, command as Command, SYSTEM, 10 ** 9).ok).toBe(true);
    });
  }
});
