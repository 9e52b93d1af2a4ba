import type { PairRecord } from '@hearth/shared';
import type { Records } from './Records.js';

/** How a participant attends: billed with modifier 95 (video) or 93 (audio only). */
export type Modality = 'video' | 'audio-only';

/**
 * A participant came into the room (admitted and connected), went out of it, or changed how
 * they attend while in it ('mode'); or the whole group went on a break or came back from one
 * (REST4: not treatment time). Appended, never changed. Logs written before modality was kept
 * have no `mode`: those intervals read as video, the default a participant enters with.
 */
export type AttendanceEvent = PresenceEvent | BreakEvent | CameraEvent;
/**
 * 'place': they answered the consent gate again while in the room (REC4) and the place
 * changed. `place` on 'in' and 'place' events is where they said they were at the consent
 * gate (10 home, 02 elsewhere); absent when not answered (a log from before it was asked).
 * Only the code is kept, never the location they typed.
 */
export type PresenceEvent = { memberId: string; kind: 'in' | 'out' | 'mode' | 'place'; at: number; mode?: Modality; place?: PlaceOfService };
/** Place of service: 10 = at home, 02 = telehealth from anywhere else. */
export type PlaceOfService = '10' | '02';
export type BreakEvent = { kind: 'break-start' | 'break-end'; at: number };
/**
 * CAM1: a participant in the room stopped sending a camera, or sent one again. An "out" ends a
 * stretch too; an "in" while sending none is followed by a 'camera-off'. Logs written before
 * camera time was kept have none: their camera-off time is unknown, not zero.
 */
export type CameraEvent = { memberId: string; kind: 'camera-off' | 'camera-on'; at: number };

export const isPresence = (e: AttendanceEvent): e is PresenceEvent => e.kind === 'in' || e.kind === 'out' || e.kind === 'mode' || e.kind === 'place';
export const isCamera = (e: AttendanceEvent): e is CameraEvent => e.kind === 'camera-off' || e.kind === 'camera-on';

/** A list per session, `<name>:<sessionId>` (`attendance:s1`), appended in order and never changed. */
export class SessionLog<T> {
  constructor(
    private readonly records: Records,
    private readonly name: string,
  ) {}

  async append(sessionId: string, events: readonly T[]): Promise<void> {
    if (events.length === 0) return;
    await this.records.write((tx) => tx.push(`${this.name}:${sessionId}`, ...events.map((e) => JSON.stringify(e))));
  }

  async events(sessionId: string): Promise<T[]> {
    return (await this.records.range(`${this.name}:${sessionId}`, 0, -1)).map((e) => JSON.parse(e) as T);
  }

  /** Whether the session has a log here: what a retention purge counts. */
  async has(sessionId: string): Promise<boolean> {
    return (await this.records.range(`${this.name}:${sessionId}`, 0, 0)).length > 0;
  }

  /** Only a retention purge removes a log (records/purge.ts), with its session. */
  delete(sessionId: string): Promise<void> {
    return this.records.write((tx) => tx.delete(`${this.name}:${sessionId}`));
  }
}

/** Who came into and went out of each session's room. */
export type AttendanceLog = SessionLog<AttendanceEvent>;

/**
 * Who met whom in each session's breakouts, one record per breakout as it ended: what the
 * cohort's rotation counts (BRK11), without loading every earlier session's whole state.
 */
export type PairHistory = SessionLog<PairRecord>;
