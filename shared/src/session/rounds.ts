import type { MemberCommand } from './commands.js';
import { audit, refuse, self, type Draft } from './draft.js';
import type { Member, Round, SessionState, TurnRecord } from './state.js';

/** How long a turn waits for a speaker whose connection dropped before it moves on (RND9). */
export const SPEAKER_GRACE_MS = 20_000;

type StartRound = Extract<MemberCommand, { type: 'startRound' }>;

/**
 * Who may be heard now (RND7): admitted and not muted; and while a speaker-only round runs,
 * only the speaker and the facilitators. The media room keeps every microphone on the SFU to this.
 */
export function audibleMemberIds(state: SessionState): string[] {
  return Object.keys(state.members).filter((id) => sendRefusal(state, id, 'mic') === null);
}

/**
 * Why a member's own microphone or camera may not go out now, as the code a refused
 * `producer:resume` is answered with; null when it may (RND7, RND8, MUT4, CAM1). The one
 * place this is decided: the media room pauses what it refuses, whatever the client asks.
 */
export function sendRefusal(state: SessionState, memberId: string, source: 'mic' | 'camera'): 'UNMUTE_LOCKED' | 'NOT_YOUR_TURN' | 'FORBIDDEN' | null {
  const m = state.members[memberId];
  if (m?.status !== 'admitted') return 'FORBIDDEN';
  if (source === 'camera') return m.cameraOff ? 'FORBIDDEN' : null;
  if (!mayUnmuteDuringRound(state, m)) return 'NOT_YOUR_TURN';
  return m.micMuted ? 'UNMUTE_LOCKED' : null;
}

/** Who speaks after the current turn, if the round goes on as planned. */
export function nextSpeakerId(round: Round): string | null {
  const sharer = round.order[round.sharerIndex];
  if (sharer === undefined) return null;
  if (round.feedbackMs !== null) {
    const g = givers(round, sharer);
    if (round.giverIndex + 1 < g.length) return g[round.giverIndex + 1] ?? null;
  }
  return round.order[round.sharerIndex + 1] ?? null;
}

/** RND8: while a speaker-only turn is on, a participant who is not speaking stays muted. */
export function mayUnmuteDuringRound(state: SessionState, m: Member): boolean {
  const round = state.round;
  return !round?.speakerOnly || m.role === 'facilitator' || round.turn.speakerId === m.id;
}

/** RND1–RND3: a round with a prompt, an order and per-turn times; the first turn starts now. */
export function startRound(d: Draft, c: StartRound): void {
  if (d.state.round) refuse('INVALID_STATE', 'a round is already running');
  if (d.state.breakout) refuse('INVALID_STATE', 'bring everyone back from the pairs first');
  if (d.state.onBreak) refuse('INVALID_STATE', 'end the break first'); // REST5
  const present = Object.values(d.state.members).filter((m) => m.status === 'admitted' && m.role === 'participant');
  let order: string[];
  if (c.order === 'custom') {
    const custom = c.customOrder ?? refuse('INVALID_STATE', 'a custom order needs the members in order');
    if (new Set(custom).size !== custom.length) refuse('INVALID_STATE', 'someone appears twice in the order');
    for (const id of custom) if (!present.some((m) => m.id === id)) refuse('INVALID_STATE', 'the order names someone not in the room');
    order = [...custom];
  } else {
    // Roster order is the order people were admitted; random is shuffled, seeded by time.
    order = present.sort((a, b) => (a.admittedAt ?? 0) - (b.admittedAt ?? 0)).map((m) => m.id);
    if (c.order === 'random') order = shuffle(order, seedFrom(d.state.id, d.now));
  }
  if (order.length === 0) refuse('INVALID_STATE', 'nobody is in the room to take a turn');
  const round: Round = {
    id: `round-${d.state.version + 1}`,
    prompt: c.prompt,
    order,
    sharerIndex: 0,
    giverIndex: -1,
    turnMs: c.turnSeconds * 1000,
    feedbackMs: c.feedbackSeconds === null ? null : c.feedbackSeconds * 1000,
    speakerOnly: c.speakerOnly,
    paused: false,
    turn: { kind: 'share', speakerId: order[0]!, receiverId: null, startedAt: d.now, deadline: 0, pausedRemainingMs: null, speakerAbsent: false },
    returning: [],
  };
  d.state.round = round;
  beginTurn(d, round);
  audit(d, 'round-started', null);
}

