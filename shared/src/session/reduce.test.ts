import { describe, expect, it } from 'vitest';
import type { Command } from './commands.js';
import { SYSTEM } from './commands.js';
import { reduce, type ReduceResult } from './reduce.js';
import { audibleMemberIds, sendRefusal } from './rounds.js';
import { RECONNECT_GRACE_MS, newSession, type SessionState } from './state.js';
import { as, consent, given, groupInSession } from './testing.js';

const NOW = 5_000;

function accepted(result: ReduceResult): { state: SessionState; effects: Extract<ReduceResult, { ok: true }>['effects'] } {
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  return result;
}

function refusedWith(result: ReduceResult, code: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe(code);
}

describe('roles and authority', () => {
  it('[ROL3] a member cannot send a system command', () => {
    const s = groupInSession();
    refusedWith(reduce(s, { type: 'leave', memberId: 'P2' }, as('P1'), NOW), 'FORBIDDEN');
    refusedWith(reduce(s, { type: 'recordTalkTime', memberId: 'P1', ms: 99_999 }, as('F'), NOW), 'FORBIDDEN');
  });

  it('[ROL4] a waiting member may only ask for help', () => {
    const s = groupInSession();
    refusedWith(reduce(s, { type: 'raiseHand' }, as('W'), NOW), 'NOT_ADMITTED');
    refusedWith(reduce(s, { type: 'setMicMuted', muted: false }, as('W'), NOW), 'NOT_ADMITTED');
    expect(reduce(s, { type: 'requestHelp' }, as('W'), NOW).ok).toBe(true);
  });

  it('[ROL1] someone not in the session is refused', () => {
    refusedWith(reduce(groupInSession(), { type: 'raiseHand' }, as('stranger'), NOW), 'FORBIDDEN');
  });
});

describe('entering', () => {
  it('[ENT1] a participant with consent waits, consent stored and audited', () => {
    const r = accepted(reduce(newSession('s'), { type: 'enter', member: { id: 'A', displayName: 'Ana', role: 'participant' }, consent }, SYSTEM, NOW));
    expect(r.state.members['A']).toMatchObject({ status: 'waiting', consent: { agreedAt: NOW, location: consent.location, callbackNumber: consent.callbackNumber } });
    expect(r.effects.filter((e) => e.type === 'audit').map((e) => e.type === 'audit' && e.action)).toEqual(['entered', 'consent-given']);
    expect(r.effects.some((e) => e.type === 'media.attach')).toBe(false);
  });

  it('[ENT2] a locked room refuses a new participant', () => {
    const s = given(groupInSession(), [[{ type: 'lockRoom', locked: true }, as('F')]]);
    refusedWith(reduce(s, { type: 'enter', member: { id: 'N', displayName: 'New', role: 'participant' }, consent }, SYSTEM, NOW), 'ROOM_LOCKED');
  });

  it('[ENT3] a removed participant cannot come back', () => {
    const s = given(groupInSession(), [[{ type: 'remove', memberId: 'P1', reason: 'disruptive' }, as('F')]]);
    refusedWith(reduce(s, { type: 'enter', member: { id: 'P1', displayName: 'P1', role: 'participant' }, consent }, SYSTEM, NOW), 'REMOVED');
  });

  it('[ENT4] a facilitator enters admitted, with media, without consent', () => {
    const r = accepted(reduce(newSession('s'), { type: 'enter', member: { id: 'F', displayName: 'Fran', role: 'facilitator' }, consent: null }, SYSTEM, NOW));
    expect(r.state.members['F']!.status).toBe('admitted');
    expect(r.effects).toContainEqual({ type: 'media.attach', memberId: 'F' });
  });

  it('[ENT5] a participant without consent is refused', () => {
    refusedWith(reduce(newSession('s'), { type: 'enter', member: { id: 'A', displayName: 'Ana', role: 'participant' }, consent: null }, SYSTEM, NOW), 'CONSENT_REQUIRED');
  });
});

