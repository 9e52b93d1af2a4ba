import { readFileSync } from 'node:fs';
import { BILLING_PRESETS, localInputToIso, type BillingProfile } from '@hearth/shared';
import { describe, expect, it } from 'vitest';
import type { Interval, ModalityInterval } from './attendance.js';
import { BILLING_DAYS_COLUMNS, billingDays, billingDaysCsv, weeksAround } from './billingDays.js';
import { sessionAttendance, type ParticipantTimes } from './payerRules.js';
import { placeIntervals } from './places.js';

/*
 * The range exports, from the published rules (issue 14): H0015 ≥ 3 h a day on ≥ 3 days a
 * week, breaks never counted; S9480 a day of ≥ 3 h, and 9 hours a week where the program
 * asks it; modifier 95 video / 93 audio only by the larger share; POS 10 home / 02 elsewhere.
 */

const TZ = 'America/Chicago';
const { H0015 } = BILLING_PRESETS;
const S9480_9H: BillingProfile = { ...BILLING_PRESETS.S9480, weeklyMinimumMinutes: 540 };
const t = (local: string) => Date.parse(localInputToIso(local, TZ)!);
const iv = (from: string, to: string): Interval => ({ from: t(from), to: t(to) });

/** On video at home for all of it unless told otherwise. */
const person = (admitted: Interval[], more: Partial<ParticipantTimes> = {}): ParticipantTimes => ({
  memberId: 'ana',
  admitted,
  modality: admitted.map((i) => ({ ...i, mode: 'video' as const })),
  places: admitted.map((i) => ({ ...i, place: '10' as const })),
  ...more,
});

/** One session on `date`, starting at `from`, for Ana. */
const session = (date: string, from: string, p: ParticipantTimes, breaks: Interval[] = [], profile = H0015) =>
  sessionAttendance({ sessionId: `${date}-${from}`, heldAt: t(`${date}T${from}`), scheduled: null, endedAt: null, breaks, participants: [p] }, profile, TZ).participants;

const evening = (date: string, from = '18:00', to = '21:00', profile = H0015) => session(date, from, person([iv(`${date}T${from}`, `${date}T${to}`)]), [], profile);
const names = new Map([['ana', 'Ana']]);
const days = (rows: ReturnType<typeof session>, profile: BillingProfile, from = '2025-03-01', to = '2025-03-31') => billingDays(rows, names, profile, TZ, { from, to });

describe('range export: per participant per day', () => {
  it('H0015: exactly 180 treatment minutes meets the daily minimum; 179 does not', () => {
    const [met, short] = days([...evening('2025-03-03'), ...evening('2025-03-04', '18:00', '20:59')], H0015);
    expect(met).toMatchObject({ date: '2025-03-03', pseudonym: 'Ana', sessionsHeld: 1, sessionsAttended: 1, treatmentMinutes: 180, meetsDailyMinimum: true, modifier: '95', placeOfService: '10' });
    expect(short).toMatchObject({ date: '2025-03-04', treatmentMinutes: 179, meetsDailyMinimum: false });
  });

  it('a break straddling the end of an interval takes only the overlap out of treatment time', () => {
    const rows = session('2025-03-03', '18:00', person([iv('2025-03-03T18:00', '2025-03-03T21:30')]), [iv('2025-03-03T21:00', '2025-03-03T21:45')]);
    expect(days(rows, H0015)[0]).toMatchObject({ treatmentMinutes: 180, breakMinutes: 30, meetsDailyMinimum: true });
  });

  it('a reconnect within the grace (touching intervals) is one attendance: 180 minutes, one session', () => {
    const rows = session('2025-03-03', '18:00', person([iv('2025-03-03T18:00', '2025-03-03T19:30'), iv('2025-03-03T19:30', '2025-03-03T21:00')]));
    expect(days(rows, H0015)[0]).toMatchObject({ sessionsAttended: 1, treatmentMinutes: 180, meetsDailyMinimum: true });
  });

  it('audio-only for part of a day: 93 or 95 by the larger share of the day’s treatment time', () => {
    const admitted = [iv('2025-03-03T18:00', '2025-03-03T21:00')];
    const audio = (to: string): ModalityInterval[] => [
      { ...iv('2025-03-03T18:00', to), mode: 'audio-only' },
      { ...iv(to, '2025-03-03T21:00'), mode: 'video' },
    ];
    expect(days(session('2025-03-03', '18:00', person(admitted, { modality: audio('2025-03-03T19:29') })), H0015)[0]?.modifier).toBe('95');
    expect(days(session('2025-03-03', '18:00', person(admitted, { modality: audio('2025-03-03T19:31') })), H0015)[0]?.modifier).toBe('93');
  });

  it('place of service from the consent answers in the log: the larger share of the day, unknown when never answered', () => {
    const events = [
      { memberId: 'ana', kind: 'in' as const, at: t('2025-03-03T18:00'), mode: 'video' as const, place: '10' as const },
      // Consent given again in the room (REC4): not at home from 19:00.
      { memberId: 'ana', kind: 'place' as const, at: t('2025-03-03T19:00'), place: '02' as const },
      { memberId: 'ana', kind: 'out' as const, at: t('2025-03-03T21:00') },
    ];
    const places = placeIntervals(events, t('2025-03-03T23:00')).get('ana') ?? [];
    expect(places).toEqual([{ ...iv('2025-03-03T18:00', '2025-03-03T19:00'), place: '10' }, { ...iv('2025-03-03T19:00', '2025-03-03T21:00'), place: '02' }]);
    expect(days(session('2025-03-03', '18:00', person([iv('2025-03-03T18:00', '2025-03-03T21:00')], { places })), H0015)[0]?.placeOfService).toBe('02');
    expect(days(session('2025-03-03', '18:00', person([iv('2025-03-03T18:00', '2025-03-03T21:00')], { places: [] })), H0015)[0]?.placeOfService).toBeNull();
  });
});