export function roundCommand(d: Draft, c: Exclude<Extract<MemberCommand, { type: `${string}${'Turn' | 'Round'}` }>, StartRound>): void {
  const round = d.state.round ?? refuse('INVALID_STATE', 'no round is running');
  switch (c.type) {
    case 'passTurn':
      // RND4: only the speaker passes their own turn.
      if (round.turn.speakerId !== self(d).id) refuse('NOT_YOUR_TURN', 'it is not your turn');
      return advance(d, round, 'passed');
    case 'skipTurn':
      return advance(d, round, 'skipped');
    case 'extendTurn': {
      const ms = c.seconds * 1000;
      if (round.turn.pausedRemainingMs !== null) round.turn.pausedRemainingMs += ms;
      else round.turn.deadline += ms;
      return;
    }
    case 'previousTurn':
      return goBack(d, round);
    case 'pauseRound':
      if (round.paused) refuse('INVALID_STATE', 'the round is already paused');
      round.paused = true;
      round.turn.pausedRemainingMs = Math.max(0, round.turn.deadline - d.now);
      return;
    case 'resumeRound':
      if (!round.paused) refuse('INVALID_STATE', 'the round is not paused');
      round.paused = false;
      round.turn.deadline = d.now + (round.turn.pausedRemainingMs ?? 0);
      round.turn.pausedRemainingMs = null;
      return;
    case 'reorderRound':
      return reorder(round, c.order);
    case 'endRound':
      return endRound(d, 'round-ended');
    default: {
      const unknown: never = c;
      refuse('INVALID_STATE', `unknown round command ${String((unknown as { type?: unknown }).type)}`);
    }
  }
}

/** RND6: the server's timer; a turn past its deadline ends (as timed out, or absent). */
export function advanceDueTurn(d: Draft): void {
  const round = d.state.round;
  if (!round || round.paused || d.now < round.turn.deadline) return;
  if (round.turn.speakerAbsent && round.turn.kind === 'share') round.returning.push(round.turn.speakerId);
  advance(d, round, round.turn.speakerAbsent ? 'absent' : 'timed-out');
}

/** RND9: a speaker who drops keeps the turn for a short grace period. */
export function speakerConnectionLost(d: Draft, m: Member): void {
  const round = d.state.round;
  if (!round || round.turn.speakerId !== m.id) return;
  round.turn.speakerAbsent = true;
  round.turn.deadline = Math.min(round.turn.deadline, d.now + SPEAKER_GRACE_MS);
}

/** RND9: back in time, the turn goes on; back after it lapsed, they share next. */
export function speakerConnectionResumed(d: Draft, m: Member): void {
  const round = d.state.round;
  if (!round) return;
  if (round.turn.speakerId === m.id && round.turn.speakerAbsent) {
    round.turn.speakerAbsent = false;
    round.turn.deadline = Math.max(round.turn.deadline, d.now + SPEAKER_GRACE_MS);
  }
  if (round.returning.includes(m.id)) {
    round.returning = round.returning.filter((id) => id !== m.id);
    // Their lapsed turn is behind the current one: move them to just after it.
    const old = round.order.indexOf(m.id);
    if (old === -1) return;
    round.order.splice(old, 1);
    if (old <= round.sharerIndex) round.sharerIndex--;
    round.order.splice(round.sharerIndex + 1, 0, m.id);
  }
}

/** A member out of the room (left, removed, sent back) leaves the round's order; their turn ends. */
export function memberLeftRound(d: Draft, m: Member): void {
  const round = d.state.round;
  if (!round) return;
  round.returning = round.returning.filter((id) => id !== m.id);
  if (round.turn.speakerId === m.id || round.turn.receiverId === m.id) {
    advance(d, round, 'absent', m.id);
    return;
  }
  const index = round.order.indexOf(m.id);
  if (index > round.sharerIndex) round.order.splice(index, 1);
}

