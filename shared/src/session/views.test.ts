import { describe, expect, it } from 'vitest';
import { SYSTEM } from './commands.js';
import { newSession } from './state.js';
import { as, consent, given, groupInSession } from './testing.js';
import { maySendChat, viewFor } from './views.js';

const PRIVATE_FIELDS = ['consent', 'notes', 'talkTimeMs', 'helpRequestedAt', 'removalReason', 'admittedAt', 'cameraOffSince'];

describe('views', () => {
  const state = () =>
    given(groupInSession(), [
      [{ type: 'requestHelp' }, as('P1')],
      [{ type: 'recordTalkTime', memberId: 'P2', ms: 4_000 }, SYSTEM],
      [{ type: 'raiseHand' }, as('P3')],
      [{ type: 'addNote', memberId: 'P3', text: 'seemed low tonight' }, as('F')],
    ]);

  it('[VIEW1] a participant sees admitted members only, with nothing private', () => {
    const view = viewFor(state(), 'P2', 1_000);
    if (view?.kind !== 'participant') throw new Error(`got ${view?.kind}`);
    expect(view.members.map((m) => m.id).sort()).toEqual(['F', 'G', 'P1', 'P2', 'P3']);
    const text = JSON.stringify(view);
    for (const field of PRIVATE_FIELDS) expect(text).not.toContain(`"${field}"`);
    expect(text).not.toContain('Springfield');
    expect(text).not.toContain('seemed low');
    expect(view.members.find((m) => m.id === 'P3')!.handPosition).toBe(1);
  });

  it('[MED1] a member is told whom they see and hear, and why their microphone is not heard, as the media room applies it', () => {
    const media = (s: ReturnType<typeof groupInSession>, id: string) => {
      const view = viewFor(s, id, 1_000);
      if (view?.kind !== 'participant' && view?.kind !== 'facilitator') throw new Error(`got ${view?.kind}`);
      return { receiving: [...view.media.receiving].sort(), micRefusal: view.media.micRefusal };
    };
    expect(media(groupInSession(), 'P1')).toEqual({ receiving: ['F', 'G', 'P2', 'P3'], micRefusal: null });
    const paired = given(groupInSession(), [[{ type: 'startBreakout', prompt: 'one hope', durationSeconds: 600, groups: [['P1', 'P2'], ['P3', 'G']] }, as('F')]]);
    expect(media(paired, 'P1').receiving).toEqual(['P2']);
    expect(media(paired, 'F').receiving).toEqual([]);
    const round = given(groupInSession(), [
      [{ type: 'mute', memberId: 'P3' }, as('F')],
      [{ type: 'startRound', prompt: 'check-in', order: 'custom', customOrder: ['P1', 'P2'], turnSeconds: 60, feedbackSeconds: null, speakerOnly: true }, as('F')],
    ]);
    expect([media(round, 'P1').micRefusal, media(round, 'P2').micRefusal, media(round, 'G').micRefusal]).toEqual([null, 'NOT_YOUR_TURN', null]);
    const afterRound = given(round, [[{ type: 'endRound' }, as('F')]]);
    expect([media(afterRound, 'P2').micRefusal, media(afterRound, 'P3').micRefusal]).toEqual([null, 'UNMUTE_LOCKED']);
  });

  it('[VIEW2] someone waiting sees no roster and nothing of the room', () => {
    const view = viewFor(state(), 'W', 1_000);
    expect(view).toEqual({
      sessionId: 's1',
      version: state().version,
      ended: false,
      kind: 'waiting',
      self: expect.objectContaining({ id: 'W', status: 'waiting' }),
      facilitatorPresent: true,
    });
  });

  it('[VIEW5] someone waiting is told whether a facilitator is there, as facilitators drop, return and leave', () => {
    const present = (s: ReturnType<typeof state>) => {
      const view = viewFor(s, 'W', 1_000);
      if (view?.kind !== 'waiting') throw new Error(`got ${view?.kind}`);
      return view.facilitatorPresent;
    };
    // Nobody has arrived yet but the member waiting.
    const early = given(newSession('s1'), [[{ type: 'enter', member: { id: 'W', displayName: 'W', role: 'participant' }, consent }, SYSTEM]]);
    expect(present(early)).toBe(false);
    const fArrives = given(early, [[{ type: 'enter', member: { id: 'F', displayName: 'F', role: 'facilitator' }, consent: null }, SYSTEM]]);
    expect(present(fArrives)).toBe(true);

    const oneDropped = given(state(), [[{ type: 'connectionLost', memberId: 'F' }, SYSTEM]]);
    expect(present(oneDropped)).toBe(true);
    const bothDropped = given(oneDropped, [[{ type: 'connectionLost', memberId: 'G' }, SYSTEM]]);
    expect(present(bothDropped)).toBe(false);
    expect(present(given(bothDropped, [[{ type: 'connectionResumed', memberId: 'G' }, SYSTEM]]))).toBe(true);
    const bothLeft = given(state(), [
      [{ type: 'leave', memberId: 'F' }, SYSTEM],
      [{ type: 'leave', memberId: 'G' }, SYSTEM],
    ]);
    expect(present(bothLeft)).toBe(false);
    // Nothing else of the room comes with it.
    expect(Object.keys(viewFor(bothLeft, 'W', 1_000)!).sort()).toEqual(['ended', 'facilitatorPresent', 'kind', 'self', 'sessionId', 'version']);
  });

  it('[VIEW3] a removed member sees only why', () => {
    const s = given(state(), [[{ type: 'remove', memberId: 'P2', reason: 'private reason' }, as('F')]]);
    const view = viewFor(s, 'P2', 1_000);
    expect(view).toMatchObject({ kind: 'outside', reason: 'removed' });
    expect(JSON.stringify(view)).not.toContain('private reason');
  });

  it('[VIEW4] a facilitator sees everyone, waiting room included, with private cards', () => {
    const view = viewFor(state(), 'G', 1_000);
    if (view?.kind !== 'facilitator') throw new Error(`got ${view?.kind}`);
    expect(view.members.map((m) => m.id).sort()).toEqual(['F', 'G', 'P1', 'P2', 'P3', 'W']);
    const p1 = view.members.find((m) => m.id === 'P1')!;
    expect(p1.consent).toMatchObject({ location: 'Home, Springfield', callbackNumber: '+1 555 0100' });
    expect(p1.helpRequestedAt).toBe(1_000);
    expect(view.members.find((m) => m.id === 'P2')!.talkTimeMs).toBe(4_000);
    expect(view.members.find((m) => m.id === 'P3')!.notes).toEqual([{ at: 1_000, authorId: 'F', text: 'seemed low tonight' }]);
  });

  it('[CHT2] group chat follows the switch; the private line to facilitators stays open', () => {
    const off = given(state(), [[{ type: 'setChatEnabled', enabled: false }, as('F')]]);
    expect(maySendChat(state(), 'P1', 'everyone')).toBe(true);
    expect(maySendChat(off, 'P1', 'everyone')).toBe(false);
    expect(maySendChat(off, 'P1', 'facilitators')).toBe(true);
    expect(maySendChat(off, 'F', 'everyone')).toBe(true);
    expect(maySendChat(off, 'W', 'facilitators')).toBe(false);
  });
});
