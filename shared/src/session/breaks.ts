import type { MemberCommand } from './commands.js';
import { audit, refuse, type Draft } from './draft.js';
import type { GroupBreak, SessionState } from './state.js';

type BreakCommand = Extract<MemberCommand, { type: 'startBreak' | 'extendBreak' | 'endBreak' }>;

/** The break on now, if any; a state stored before breaks existed has none. */
export const breakOn = (state: SessionState): GroupBreak | null => state.onBreak ?? null;

/** REST1–REST3: a facilitator starts, extends or ends the group's break. */
export function breakCommand(d: Draft, c: BreakCommand): void {
  switch (c.type) {
    case 'startBreak':
      return startBreak(d, c.minutes);
    case 'extendBreak': {
      const on = breakOn(d.state) ?? refuse('INVALID_STATE', 'the group is not on a break');
      on.endsAt += c.minutes * 60_000;
      return;
    }
    case 'endBreak':
      if (!breakOn(d.state)) refuse('INVALID_STATE', 'the group is not on a break');
      return endBreakNow(d);
  }
}

function startBreak(d: Draft, minutes: number): void {
  if (breakOn(d.state)) refuse('INVALID_STATE', 'the group is already on a break');
  // REST5: a round's turns and the pairs' time are running clocks a break would leave behind.
  if (d.state.round) refuse('INVALID_STATE', 'end the round first');
  if (d.state.breakout) refuse('INVALID_STATE', 'bring everyone back from the pairs first');
  d.state.onBreak = { startedAt: d.now, endsAt: d.now + minutes * 60_000 };
  // REST2: microphones and cameras go off (their owners may turn them on again: the room stays open).
  for (const m of Object.values(d.state.members)) {
    if (m.status !== 'admitted') continue;
    m.micMuted = true;
    if (!m.cameraOff) {
      m.cameraOff = true;
      d.effects.push({ type: 'media.stopCamera', memberId: m.id });
    }
  }
  audit(d, 'break-started', null);
}

/** REST3, REST4: the break ends (early, on time, or with the session) and is kept in the record. */
export function endBreakNow(d: Draft): void {
  const on = breakOn(d.state);
  if (!on) return;
  d.state.onBreak = null;
  d.state.breaks = [...(d.state.breaks ?? []), { startedAt: on.startedAt, endedAt: d.now }];
  audit(d, 'break-ended', null);
}

/** The server's break timer: the break is over at the time everyone was told. */
export function breakTick(d: Draft): void {
  const on = breakOn(d.state);
  if (on && d.now >= on.endsAt) endBreakNow(d);
}

/** When the server's break timer must next run, or undefined with no break on. */
export const nextBreakTick = (state: SessionState): number | undefined => breakOn(state)?.endsAt;