export function endRound(d: Draft, outcome: TurnRecord['outcome']): void {
  const round = d.state.round;
  if (!round) return;
  record(d, round, outcome);
  d.state.round = null;
  audit(d, 'round-ended', null);
}

function beginTurn(d: Draft, round: Round): void {
  const sharer = round.order[round.sharerIndex]!;
  const feedback = round.giverIndex >= 0;
  const speakerId = feedback ? givers(round, sharer)[round.giverIndex]! : sharer;
  const speaker = d.state.members[speakerId];
  const absent = !speaker?.connected;
  const ms = feedback ? (round.feedbackMs ?? round.turnMs) : round.turnMs;
  round.turn = {
    kind: feedback ? 'feedback' : 'share',
    speakerId,
    receiverId: feedback ? sharer : null,
    startedAt: d.now,
    deadline: d.now + (absent ? Math.min(ms, SPEAKER_GRACE_MS) : ms),
    pausedRemainingMs: round.paused ? ms : null,
    speakerAbsent: absent,
  };
}

/** RND5: the turn after this one: the next giver, the next sharer, or the round's end. */
function advance(d: Draft, round: Round, outcome: TurnRecord['outcome'], gone?: string): void {
  record(d, round, outcome);
  if (gone) {
    const index = round.order.indexOf(gone);
    if (index !== -1 && index !== round.sharerIndex) {
      round.order.splice(index, 1);
      if (index < round.sharerIndex) round.sharerIndex--;
    }
  }
  const sharer = round.order[round.sharerIndex];
  const sharerGone = gone !== undefined && sharer === gone;
  if (round.feedbackMs !== null && !sharerGone && sharer !== undefined && round.giverIndex + 1 < givers(round, sharer).length) {
    round.giverIndex++;
  } else {
    if (sharerGone) round.order.splice(round.sharerIndex, 1);
    else round.sharerIndex++;
    round.giverIndex = -1;
  }
  if (round.sharerIndex >= round.order.length) {
    d.state.round = null;
    audit(d, 'round-ended', null);
    return;
  }
  beginTurn(d, round);
}

function goBack(d: Draft, round: Round): void {
  if (round.giverIndex > 0) round.giverIndex--;
  else if (round.giverIndex === 0) round.giverIndex = -1;
  else if (round.sharerIndex > 0) round.sharerIndex--;
  else refuse('INVALID_STATE', 'this is the first turn');
  record(d, round, 'skipped');
  beginTurn(d, round);
}

/** RND10: a new order for who has not shared yet; who has already shared stays put. */
function reorder(round: Round, order: string[]): void {
  const done = round.order.slice(0, round.sharerIndex + 1);
  const rest = round.order.slice(round.sharerIndex + 1);
  const proposed = order.filter((id) => !done.includes(id));
  const same = proposed.length === rest.length && rest.every((id) => proposed.includes(id));
  if (!same || new Set(proposed).size !== proposed.length) refuse('INVALID_STATE', 'the new order must list exactly those still to share');
  round.order = [...done, ...proposed];
}

/** RND11: each member gives feedback to the sharer, in the round's order. */
function givers(round: Round, sharerId: string): string[] {
  return round.order.filter((id) => id !== sharerId);
}

function record(d: Draft, round: Round, outcome: TurnRecord['outcome']): void {
  const t = round.turn;
  d.state.turnRecords.push({
    roundId: round.id,
    kind: t.kind,
    speakerId: t.speakerId,
    receiverId: t.receiverId,
    startedAt: t.startedAt,
    endedAt: d.now,
    outcome,
  });
}

/** Deterministic shuffle (Fisher–Yates over a small PRNG): the same seed gives the same order. */
export function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function seedFrom(text: string, now: number): number {
  let h = now >>> 0;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