describe('waiting room', () => {
  it('[WAI1] admitting lets the participant in with media', () => {
    const r = accepted(reduce(groupInSession(), { type: 'admit', memberId: 'W' }, as('G'), NOW));
    expect(r.state.members['W']).toMatchObject({ status: 'admitted', admittedAt: NOW });
    expect(r.effects).toContainEqual({ type: 'media.attach', memberId: 'W' });
    expect(r.effects).toContainEqual({ type: 'audit', action: 'admitted', actorId: 'G', targetId: 'W' });
  });

  it('[WAI1] only someone waiting can be admitted', () => {
    refusedWith(reduce(groupInSession(), { type: 'admit', memberId: 'P1' }, as('F'), NOW), 'INVALID_STATE');
    refusedWith(reduce(groupInSession(), { type: 'admit', memberId: 'ghost' }, as('F'), NOW), 'NOT_FOUND');
  });

  it('[WAI2] admit all lets every waiting participant in; with nobody waiting it is refused', () => {
    const s = given(groupInSession(), [[{ type: 'enter', member: { id: 'X', displayName: 'X', role: 'participant' }, consent }, SYSTEM]]);
    const r = accepted(reduce(s, { type: 'admitAll' }, as('F'), NOW));
    expect(['W', 'X'].map((id) => r.state.members[id]!.status)).toEqual(['admitted', 'admitted']);
    refusedWith(reduce(r.state, { type: 'admitAll' }, as('F'), NOW), 'INVALID_STATE');
  });

  it('[WAI3] denying disconnects; the person may knock again', () => {
    const r = accepted(reduce(groupInSession(), { type: 'deny', memberId: 'W' }, as('F'), NOW));
    expect(r.state.members['W']!.status).toBe('denied');
    expect(r.effects).toContainEqual({ type: 'disconnect', memberId: 'W', reason: 'denied' });
    const again = accepted(reduce(r.state, { type: 'enter', member: { id: 'W', displayName: 'W', role: 'participant' }, consent }, SYSTEM, NOW));
    expect(again.state.members['W']!.status).toBe('waiting');
  });

  it('[WAI4] sending back to the waiting room closes media, lowers the hand and clears the spotlight', () => {
    const s = given(groupInSession(), [
      [{ type: 'raiseHand' }, as('P1')],
      [{ type: 'spotlight', memberId: 'P1' }, as('F')],
    ]);
    const r = accepted(reduce(s, { type: 'sendToWaiting', memberId: 'P1' }, as('F'), NOW));
    expect(r.state.members['P1']!.status).toBe('waiting');
    expect(r.state.handQueue).toEqual([]);
    expect(r.state.spotlightId).toBeNull();
    expect(r.effects).toContainEqual({ type: 'media.detach', memberId: 'P1' });
  });
});

describe('waiting since (WAI5)', () => {
  it('[WAI5] facilitators see since when someone waits; admitting, denying or leaving clears it; sent back starts it again', () => {
    const s = groupInSession();
    expect(s.members['W']!.waitingSince).toBe(1_000);
    expect(s.members['P1']!.waitingSince).toBeNull();
    expect(s.members['F']!.waitingSince).toBeNull();
    expect(accepted(reduce(s, { type: 'admit', memberId: 'W' }, as('F'), NOW)).state.members['W']!.waitingSince).toBeNull();
    expect(accepted(reduce(s, { type: 'deny', memberId: 'W' }, as('F'), NOW)).state.members['W']!.waitingSince).toBeNull();
    const back = accepted(reduce(s, { type: 'sendToWaiting', memberId: 'P1' }, as('F'), NOW)).state;
    expect(back.members['P1']!.waitingSince).toBe(NOW);
    // A reload while waiting keeps the place in the line.
    const reloaded = accepted(reduce(back, { type: 'enter', member: { id: 'P1', displayName: 'P1', role: 'participant' }, consent }, SYSTEM, NOW + 50)).state;
    expect(reloaded.members['P1']!.waitingSince).toBe(NOW);
    const gone = given(back, [[{ type: 'connectionLost', memberId: 'P1' }, SYSTEM]], NOW);
    const expired = accepted(reduce(gone, { type: 'expireGrace' }, SYSTEM, NOW + RECONNECT_GRACE_MS)).state;
    expect(expired.members['P1']).toMatchObject({ status: 'left', waitingSince: null });
  });
});

