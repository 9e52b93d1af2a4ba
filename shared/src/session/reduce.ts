import type { Actor, Command, ConsentInput, MemberCommand, SystemCommand } from './commands.js';
import type { Effect } from './effects.js';
import type { SessionError } from './errors.js';
import {
  Refusal,
  admittedMember,
  admittedParticipants,
  audit,
  member,
  otherAdmitted,
  participant,
  refuse,
  self,
  waiting,
  type Draft,
} from './draft.js';
import { breakoutCommand, breakoutTick, endBreakoutNow, memberLeftBreakout, pullAside, returnFromSide, startBreakout } from './breakouts.js';
import { breakCommand, breakTick, endBreakNow } from './breaks.js';
import { PERMISSIONS } from './permissions.js';
import {
  advanceDueTurn,
  endRound,
  mayUnmuteDuringRound,
  memberLeftRound,
  roundCommand,
  speakerConnectionLost,
  speakerConnectionResumed,
  startRound,
} from './rounds.js';
import { RECONNECT_GRACE_MS, type Consent, type Member, type SessionState } from './state.js';

export type ReduceResult = { ok: true; state: SessionState; effects: Effect[] } | { ok: false; error: SessionError };

/**
 * Applies one command for one actor at time `now`. Pure: the input state is never
 * modified; a refused command returns an error and no state. Rule ids are in SPEC.md.
 */
export function reduce(state: SessionState, command: Command, actor: Actor, now: number): ReduceResult {
  try {
    if (state.status === 'ended') refuse('SESSION_ENDED', 'the session has ended'); // END2
    const actorId = authorise(state, command, actor);
    // State is plain JSON (it is stored and sent as such), so a JSON copy is a full copy; the
    // text is kept to tell whether the command changed anything.
    const before = JSON.stringify(state);
    const draft: Draft = { state: JSON.parse(before) as SessionState, effects: [], actorId, now };
    apply(draft, command);
    clockCameras(draft);
    if (JSON.stringify(draft.state) === before) return { ok: true, state, effects: draft.effects }; // VER1
    draft.state.version = state.version + 1;
    return { ok: true, state: draft.state, effects: draft.effects };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, error: { code: err.code, message: err.message } };
    throw err;
  }
}

/** ROL1–ROL3: returns the acting member's id (null for the server). */
function authorise(state: SessionState, command: Command, actor: Actor): string | null {
  const needed = PERMISSIONS[command.type];
  if (needed === 'system') {
    if (actor.kind !== 'system') refuse('FORBIDDEN', 'only the server may do that');
    return null;
  }
  if (actor.kind === 'system') return null;
  const member = state.members[actor.memberId] ?? refuse('FORBIDDEN', 'you are not in this session');
  // HLP1: someone in the waiting room can still ask for help.
  if (member.status !== 'admitted' && !(command.type === 'requestHelp' && member.status === 'waiting')) {
    refuse('NOT_ADMITTED', 'you are not in the room');
  }
  if (needed === 'facilitator' && member.role !== 'facilitator') refuse('FORBIDDEN', 'only a facilitator may do that');
  return member.id;
}

