import { z } from 'zod';
import { ConsentInput } from '../protocol/people.js';

export { ConsentInput };

const MemberId = z.string().min(1).max(128);

/**
 * Commands a connected member may send (`session:command`). Who may send which is in
 * permissions.ts; the actor is never part of the payload, it comes from the credential.
 */
export const MemberCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('admit'), memberId: MemberId }).strict(),
  z.object({ type: z.literal('admitAll') }).strict(),
  z.object({ type: z.literal('deny'), memberId: MemberId }).strict(),
  z.object({ type: z.literal('sendToWaiting'), memberId: MemberId }).strict(),
  z.object({ type: z.literal('lockRoom'), locked: z.boolean() }).strict(),
  z.object({ type: z.literal('mute'), memberId: MemberId }).strict(),
  z.object({ type: z.literal('muteAll') }).strict(),
  z.object({ type: z.literal('releaseMute'), memberId: MemberId }).strict(),
  z.object({ type: z.literal('lockSelfUnmute'), locked: z.boolean() }).strict(),
  z.object({ type: z.literal('setMicMuted'), muted: z.boolean() }).strict(),
  z.object({ type: z.literal('stopCamera'), memberId: MemberId }).strict(),
  z.object({ type: z.literal('setCameraOff'), off: z.boolean() }).strict(),
  z.object({ type: z.literal('reportLink'), quality: z.enum(['good', 'fair', 'poor']) }).strict(),
  z.object({ type: z.literal('setAudioOnly'), on: z.boolean() }).strict(),
  z.object({ type: z.literal('remove'), memberId: MemberId, reason: z.string().trim().min(1).max(300) }).strict(),
  z.object({ type: z.literal('spotlight'), memberId: MemberId.nullable() }).strict(),
  z.object({ type: z.literal('raiseHand') }).strict(),
  z.object({ type: z.literal('lowerHand'), memberId: MemberId.optional() }).strict(),
  z.object({ type: z.literal('lowerAllHands') }).strict(),
  z.object({ type: z.literal('setChatEnabled'), enabled: z.boolean() }).strict(),
  z.object({ type: z.literal('requestHelp') }).strict(),
  z.object({ type: z.literal('acknowledgeHelp'), memberId: MemberId }).strict(),
  z.object({ type: z.literal('addNote'), memberId: MemberId, text: z.string().trim().min(1).max(2000) }).strict(),
  z.object({ type: z.literal('end') }).strict(),
  z
    .object({
      type: z.literal('startRound'),
      prompt: z.string().trim().min(1).max(300),
      order: z.enum(['roster', 'random', 'custom']),
      customOrder: z.array(MemberId).min(1).max(32).optional(),
      turnSeconds: z.number().int().min(10).max(1800),
      /** Seconds for each feedback turn after a share, or null for a plain round. */
      feedbackSeconds: z.number().int().min(10).max(600).nullable(),
      speakerOnly: z.boolean(),
    })
    .strict(),
  z.object({ type: z.literal('passTurn') }).strict(),
  z.object({ type: z.literal('skipTurn') }).strict(),
  z.object({ type: z.literal('extendTurn'), seconds: z.number().int().min(10).max(600) }).strict(),
  z.object({ type: z.literal('previousTurn') }).strict(),
  z.object({ type: z.literal('pauseRound') }).strict(),
  z.object({ type: z.literal('resumeRound') }).strict(),
  z.object({ type: z.literal('reorderRound'), order: z.array(MemberId).min(1).max(32) }).strict(),
  z.object({ type: z.literal('endRound') }).strict(),
  z.object({ type: z.literal('startPulse'), question: z.string().trim().min(1).max(200) }).strict(),
  z.object({ type: z.literal('answerPulse'), value: z.number().int().min(1).max(10) }).strict(),
  z.object({ type: z.literal('closePulse') }).strict(),
  z
    .object({
      type: z.literal('startBreakout'),
      prompt: z.string().trim().min(1).max(300),
      durationSeconds: z.number().int().min(60).max(3600),
      groups: z.array(z.array(MemberId).min(2).max(3)).min(1).max(16),
    })
    .strict(),
  z.object({ type: z.literal('extendBreakout'), seconds: z.number().int().min(30).max(1800) }).strict(),
  z.object({ type: z.literal('endBreakout') }).strict(),
  z.object({ type: z.literal('listenIn'), groupId: z.string().min(1).max(64).nullable() }).strict(),
  z.object({ type: z.literal('joinGroup'), groupId: z.string().min(1).max(64).nullable() }).strict(),
  z.object({ type: z.literal('placeInGroup'), memberId: MemberId, groupId: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal('askPairHelp') }).strict(),
  z.object({ type: z.literal('acknowledgePairHelp'), groupId: z.string().min(1).max(64) }).strict(),
  z.object({ type: z.literal('broadcastToGroups'), text: z.string().trim().min(1).max(300) }).strict(),
  z.object({ type: z.literal('startBreak'), minutes: z.number().int().min(1).max(60) }).strict(),
  z.object({ type: z.literal('extendBreak'), minutes: z.number().int().min(1).max(30) }).strict(),
  z.object({ type: z.literal('endBreak') }).strict(),
  z.object({ type: z.literal('pullAside'), memberId: MemberId }).strict(),
  z.object({ type: z.literal('returnFromSide'), memberId: MemberId }).strict(),
]);
export type MemberCommand = z.infer<typeof MemberCommand>;

/** Commands only the server issues, from what it observes (credentials, sockets, audio). */
export type SystemCommand =
  | {
      type: 'enter';
      member: { id: string; displayName: string; role: 'facilitator' | 'participant' };
      consent: ConsentInput | null;
    }
  | { type: 'connectionLost'; memberId: string }
  | { type: 'connectionResumed'; memberId: string }
  | { type: 'expireGrace' }
  | { type: 'leave'; memberId: string }
  | { type: 'recordTalkTime'; memberId: string; ms: number }
  /** CAM1: the SFU saw a member's camera start or stop reaching it (a producer made, paused, resumed, closed). */
  | { type: 'videoSent'; memberId: string; sent: boolean }
  /** The server's turn timer: ends the current turn if its deadline has passed. */
  | { type: 'advanceDueTurn' }
  /** The server's breakout timer: nudges, warnings, time up, and the return. */
  | { type: 'breakoutTick' }
  /** The server's break timer: the break ends at the time everyone was told (REST3). */
  | { type: 'breakTick' };

export type Command = MemberCommand | SystemCommand;
export type CommandType = Command['type'];

export type Actor = { kind: 'member'; memberId: string } | { kind: 'system' };
export const SYSTEM: Actor = { kind: 'system' };