describe('room lock', () => {
  it('[LCK1] locking and unlocking is recorded', () => {
    const r = accepted(reduce(groupInSession(), { type: 'lockRoom', locked: true }, as('F'), NOW));
    expect(r.state.locked).toBe(true);
    expect(r.effects).toContainEqual({ type: 'audit', action: 'room-locked', actorId: 'F', targetId: null });
  });
});

describe('microphones', () => {
  it('[MUT1] a facilitator mutes one member on the SFU', () => {
    const r = accepted(reduce(groupInSession(), { type: 'mute', memberId: 'P2' }, as('F'), NOW));
    expect(r.state.members['P2']).toMatchObject({ micMuted: true, mutedByFacilitator: true });
    expect(sendRefusal(r.state, 'P2', 'mic')).toBe('UNMUTE_LOCKED');
    expect(audibleMemberIds(r.state)).not.toContain('P2');
  });

  it('[MUT2] mute all silences every participant but not the facilitators', () => {
    const r = accepted(reduce(groupInSession(), { type: 'muteAll' }, as('F'), NOW));
    expect(audibleMemberIds(r.state).sort()).toEqual(['F', 'G']);
    expect(r.state.members['G']!.micMuted).toBe(false);
    expect(r.state.members['W']!.micMuted).toBe(false);
  });

  it('[MUT3] anyone may mute themselves', () => {
    const r = accepted(reduce(groupInSession(), { type: 'setMicMuted', muted: true }, as('P3'), NOW));
    expect(r.state.members['P3']).toMatchObject({ micMuted: true, mutedByFacilitator: false });
    expect(audibleMemberIds(r.state)).not.toContain('P3');
  });

  it('[MUT4] a muted participant cannot unmute while the lock is on; a facilitator can', () => {
    const s = given(groupInSession(), [
      [{ type: 'muteAll' }, as('F')],
      [{ type: 'lockSelfUnmute', locked: true }, as('F')],
      [{ type: 'setMicMuted', muted: true }, as('G')],
    ]);
    refusedWith(reduce(s, { type: 'setMicMuted', muted: false }, as('P1'), NOW), 'UNMUTE_LOCKED');
    expect(accepted(reduce(s, { type: 'setMicMuted', muted: false }, as('G'), NOW)).state.members['G']!.micMuted).toBe(false);
    const unlocked = given(s, [[{ type: 'lockSelfUnmute', locked: false }, as('F')]]);
    expect(accepted(reduce(unlocked, { type: 'setMicMuted', muted: false }, as('P1'), NOW)).state.members['P1']!.micMuted).toBe(false);
  });

  it('[MUT5] a released participant may unmute despite the lock, but is not unmuted for them', () => {
    const s = given(groupInSession(), [
      [{ type: 'muteAll' }, as('F')],
      [{ type: 'lockSelfUnmute', locked: true }, as('F')],
      [{ type: 'releaseMute', memberId: 'P1' }, as('G')],
    ]);
    expect(s.members['P1']!.micMuted).toBe(true);
    expect(reduce(s, { type: 'setMicMuted', muted: false }, as('P1'), NOW).ok).toBe(true);
    refusedWith(reduce(s, { type: 'setMicMuted', muted: false }, as('P2'), NOW), 'UNMUTE_LOCKED');
  });

  it('[MUT6] locking again takes back releases', () => {
    const s = given(groupInSession(), [
      [{ type: 'muteAll' }, as('F')],
      [{ type: 'lockSelfUnmute', locked: true }, as('F')],
      [{ type: 'releaseMute', memberId: 'P1' }, as('F')],
      [{ type: 'lockSelfUnmute', locked: true }, as('F')],
    ]);
    refusedWith(reduce(s, { type: 'setMicMuted', muted: false }, as('P1'), NOW), 'UNMUTE_LOCKED');
  });

  it('[MUT7] a participant admitted under the lock comes in muted', () => {
    const s = given(groupInSession(), [[{ type: 'lockSelfUnmute', locked: true }, as('F')]]);
    const r = accepted(reduce(s, { type: 'admit', memberId: 'W' }, as('F'), NOW));
    expect(r.state.members['W']).toMatchObject({ micMuted: true, mutedByFacilitator: true });
    expect(sendRefusal(r.state, 'W', 'mic')).toBe('UNMUTE_LOCKED');
  });

  it('[MUT1] a facilitator uses their own controls for themselves', () => {
    refusedWith(reduce(groupInSession(), { type: 'mute', memberId: 'F' }, as('F'), NOW), 'INVALID_STATE');
  });
});