function apply(d: Draft, c: Command): void {
  switch (c.type) {
    case 'enter':
      return enter(d, c.member, c.consent);
    case 'admit':
      return admit(d, waiting(d, c.memberId));
    case 'admitAll': {
      const all = Object.values(d.state.members).filter((m) => m.status === 'waiting');
      if (all.length === 0) refuse('INVALID_STATE', 'nobody is waiting');
      return all.forEach((m) => admit(d, m));
    }
    case 'deny': {
      const m = waiting(d, c.memberId);
      m.status = 'denied';
      m.waitingSince = null;
      d.effects.push({ type: 'disconnect', memberId: m.id, reason: 'denied' });
      return audit(d, 'denied', m.id);
    }
    case 'sendToWaiting': {
      const m = participant(d, c.memberId);
      stepOut(d, m, 'waiting');
      return audit(d, 'sent-to-waiting', m.id);
    }
    case 'lockRoom':
      d.state.locked = c.locked;
      return audit(d, c.locked ? 'room-locked' : 'room-unlocked', null);
    case 'mute':
      return muteByFacilitator(d, otherAdmitted(d, c.memberId));
    case 'muteAll':
      return admittedParticipants(d).forEach((m) => muteByFacilitator(d, m));
    case 'releaseMute': {
      const m = otherAdmitted(d, c.memberId);
      m.mutedByFacilitator = false;
      m.mayUnmuteWhileLocked = true;
      return;
    }
    case 'lockSelfUnmute':
      d.state.selfUnmuteLocked = c.locked;
      // MUT6: a new lock takes back every earlier release.
      if (c.locked) Object.values(d.state.members).forEach((m) => (m.mayUnmuteWhileLocked = false));
      return;
    case 'setMicMuted':
      return setMicMuted(d, self(d), c.muted);
    case 'stopCamera': {
      const m = otherAdmitted(d, c.memberId);
      m.cameraOff = true;
      d.effects.push({ type: 'media.stopCamera', memberId: m.id });
      return;
    }
    case 'setCameraOff': {
      const m = self(d);
      m.cameraOff = c.off;
      if (c.off) d.effects.push({ type: 'media.stopCamera', memberId: m.id });
      return;
    }
    case 'reportLink':
      self(d).link = c.quality;
      return;
    case 'setAudioOnly': {
      const m = self(d);
      m.audioOnly = c.on;
      // LNK3: audio only sends no camera; leaving it does not turn the camera on by itself.
      if (c.on && !m.cameraOff) {
        m.cameraOff = true;
        d.effects.push({ type: 'media.stopCamera', memberId: m.id });
      }
      return;
    }
    case 'remove': {
      const m = participant(d, c.memberId);
      stepOut(d, m, 'removed');
      m.removalReason = c.reason;
      d.effects.push({ type: 'disconnect', memberId: m.id, reason: 'removed' });
      return audit(d, 'removed', m.id);
    }
    case 'spotlight':
      d.state.spotlightId = c.memberId === null ? null : admittedMember(d, c.memberId).id;
      return;
    case 'raiseHand': {
      const m = self(d);
      if (d.state.handQueue.includes(m.id)) refuse('INVALID_STATE', 'your hand is already raised');
      d.state.handQueue.push(m.id);
      return;
    }
    case 'lowerHand':
      return lowerHand(d, c);
    case 'lowerAllHands':
      d.state.handQueue = [];
      return;
    case 'setChatEnabled':
      d.state.chatEnabled = c.enabled;
      return;
    case 'requestHelp': {
      const m = self(d);
      if (m.role !== 'participant') refuse('INVALID_STATE', 'facilitators answer help requests');
      m.helpRequestedAt ??= d.now;
      d.effects.push({ type: 'notifyFacilitators', event: 'help', memberId: m.id });
      return audit(d, 'help-requested', m.id);
    }
    case 'acknowledgeHelp': {
      const m = member(d, c.memberId);
      if (m.helpRequestedAt === null) refuse('INVALID_STATE', 'no open help request');
      m.helpRequestedAt = null;
      return;
    }
    case 'addNote': {
      // NOTE1: about anyone in the session, whatever their status, kept with the session.
      const m = member(d, c.memberId);
      m.notes.push({ at: d.now, authorId: d.actorId ?? 'server', text: c.text });
      return;
    }
    case 'end':
      endRound(d, 'round-ended');
      endBreakoutNow(d);
      endBreakNow(d);
      return end(d);
    case 'startRound':
      return startRound(d, c);
    case 'passTurn':
    case 'skipTurn':
    case 'extendTurn':
    case 'previousTurn':
    case 'pauseRound':
    case 'resumeRound':
    case 'reorderRound':
    case 'endRound':
      return roundCommand(d, c);
    case 'advanceDueTurn':
      return advanceDueTurn(d);
    case 'startBreakout':
      return startBreakout(d, c);
    case 'extendBreakout':
    case 'endBreakout':
    case 'listenIn':
    case 'joinGroup':
    case 'placeInGroup':
    case 'askPairHelp':
    case 'acknowledgePairHelp':
    case 'broadcastToGroups':
      return breakoutCommand(d, c);
    case 'breakoutTick':
      return breakoutTick(d);
    case 'startBreak':
    case 'extendBreak':
    case 'endBreak':
      return breakCommand(d, c);
    case 'breakTick':
      return breakTick(d);
    case 'pullAside':
      return pullAside(d, c.memberId);
    case 'returnFromSide':
      return returnFromSide(d, c.memberId);
    case 'startPulse':
      // PUL1: one pulse at a time; a new one closes the one before.
      closePulse(d);
      d.state.pulse = { id: `pulse-${d.state.version + 1}`, question: c.question, openedAt: d.now, closedAt: null, answers: {} };
      return;
    case 'answerPulse': {
      // PUL2: one answer per member, which they may change while it is open.
      const pulse = d.state.pulse ?? refuse('INVALID_STATE', 'no pulse check is open');
      pulse.answers[self(d).id] = c.value;
      return;
    }
    case 'closePulse':
      if (!d.state.pulse) refuse('INVALID_STATE', 'no pulse check is open');
      return closePulse(d);
    case 'connectionLost':
    case 'connectionResumed': {
      const m = member(d, c.memberId);
      m.connected = c.type === 'connectionResumed';
      m.disconnectedAt = m.connected ? null : d.now;
      // CAM1: a dropped connection sends nothing; a camera sent again is reported by the SFU.
      if (!m.connected) m.videoSent = false;
      if (m.connected) speakerConnectionResumed(d, m);
      else speakerConnectionLost(d, m);
      return;
    }
    case 'expireGrace':
      return expireGrace(d);
    case 'leave': {
      const m = member(d, c.memberId);
      if (m.status !== 'admitted' && m.status !== 'waiting') refuse('INVALID_STATE', 'not in the session');
      stepOut(d, m, 'left');
      return audit(d, 'left', m.id);
    }
    case 'videoSent': {
      member(d, c.memberId).videoSent = c.sent;
      return;
    }
    case 'recordTalkTime': {
      if (!(c.ms > 0)) refuse('INVALID_STATE', 'talk time must be positive');
      member(d, c.memberId).talkTimeMs += c.ms;
      return;
    }
    default: {
      const unknown: never = c;
      refuse('INVALID_STATE', `unknown command ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}

/**
 * CAM1: the camera-off clock of every participant, after whatever the command changed: it runs
 * while they are in the room and send no camera (off by choice, by a facilitator, audio only,
 * or before their camera reaches the SFU), and stops when a camera is sent or they leave the
 * room. One place for every path in or out, as attendance is a diff of the states.
 */
function clockCameras(d: Draft): void {
  for (const m of Object.values(d.state.members)) {
    const off = m.role === 'participant' && m.status === 'admitted' && d.state.status !== 'ended' && !m.videoSent;
    const since = m.cameraOffSince ?? null;
    if (!off && since !== null) m.cameraOffSince = null;
    if (off && since === null) m.cameraOffSince = d.now;
  }
}
/** The consent as the state keeps it; the place question is left out when it was not answered. */
const consentGiven = (c: ConsentInput, now: number): Consent => ({
  agreedAt: now,
  location: c.location,
  callbackNumber: c.callbackNumber,
  ...(c.atHome === undefined ? {} : { atHome: c.atHome }),
});

/** ENT1–ENT6, REC4. */
function enter(d: Draft, who: Extract<SystemCommand, { type: 'enter' }>['member'], consent: ConsentInput | null): void {
  const existing = d.state.members[who.id];
  if (existing?.status === 'removed') refuse('REMOVED', 'you were removed from this session');
  if (existing && (existing.status === 'admitted' || existing.status === 'waiting')) {
    // REC4: the same person back (a reload, another tab): in place, nothing re-asked.
    existing.connected = true;
    existing.disconnectedAt = null;
    speakerConnectionResumed(d, existing);
    if (consent) existing.consent = consentGiven(consent, d.now);
    return;
  }
  if (who.role === 'participant') {
    if (!consent) refuse('CONSENT_REQUIRED', 'the consent step comes first');
    if (d.state.locked) refuse('ROOM_LOCKED', 'the room is locked');
  }
  const m: Member = {
    id: who.id,
    displayName: who.displayName,
    role: who.role,
    status: 'waiting',
    connected: true,
    disconnectedAt: null,
    consent: consent ? consentGiven(consent, d.now) : null,
    micMuted: false,
    mutedByFacilitator: false,
    mayUnmuteWhileLocked: false,
    cameraOff: false,
    audioOnly: false,
    link: null,
    removalReason: null,
    talkTimeMs: existing?.talkTimeMs ?? 0,
    helpRequestedAt: null,
    waitingSince: d.now,
    admittedAt: existing?.admittedAt ?? null,
    notes: existing?.notes ?? [],
  };
  d.state.members[m.id] = m;
  audit(d, 'entered', m.id);
  if (consent) audit(d, 'consent-given', m.id);
  if (who.role === 'facilitator') admit(d, m); // ENT4
}

function admit(d: Draft, m: Member): void {
  m.status = 'admitted';
  m.waitingSince = null;
  m.admittedAt ??= d.now;
  // MUT7: a participant admitted while self-unmute is locked comes in muted.
  if (m.role === 'participant' && d.state.selfUnmuteLocked) {
    m.micMuted = true;
    m.mutedByFacilitator = true;
  }
  d.effects.push({ type: 'media.attach', memberId: m.id });
  audit(d, 'admitted', m.id);
}

/** Out of the room (to the waiting room, removed, gone): no hand, no spotlight, no media. */
function stepOut(d: Draft, m: Member, status: 'waiting' | 'removed' | 'left'): void {
  const wasAdmitted = m.status === 'admitted';
  m.status = status;
  // WAI5: the facilitators see since when someone waits (newest arrivals first).
  m.waitingSince = status === 'waiting' ? d.now : null;
  if (wasAdmitted) {
    memberLeftRound(d, m);
    memberLeftBreakout(d, m);
  }
  d.state.handQueue = d.state.handQueue.filter((id) => id !== m.id);
  if (d.state.spotlightId === m.id) d.state.spotlightId = null;
  if (wasAdmitted) d.effects.push({ type: 'media.detach', memberId: m.id });
}

function muteByFacilitator(d: Draft, m: Member): void {
  m.micMuted = true;
  m.mutedByFacilitator = true;
  m.mayUnmuteWhileLocked = false;
}

/** MUT4, MUT5. */
function setMicMuted(d: Draft, m: Member, muted: boolean): void {
  if (muted) {
    m.micMuted = true;
    return;
  }
  if (m.role === 'participant' && d.state.selfUnmuteLocked && !m.mayUnmuteWhileLocked) {
    refuse('UNMUTE_LOCKED', 'a facilitator has locked unmuting; raise your hand to speak');
  }
  if (!mayUnmuteDuringRound(d.state, m)) refuse('NOT_YOUR_TURN', 'only the speaker is heard during this turn');
  m.micMuted = false;
  m.mutedByFacilitator = false;
}

/** HND2: one's own hand, or a facilitator lowering someone else's. */
function lowerHand(d: Draft, c: Extract<MemberCommand, { type: 'lowerHand' }>): void {
  const me = self(d);
  const targetId = c.memberId ?? me.id;
  if (targetId !== me.id && me.role !== 'facilitator') refuse('FORBIDDEN', "only a facilitator may lower someone else's hand");
  if (!d.state.handQueue.includes(targetId)) refuse('INVALID_STATE', 'that hand is not raised');
  d.state.handQueue = d.state.handQueue.filter((id) => id !== targetId);
}

/** PUL4: a closed pulse is kept with the session record. */
function closePulse(d: Draft): void {
  const pulse = d.state.pulse;
  if (!pulse) return;
  d.state.pulseHistory.push({ ...pulse, closedAt: d.now });
  d.state.pulse = null;
}

function end(d: Draft): void {
  closePulse(d);
  d.state.status = 'ended';
  d.state.handQueue = [];
  d.state.spotlightId = null;
  for (const m of Object.values(d.state.members)) {
    if (m.status === 'admitted') d.effects.push({ type: 'media.detach', memberId: m.id });
    if ((m.status === 'admitted' || m.status === 'waiting') && m.connected) {
      d.effects.push({ type: 'disconnect', memberId: m.id, reason: 'ended' });
    }
  }
  audit(d, 'session-ended', null);
}

/** REC3: members gone longer than the grace period leave. */
function expireGrace(d: Draft): void {
  for (const m of Object.values(d.state.members)) {
    if (m.connected || m.disconnectedAt === null || d.now - m.disconnectedAt < RECONNECT_GRACE_MS) continue;
    if (m.status !== 'admitted' && m.status !== 'waiting') continue;
    stepOut(d, m, 'left');
    m.disconnectedAt = null;
    audit(d, 'left', m.id);
  }
}