describe('range export: the payer week beside each day', () => {
  // Sunday 2 March to Saturday 8 March 2025.
  const week = (profile: BillingProfile) => [...evening('2025-03-03', '18:00', '21:00', profile), ...evening('2025-03-05', '18:00', '21:00', profile), ...evening('2025-03-07', '18:00', '21:00', profile)];

  it('H0015: 3 days of 180 minutes meet the week; with one day a minute short it does not', () => {
    const rows = days(week(H0015), H0015);
    expect(rows.map((d) => [d.date, d.weekStart, d.weekTreatmentMinutes, d.weekDaysAttended, d.weekDaysMeetingDailyMinimum, d.meetsWeeklyMinimum])).toEqual([
      ['2025-03-03', '2025-03-02', 540, 3, 3, true],
      ['2025-03-05', '2025-03-02', 540, 3, 3, true],
      ['2025-03-07', '2025-03-02', 540, 3, 3, true],
    ]);
    const short = days([...evening('2025-03-03'), ...evening('2025-03-05'), ...evening('2025-03-07', '18:00', '20:59')], H0015);
    expect(short[0]).toMatchObject({ weekDaysMeetingDailyMinimum: 2, meetsWeeklyMinimum: false });
  });

  it('S9480 with 9 hours a week: 3 × 180 minutes is exactly 540 and meets it; one minute less does not', () => {
    expect(days(week(S9480_9H), S9480_9H)[0]).toMatchObject({ meetsDailyMinimum: true, weekTreatmentMinutes: 540, meetsWeeklyMinimum: true });
    const short = [...evening('2025-03-03', '18:00', '21:00', S9480_9H), ...evening('2025-03-05', '18:00', '21:00', S9480_9H), ...evening('2025-03-07', '18:00', '20:59', S9480_9H)];
    expect(days(short, S9480_9H)[0]).toMatchObject({ weekTreatmentMinutes: 539, meetsWeeklyMinimum: false });
  });

  it('a range that cuts a week shows only its own days, but judges the week whole', () => {
    expect(weeksAround('2025-03-05', '2025-03-05', H0015)).toEqual({ from: '2025-03-02', to: '2025-03-08' });
    const rows = days(week(H0015), H0015, '2025-03-05', '2025-03-05');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ date: '2025-03-05', weekDaysMeetingDailyMinimum: 3, meetsWeeklyMinimum: true });
  });

  it('no rules (custom): the judgements are empty, not no', () => {
    const custom = BILLING_PRESETS.custom;
    const [day] = days(evening('2025-03-03', '18:00', '21:00', custom), custom);
    expect(day).toMatchObject({ meetsDailyMinimum: null, weekDaysMeetingDailyMinimum: null, meetsWeeklyMinimum: null });
    expect(billingDaysCsv([day!], custom).split('\r\n')[1]).toBe('2025-03-03,Ana,ana,custom,1,1,180.0,0.0,95,10,,2025-03-02,180.0,1,,');
  });
});

describe('the CSV and its documentation', () => {
  it('docs/attendance-csv.md explains every column of the range export, in order', () => {
    const doc = readFileSync(new URL('../../../docs/attendance-csv.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Billing days'));
    const documented = [...section.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual([...BILLING_DAYS_COLUMNS]);
  });
});