describe('cameras', () => {
  it('[CAM1] a facilitator stops a camera; the member may start it again', () => {
    const r = accepted(reduce(groupInSession(), { type: 'stopCamera', memberId: 'P1' }, as('F'), NOW));
    expect(r.state.members['P1']!.cameraOff).toBe(true);
    expect(r.effects).toEqual([{ type: 'media.stopCamera', memberId: 'P1' }]);
    expect(accepted(reduce(r.state, { type: 'setCameraOff', off: false }, as('P1'), NOW)).state.members['P1']!.cameraOff).toBe(false);
  });

  it('[CAM1] turning one’s own camera off stops it on the SFU', () => {
    expect(accepted(reduce(groupInSession(), { type: 'setCameraOff', off: true }, as('P2'), NOW)).effects).toEqual([
      { type: 'media.stopCamera', memberId: 'P2' },
    ]);
  });
});

describe('removal', () => {
  it('[REM1] removing closes media, disconnects, keeps the reason and clears hand and spotlight', () => {
    const s = given(groupInSession(), [
      [{ type: 'raiseHand' }, as('P2')],
      [{ type: 'spotlight', memberId: 'P2' }, as('F')],
    ]);
    const r = accepted(reduce(s, { type: 'remove', memberId: 'P2', reason: 'left the call open in a café' }, as('F'), NOW));
    expect(r.state.members['P2']).toMatchObject({ status: 'removed', removalReason: 'left the call open in a café' });
    expect(r.state.handQueue).toEqual([]);
    expect(r.state.spotlightId).toBeNull();
    expect(r.effects).toEqual(
      expect.arrayContaining([
        { type: 'media.detach', memberId: 'P2' },
        { type: 'disconnect', memberId: 'P2', reason: 'removed' },
        { type: 'audit', action: 'removed', actorId: 'F', targetId: 'P2' },
      ]),
    );
  });

  it('[REM2] a facilitator cannot remove or send back a co-facilitator', () => {
    refusedWith(reduce(groupInSession(), { type: 'remove', memberId: 'G', reason: 'x' }, as('F'), NOW), 'INVALID_STATE');
    refusedWith(reduce(groupInSession(), { type: 'sendToWaiting', memberId: 'G' }, as('F'), NOW), 'INVALID_STATE');
  });
});

describe('spotlight and hands', () => {
  it('[SPT1] spotlight an admitted member, not a waiting one; clear it', () => {
    const r = accepted(reduce(groupInSession(), { type: 'spotlight', memberId: 'P3' }, as('G'), NOW));
    expect(r.state.spotlightId).toBe('P3');
    refusedWith(reduce(r.state, { type: 'spotlight', memberId: 'W' }, as('G'), NOW), 'INVALID_STATE');
    expect(accepted(reduce(r.state, { type: 'spotlight', memberId: null }, as('F'), NOW)).state.spotlightId).toBeNull();
  });

  it('[HND1] hands join the end of the queue, once', () => {
    const s = given(groupInSession(), [
      [{ type: 'raiseHand' }, as('P2')],
      [{ type: 'raiseHand' }, as('P1')],
    ]);
    expect(s.handQueue).toEqual(['P2', 'P1']);
    refusedWith(reduce(s, { type: 'raiseHand' }, as('P2'), NOW), 'INVALID_STATE');
  });

  it('[HND2] own hand, or a facilitator lowering anyone; not a participant lowering another', () => {
    const s = given(groupInSession(), [
      [{ type: 'raiseHand' }, as('P2')],
      [{ type: 'raiseHand' }, as('P1')],
    ]);
    expect(accepted(reduce(s, { type: 'lowerHand' }, as('P1'), NOW)).state.handQueue).toEqual(['P2']);
    expect(accepted(reduce(s, { type: 'lowerHand', memberId: 'P2' }, as('F'), NOW)).state.handQueue).toEqual(['P1']);
    refusedWith(reduce(s, { type: 'lowerHand', memberId: 'P2' }, as('P1'), NOW), 'FORBIDDEN');
  });

  it('[HND3] a facilitator lowers all hands', () => {
    const s = given(groupInSession(), [
      [{ type: 'raiseHand' }, as('P2')],
      [{ type: 'raiseHand' }, as('P3')],
    ]);
    expect(accepted(reduce(s, { type: 'lowerAllHands' }, as('F'), NOW)).state.handQueue).toEqual([]);
  });

  it('[HND4] a dropped connection keeps its place; leaving the room gives it up', () => {
    const s = given(groupInSession(), [
      [{ type: 'raiseHand' }, as('P1')],
      [{ type: 'raiseHand' }, as('P2')],
      [{ type: 'raiseHand' }, as('P3')],
      [{ type: 'connectionLost', memberId: 'P2' }, SYSTEM],
    ]);
    expect(s.handQueue).toEqual(['P1', 'P2', 'P3']);
    expect(accepted(reduce(s, { type: 'leave', memberId: 'P1' }, SYSTEM, NOW)).state.handQueue).toEqual(['P2', 'P3']);
  });
});

