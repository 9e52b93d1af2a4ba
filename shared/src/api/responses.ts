import type { BillingProfile } from './billing.js';
import type { WeeklySchedule } from './cohorts.js';
import type { z } from 'zod';

/*
 * What the clinic API answers: its records with times as ISO 8601 strings. Types only (the
 * server builds them, so nothing needs parsing at runtime); the server's views are checked
 * against them at compile time and the staff pages read them, so both sides share one shape.
 */

export type StaffRole = 'admin' | 'facilitator';

export type Account = { id: string; email: string; displayName: string; role: StaffRole };

/** A staff account as admins manage it: a disabled one cannot sign in and its sign-ins have ended. */
export type StaffMember = Account & { disabled: boolean; createdAt: string };

/** When a cohort meets each week, on its own clock. Weekdays: 0 = Sunday … 6 = Saturday. */
export type CohortSchedule = z.output<typeof WeeklySchedule>;

export type Cohort = {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
  /** Standing breakout rules: these two members are never proposed as a pair. */
  neverPairs: [string, string][];
  schedule: CohortSchedule | null;
  /** CAM2: flag a camera off for longer than this many minutes in the console; null = no flag. */
  cameraOffFlagMinutes: number | null;
  /** The payer rules its records are judged by; null: none chosen (reports use custom, no rules). */
  billing: BillingProfile | null;
};

/** Staff-only: `contact` stays on the clinic's side and is never shown to participants. */
export type CohortMember = { id: string; cohortId: string; pseudonym: string; contact?: string; createdAt: string };

export type GroupSessionStatus = 'scheduled' | 'live' | 'ended';

export type GroupSession = {
  id: string;
  cohortId: string;
  title: string;
  scheduledStart?: string;
  status: GroupSessionStatus;
  createdBy: string;
  createdAt: string;
};

/** A member's personal link; `url` is a path (`/join/<token>`) and the token is the credential. */
export type InviteLink = { jti: string; memberId: string; pseudonym: string; url: string; expiresAt: string };

export type RevokedInvite = { jti: string; sessionId: string; memberId: string; revokedAt: string };

/** One member at one session; an absent member has no intervals and 0 minutes. */
export type AttendanceRow = {
  sessionId: string;
  sessionTitle: string;
  /** The session's day on the cohort's clock, YYYY-MM-DD. */
  date: string;
  memberId: string;
  pseudonym: string;
  /** Time in the room (the waiting room excluded), merged across reconnects. */
  intervals: { from: string; to: string }[];
  /** To one decimal place. */
  minutes: number;
  /** LNK3: the same time split by how they attended (video: modifier 95; audio only: 93). */
  modality: { from: string; to: string; mode: 'video' | 'audio-only' }[];
  /** Of `minutes`, those attended audio only, to one decimal place. */
  audioOnlyMinutes: number;
  /** REST4: `minutes` less the group's breaks — what a payer counts; rounded down to a tenth, so 180.0 means 180 reached. */
  treatmentMinutes: number;
  /** Break time they were in the room for, rounded down to a tenth. */
  breakMinutes: number;
  /** Telehealth modifier of the larger share of treatment time: 95 video, 93 audio only; null if not attended. */
  modifier: '95' | '93' | null;
  /** After the scheduled start plus the grace; null when unscheduled (or the cohort has no schedule) or absent. */
  lateMinutes: number | null;
  /** Before the scheduled (or actual, if sooner) end; null when unscheduled or absent. */
  leftEarlyMinutes: number | null;
  /** CAM1: of `treatmentMinutes`, those with no camera sent (audio only included), rounded down to a tenth; null when the log kept no camera time. */
  cameraOffMinutes: number | null;
  /** Where they said they were at the consent gate, for the larger share of treatment time: 10 home, 02 elsewhere; null unknown. */
  placeOfService: '10' | '02' | null;
  /** Participants admitted to this session at any time. */
  groupSize: number;
  /** The group was larger than the cohort's billing profile allows (never, when it sets no cap). */
  overGroupSizeCap: boolean;
};

export type SessionAttendance = { sessionId: string; title: string; timeZone: string; rows: AttendanceRow[] };

/** One participant's day of service over a range, with their payer week beside it (docs/attendance-csv.md). */
export type BillingDay = {
  date: string;
  memberId: string;
  pseudonym: string;
  sessionsHeld: number;
  sessionsAttended: number;
  treatmentMinutes: number;
  breakMinutes: number;
  modifier: '95' | '93' | null;
  placeOfService: '10' | '02' | null;
  /** Null when the profile sets no daily minimum. */
  meetsDailyMinimum: boolean | null;
  weekStart: string;
  weekTreatmentMinutes: number;
  weekDaysAttended: number;
  weekDaysMeetingDailyMinimum: number | null;
  /** Null when the profile sets no weekly rule. */
  meetsWeeklyMinimum: boolean | null;
};

export type BillingDays = {
  cohortId: string;
  cohortName: string;
  timeZone: string;
  from: string;
  to: string;
  /** Only this participant's days; null for the whole cohort. */
  memberId: string | null;
  billing: BillingProfile;
  days: BillingDay[];
};

export type CohortAttendance = { cohortId: string; timeZone: string; from: string; to: string; rows: AttendanceRow[] };

/** An audit log entry, with names where the clinic knows the ids (staff names, pseudonyms). */
export type AuditEntryView = {
  seq: number;
  at: string;
  action: string;
  actorId: string | null;
  actor: string | null;
  targetId: string | null;
  target: string | null;
  sessionId: string | null;
  hash: string;
};

export type AuditVerification = { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };
