import type { CommandType, MemberCommand, SystemCommand } from './commands.js';
import type { Role } from './state.js';

/**
 * Who may send each command: only facilitators (lead or co-, the same powers), any
 * admitted member acting on themselves, or only the server. A participant in a pair or
 * a round never gains a facilitator's rights: the role is fixed at entry from the credential.
 */
export type Permission = 'facilitator' | 'self' | 'system';

export const PERMISSIONS = {
  admit: 'facilitator',
  admitAll: 'facilitator',
  deny: 'facilitator',
  sendToWaiting: 'facilitator',
  lockRoom: 'facilitator',
  mute: 'facilitator',
  muteAll: 'facilitator',
  releaseMute: 'facilitator',
  lockSelfUnmute: 'facilitator',
  setMicMuted: 'self',
  stopCamera: 'facilitator',
  setCameraOff: 'self',
  reportLink: 'self',
  setAudioOnly: 'self',
  remove: 'facilitator',
  spotlight: 'facilitator',
  raiseHand: 'self',
  lowerHand: 'self',
  lowerAllHands: 'facilitator',
  setChatEnabled: 'facilitator',
  requestHelp: 'self',
  acknowledgeHelp: 'facilitator',
  addNote: 'facilitator',
  startRound: 'facilitator',
  passTurn: 'self',
  skipTurn: 'facilitator',
  extendTurn: 'facilitator',
  previousTurn: 'facilitator',
  pauseRound: 'facilitator',
  resumeRound: 'facilitator',
  reorderRound: 'facilitator',
  endRound: 'facilitator',
  startPulse: 'facilitator',
  answerPulse: 'self',
  closePulse: 'facilitator',
  startBreakout: 'facilitator',
  extendBreakout: 'facilitator',
  endBreakout: 'facilitator',
  startBreak: 'facilitator',
  extendBreak: 'facilitator',
  endBreak: 'facilitator',
  listenIn: 'facilitator',
  joinGroup: 'facilitator',
  placeInGroup: 'facilitator',
  askPairHelp: 'self',
  acknowledgePairHelp: 'facilitator',
  broadcastToGroups: 'facilitator',
  pullAside: 'facilitator',
  returnFromSide: 'facilitator',
  breakoutTick: 'system',
  breakTick: 'system',
  advanceDueTurn: 'system',
  end: 'facilitator',
  enter: 'system',
  connectionLost: 'system',
  connectionResumed: 'system',
  expireGrace: 'system',
  leave: 'system',
  recordTalkTime: 'system',
  videoSent: 'system',
} as const satisfies Record<CommandType, Permission>;

type CommandsWith<P extends Permission> = {
  [K in CommandType]: (typeof PERMISSIONS)[K] extends P ? K : never;
}[CommandType];
export type FacilitatorCommandType = CommandsWith<'facilitator'> & MemberCommand['type'];
export type SystemCommandType = CommandsWith<'system'> & SystemCommand['type'];

/** Commands a facilitator may send that a participant may not: the authorisation matrix. */
export const FACILITATOR_COMMANDS = (Object.keys(PERMISSIONS) as CommandType[]).filter(
  (t): t is FacilitatorCommandType => PERMISSIONS[t] === 'facilitator',
);

export const SYSTEM_COMMANDS = (Object.keys(PERMISSIONS) as CommandType[]).filter(
  (t): t is SystemCommandType => PERMISSIONS[t] === 'system',
);

export function mayRoleSend(role: Role, type: CommandType): boolean {
  const needed = PERMISSIONS[type];
  if (needed === 'system') return false;
  if (needed === 'facilitator') return role === 'facilitator';
  return true;
}