describe('chat settings', () => {
  it('[CHT1] a facilitator turns group chat off', () => {
    expect(accepted(reduce(groupInSession(), { type: 'setChatEnabled', enabled: false }, as('G'), NOW)).state.chatEnabled).toBe(false);
  });
});

describe('help', () => {
  it('[HLP1] asking for help tells the facilitators and stays open until answered', () => {
    const r = accepted(reduce(groupInSession(), { type: 'requestHelp' }, as('P3'), NOW));
    expect(r.state.members['P3']!.helpRequestedAt).toBe(NOW);
    expect(r.effects).toEqual([
      { type: 'notifyFacilitators', event: 'help', memberId: 'P3' },
      { type: 'audit', action: 'help-requested', actorId: 'P3', targetId: 'P3' },
    ]);
    const again = accepted(reduce(r.state, { type: 'requestHelp' }, as('P3'), NOW + 10));
    expect(again.state.members['P3']!.helpRequestedAt).toBe(NOW);
  });

  it('[HLP2] a facilitator acknowledges the request', () => {
    const s = given(groupInSession(), [[{ type: 'requestHelp' }, as('P1')]]);
    expect(accepted(reduce(s, { type: 'acknowledgeHelp', memberId: 'P1' }, as('G'), NOW)).state.members['P1']!.helpRequestedAt).toBeNull();
    refusedWith(reduce(s, { type: 'acknowledgeHelp', memberId: 'P2' }, as('G'), NOW), 'INVALID_STATE');
  });
});

describe('end', () => {
  it('[END1] ending disconnects everyone connected and closes media', () => {
    const r = accepted(reduce(groupInSession(), { type: 'end' }, as('F'), NOW));
    expect(r.state.status).toBe('ended');
    const disconnected = r.effects.filter((e) => e.type === 'disconnect').map((e) => e.type === 'disconnect' && e.memberId);
    expect(disconnected.sort()).toEqual(['F', 'G', 'P1', 'P2', 'P3', 'W']);
    expect(r.effects).toContainEqual({ type: 'audit', action: 'session-ended', actorId: 'F', targetId: null });
  });

  it('[END2] nothing is accepted after the end', () => {
    const s = given(groupInSession(), [[{ type: 'end' }, as('F')]]);
    refusedWith(reduce(s, { type: 'raiseHand' }, as('P1'), NOW), 'SESSION_ENDED');
    refusedWith(reduce(s, { type: 'enter', member: { id: 'N', displayName: 'N', role: 'participant' }, consent }, SYSTEM, NOW), 'SESSION_ENDED');
  });
});

