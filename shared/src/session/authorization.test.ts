import { describe, expect, it } from 'vitest';
import type { Command, SystemCommand } from './commands.js';
import { SYSTEM } from './commands.js';
import { FACILITATOR_COMMANDS, SYSTEM_COMMANDS, type SystemCommandType } from './permissions.js';
import { reduce } from './reduce.js';
import { FACILITATOR_COMMAND_EXAMPLES, as, consent, groupInSession, preparedFor } from './testing.js';

const facilitatorExamples = FACILITATOR_COMMAND_EXAMPLES;

const systemExamples: Record<SystemCommandType, SystemCommand> = {
  enter: { type: 'enter', member: { id: 'X', displayName: 'X', role: 'facilitator' }, consent },
  connectionLost: { type: 'connectionLost', memberId: 'P2' },
  connectionResumed: { type: 'connectionResumed', memberId: 'P2' },
  expireGrace: { type: 'expireGrace' },
  leave: { type: 'leave', memberId: 'P2' },
  recordTalkTime: { type: 'recordTalkTime', memberId: 'P2', ms: 1000 },
  videoSent: { type: 'videoSent', memberId: 'P2', sent: true },
  advanceDueTurn: { type: 'advanceDueTurn' },
  breakoutTick: { type: 'breakoutTick' },
  breakTick: { type: 'breakTick' },
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
      // The example is valid: the same command from the co-facilitator is accepted.
      const prepared = preparedFor(type as keyof typeof facilitatorExamples, state);
      expect(reduce(prepared, command, as('G'), 5_000)).toMatchObject({ ok: true });
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