describe('reconnecting', () => {
  const dropped = () =>
    given(groupInSession(), [
      [{ type: 'raiseHand' }, as('P1')],
      [{ type: 'mute', memberId: 'P1' }, as('F')],
      [{ type: 'connectionLost', memberId: 'P1' }, SYSTEM],
    ], NOW);

  it('[REC1] a lost connection keeps everything but marks them reconnecting', () => {
    expect(dropped().members['P1']).toMatchObject({ status: 'admitted', connected: false, disconnectedAt: NOW, micMuted: true });
    expect(dropped().handQueue).toEqual(['P1']);
  });

  it('[REC2] back within the grace period: in place, no re-admission', () => {
    const r = accepted(reduce(dropped(), { type: 'connectionResumed', memberId: 'P1' }, SYSTEM, NOW + RECONNECT_GRACE_MS - 1));
    expect(r.state.members['P1']).toMatchObject({ status: 'admitted', connected: true, disconnectedAt: null, micMuted: true, mutedByFacilitator: true });
    expect(r.state.handQueue).toEqual(['P1']);
    expect(r.effects).toEqual([]);
  });

  it('[REC3] past the grace period they have left: out of the queue, media closed', () => {
    expect(reduce(dropped(), { type: 'expireGrace' }, SYSTEM, NOW + RECONNECT_GRACE_MS - 1)).toMatchObject({ ok: true, effects: [] });
    const r = accepted(reduce(dropped(), { type: 'expireGrace' }, SYSTEM, NOW + RECONNECT_GRACE_MS));
    expect(r.state.members['P1']!.status).toBe('left');
    expect(r.state.handQueue).toEqual([]);
    expect(r.effects).toEqual([
      { type: 'media.detach', memberId: 'P1' },
      { type: 'audit', action: 'left', actorId: null, targetId: 'P1' },
    ]);
  });

  it('[REC4] entering again while admitted resumes in place, even in a locked room', () => {
    const s = given(dropped(), [[{ type: 'lockRoom', locked: true }, as('F')]]);
    const r = accepted(reduce(s, { type: 'enter', member: { id: 'P1', displayName: 'P1', role: 'participant' }, consent }, SYSTEM, NOW + 5));
    expect(r.state.members['P1']).toMatchObject({ status: 'admitted', connected: true, micMuted: true });
    expect(r.state.handQueue).toEqual(['P1']);
  });
});

describe('notes', () => {
  it('[NOTE1] a facilitator keeps a time-stamped private note about a member, even one waiting', () => {
    const s = given(groupInSession(), [
      [{ type: 'addNote', memberId: 'P1', text: 'shared about work stress' }, as('F')],
      [{ type: 'addNote', memberId: 'W', text: 'arrived late' }, as('G')],
    ], NOW);
    expect(s.members['P1']!.notes).toEqual([{ at: NOW, authorId: 'F', text: 'shared about work stress' }]);
    expect(s.members['W']!.notes).toEqual([{ at: NOW, authorId: 'G', text: 'arrived late' }]);
  });
});

describe('talk-time', () => {
  it('[TLK1] accumulates per member', () => {
    const s = given(groupInSession(), [
      [{ type: 'recordTalkTime', memberId: 'P1', ms: 1500 }, SYSTEM],
      [{ type: 'recordTalkTime', memberId: 'P1', ms: 500 }, SYSTEM],
    ]);
    expect(s.members['P1']!.talkTimeMs).toBe(2000);
  });
});

describe('versions', () => {
  it('[VER1] each accepted change adds one; no-ops and refusals change nothing', () => {
    const s = groupInSession();
    const r = accepted(reduce(s, { type: 'raiseHand' }, as('P1'), NOW));
    expect(r.state.version).toBe(s.version + 1);
    const noop = reduce(r.state, { type: 'expireGrace' }, SYSTEM, NOW);
    expect(noop.ok && noop.state).toBe(r.state);
    const frozen = JSON.stringify(r.state);
    refusedWith(reduce(r.state, { type: 'raiseHand' }, as('P1'), NOW), 'INVALID_STATE');
    expect(JSON.stringify(r.state)).toBe(frozen);
  });

  it('[VER1] the input state is never modified', () => {
    const s = groupInSession();
    const before = JSON.stringify(s);
    const commands: Command[] = [{ type: 'muteAll' }, { type: 'end' }, { type: 'admitAll' }, { type: 'remove', memberId: 'P1', reason: 'r' }];
    for (const c of commands) reduce(s, c, as('F'), NOW);
    expect(JSON.stringify(s)).toBe(before);
  });
});
