import { BILLING_PRESETS, localInputToIso, type BillingProfile } from '@hearth/shared';
import { describe, expect, it } from 'vitest';
import type { Interval, ModalityInterval } from './attendance.js';
import { cameraOffTooLong, displayMinutes, sessionAttendance, type ParticipantSession, type ParticipantTimes, type PlaceInterval, type SessionTimes } from './payerRules.js';
import { participantDays, participantWeeks, weekStartOf } from './payerWeeks.js';

/*
 * The published rules (issue 14): H0015 ≥ 3 h a day on ≥ 3 days a week, breaks not counted;
 * S9480 one unit per day of ≥ 3 h; 90853 per session per patient, group size capped (12);
 * modifier 95 video / 93 audio only; place of service 10 home / 02 elsewhere.
 */

const TZ = 'America/Chicago';
const MIN = 60_000;
const HOUR = 60 * MIN;
const { H0015, S9480 } = BILLING_PRESETS;
const G90853 = BILLING_PRESETS['90853'];

/** An instant on the cohort's clock: `2025-03-03T18:00` or with seconds. */
const t = (local: string) => Date.parse(localInputToIso(local, TZ)!);
const iv = (from: string, to: string): Interval => ({ from: t(from), to: t(to) });
const mode = (from: string, to: string, m: ModalityInterval['mode']): ModalityInterval => ({ ...iv(from, to), mode: m });
const place = (from: string, to: string, p: PlaceInterval['place']): PlaceInterval => ({ ...iv(from, to), place: p });

/** Someone admitted for these intervals, on video, at home, unless told otherwise. */
const person = (memberId: string, admitted: Interval[], more: Partial<ParticipantTimes> = {}): ParticipantTimes => ({
  memberId,
  admitted,
  modality: admitted.map((i) => ({ ...i, mode: 'video' })),
  places: admitted.map((i) => ({ ...i, place: '10' })),
  ...more,
});

/** Monday 3 March 2025, 18:00–21:00 in Chicago: a three-hour IOP evening. */
const evening = (participants: ParticipantTimes[], more: Partial<SessionTimes> = {}): SessionTimes => ({
  sessionId: 'mon',
  heldAt: t('2025-03-03T18:00'),
  scheduled: { start: t('2025-03-03T18:00'), durationMinutes: 180 },
  endedAt: t('2025-03-03T21:00'),
  breaks: [],
  participants,
  ...more,
});

const only = (session: SessionTimes, profile: BillingProfile = H0015): ParticipantSession => sessionAttendance(session, profile, TZ).participants[0]!;

/** One participant's session rows: a session per [date, from, to] on the cohort's clock. */
const rows = (memberId: string, sessions: [string, string, string][], profile: BillingProfile = H0015): ParticipantSession[] =>
  sessions.map(([date, from, to], n) => {
    const s = { sessionId: `s${n}`, heldAt: t(`${date}T${from}`), scheduled: null, endedAt: null, breaks: [], participants: [person(memberId, [iv(`${date}T${from}`, `${date}T${to}`)])] };
    return only(s, profile);
  });

describe('treatment time: admitted minus breaks, compared in exact ms', () => {
  it('exactly 180 minutes meets the 3-hour day; 179 min 59 s does not, nor does 1 ms short', () => {
    const [full] = participantDays(rows('ana', [['2025-03-03', '18:00', '21:00']]), H0015);
    expect(full).toMatchObject({ treatmentMs: 180 * MIN, meetsDailyMinimum: true, units: { S9480: 1, '90853': 1 } });
    const [short] = participantDays(rows('ana', [['2025-03-03', '18:00', '20:59:59']]), H0015);
    expect(short).toMatchObject({ treatmentMs: 180 * MIN - 1000, meetsDailyMinimum: false, units: { S9480: 0, '90853': 1 } });
    const almost = only(evening([person('ana', [{ from: t('2025-03-03T18:00'), to: t('2025-03-03T21:00') - 1 }])]));
    expect(participantDays([almost], S9480)[0]).toMatchObject({ meetsDailyMinimum: false, units: { S9480: 0 } });
  });

  it('shows minutes to a tenth rounded down, so a day shown as 180.0 has really reached 180', () => {
    expect(displayMinutes(180 * MIN)).toBe(180);
    expect(displayMinutes(180 * MIN - 1)).toBe(179.9);
    expect(displayMinutes(90 * MIN + 30_000)).toBe(90.5);
  });

  it('a break straddling an edge of an interval cuts only the overlap; one outside changes nothing; overlapping breaks count once', () => {
    const ana = person('ana', [iv('2025-03-03T18:10', '2025-03-03T21:00')]);
    const breaks = [
      iv('2025-03-03T18:00', '2025-03-03T18:20'), // straddles her arrival: 10 min inside
      iv('2025-03-03T19:30', '2025-03-03T19:40'), // inside: 10 min
      iv('2025-03-03T19:35', '2025-03-03T19:45'), // extended, overlapping the one before: 5 min more
      iv('2025-03-03T20:50', '2025-03-03T21:10'), // straddles the end: 10 min inside
      iv('2025-03-03T21:30', '2025-03-03T21:45'), // after she left: nothing
    ];
    const row = only(evening([ana], { breaks }));
    expect(row.breakMs).toBe(35 * MIN);
    expect(row.treatmentMs).toBe(170 * MIN - 35 * MIN);
  });

  it('a reconnect inside the grace (touching or overlapping intervals) counts once: 180 minutes, on time, stayed', () => {
    for (const admitted of [
      [iv('2025-03-03T18:00', '2025-03-03T19:10'), iv('2025-03-03T19:10', '2025-03-03T21:00')],
      [iv('2025-03-03T18:00', '2025-03-03T19:11'), iv('2025-03-03T19:10', '2025-03-03T21:00')],
    ]) {
      const row = only(evening([person('ana', admitted)]));
      expect(row).toMatchObject({ treatmentMs: 180 * MIN, lateByMs: 0, leftEarlyByMs: 0 });
      expect(participantDays([row], H0015)[0]!.meetsDailyMinimum).toBe(true);
    }
  });

  it('someone admitted only during a break attended no treatment: no session, no 90853 unit', () => {
    const row = only(evening([person('ana', [iv('2025-03-03T19:30', '2025-03-03T19:40')])], { breaks: [iv('2025-03-03T19:30', '2025-03-03T19:45')] }));
    expect(row).toMatchObject({ treatmentMs: 0, breakMs: 10 * MIN, attended: false, modifier: null });
    expect(participantDays([row], G90853)[0]).toMatchObject({ sessionsAttended: 0, units: { S9480: 0, '90853': 0 } });
  });
});

describe('how and where each person attended', () => {
  const breaks = [iv('2025-03-03T19:30', '2025-03-03T19:45')];
  const admitted = [iv('2025-03-03T18:00', '2025-03-03T21:00')];

  it('audio-only for part of a session splits treatment time 95 / 93, breaks left out; the larger share gives the modifier', () => {
    const modality = [mode('2025-03-03T18:00', '2025-03-03T19:00', 'video'), mode('2025-03-03T19:00', '2025-03-03T20:00', 'audio-only'), mode('2025-03-03T20:00', '2025-03-03T21:00', 'video')];
    const row = only(evening([person('ana', admitted, { modality })], { breaks }));
    expect(row.treatmentMs).toBe(165 * MIN);
    expect(row.modalityMs).toEqual({ video: 120 * MIN, 'audio-only': 45 * MIN });
    expect(row.modifier).toBe('95');
    const mostlyAudio = [mode('2025-03-03T18:00', '2025-03-03T20:00', 'audio-only'), mode('2025-03-03T20:00', '2025-03-03T21:00', 'video')];
    expect(only(evening([person('ben', admitted, { modality: mostlyAudio })], { breaks }))).toMatchObject({ modalityMs: { video: 60 * MIN, 'audio-only': 105 * MIN }, modifier: '93' });
  });

  it('a tie in modality goes to 93, never claiming video the record does not show', () => {
    const halves = [mode('2025-03-03T18:00', '2025-03-03T19:30', 'audio-only'), mode('2025-03-03T19:30', '2025-03-03T21:00', 'video')];
    expect(only(evening([person('ana', admitted, { modality: halves })])).modifier).toBe('93');
  });

  it('place of service: treatment minutes at home (10) and elsewhere (02), the session’s majority, unknown when not asked', () => {
    const moved = [place('2025-03-03T18:00', '2025-03-03T19:00', '10'), place('2025-03-03T19:00', '2025-03-03T21:00', '02')];
    expect(only(evening([person('ana', admitted, { places: moved })], { breaks }))).toMatchObject({ placeMs: { '10': 60 * MIN, '02': 105 * MIN, unknown: 0 }, placeOfService: '02' });
    const partly = [place('2025-03-03T18:00', '2025-03-03T20:00', '10')];
    expect(only(evening([person('ana', admitted, { places: partly })]))).toMatchObject({ placeMs: { '10': 120 * MIN, '02': 0, unknown: 60 * MIN }, placeOfService: '10' });
    expect(only(evening([person('ana', admitted, { places: [] })]))).toMatchObject({ placeMs: { '10': 0, '02': 0, unknown: 180 * MIN }, placeOfService: null });
  });

  it('a tie in place, or time said to be both, goes to 02 (never claiming home the record does not show)', () => {
    const halves = [place('2025-03-03T18:00', '2025-03-03T19:30', '10'), place('2025-03-03T19:30', '2025-03-03T21:00', '02')];
    expect(only(evening([person('ana', admitted, { places: halves })])).placeOfService).toBe('02');
    const both = [place('2025-03-03T18:00', '2025-03-03T21:00', '10'), place('2025-03-03T20:00', '2025-03-03T21:00', '02')];
    expect(only(evening([person('ana', admitted, { places: both })])).placeMs).toEqual({ '10': 120 * MIN, '02': 60 * MIN, unknown: 0 });
  });

  it('camera-on time is treatment time with the camera on; none recorded is null, not zero', () => {
    const cameraOff = [iv('2025-03-03T18:30', '2025-03-03T18:45'), iv('2025-03-03T19:40', '2025-03-03T19:50')]; // 19:40–19:45 is in the break
    expect(only(evening([person('ana', admitted, { cameraOff })], { breaks })).cameraOnMs).toBe(165 * MIN - 15 * MIN - 5 * MIN);
    expect(only(evening([person('ana', admitted)])).cameraOnMs).toBeNull();
  });
});

describe('late arrival and early leave against the schedule', () => {
  const arriving = (at: string, profile: BillingProfile = H0015) => only(evening([person('ana', [iv(at, '2025-03-03T21:00')])]), profile).lateByMs;

  it('an arrival exactly at the end of the grace is on time; a second later is late, counted from the start', () => {
    expect(arriving('2025-03-03T17:55')).toBe(0);
    expect(arriving('2025-03-03T18:05')).toBe(0);
    expect(arriving('2025-03-03T18:05:01')).toBe(5 * MIN + 1000);
    expect(arriving('2025-03-03T18:20')).toBe(20 * MIN);
    expect(arriving('2025-03-03T18:00:01', { ...H0015, lateGraceMinutes: 0 })).toBe(1000);
  });

  it('leaving before the scheduled end is early by the time left; coming back for the end is not', () => {
    const leaving = (admitted: Interval[], more: Partial<SessionTimes> = {}) => only(evening([person('ana', admitted)], more)).leftEarlyByMs;
    expect(leaving([iv('2025-03-03T18:00', '2025-03-03T20:30')])).toBe(30 * MIN);
    expect(leaving([iv('2025-03-03T18:00', '2025-03-03T19:00'), iv('2025-03-03T19:10', '2025-03-03T21:00')])).toBe(0);
    // The session ran to 20:30 only: staying to its end is not leaving early; leaving at 20:00 is 30 min early.
    expect(leaving([iv('2025-03-03T18:00', '2025-03-03T20:30')], { endedAt: t('2025-03-03T20:30') })).toBe(0);
    expect(leaving([iv('2025-03-03T18:00', '2025-03-03T20:00')], { endedAt: t('2025-03-03T20:30') })).toBe(30 * MIN);
  });

  it('uses the schedule’s duration, and says nothing for an unscheduled session or an absence', () => {
    const ninety = { scheduled: { start: t('2025-03-03T18:00'), durationMinutes: 90 }, endedAt: null };
    expect(only(evening([person('ana', [iv('2025-03-03T18:00', '2025-03-03T19:20')])], ninety)).leftEarlyByMs).toBe(10 * MIN);
    expect(only(evening([person('ana', [iv('2025-03-03T18:30', '2025-03-03T19:00')])], { scheduled: null }))).toMatchObject({ lateByMs: null, leftEarlyByMs: null });
    expect(only(evening([person('ana', [])]))).toMatchObject({ lateByMs: null, leftEarlyByMs: null, treatmentMs: 0, attended: false });
  });
});

describe('group size', () => {
  const group = (n: number) => Array.from({ length: n }, (_, i) => person(`m${i}`, [iv('2025-03-03T18:00', '2025-03-03T21:00')]));

  it('counts each participant admitted at any time once, and flags only a group above the cap (12 for 90853)', () => {
    const twice = person('back', [iv('2025-03-03T18:00', '2025-03-03T18:30'), iv('2025-03-03T19:00', '2025-03-03T21:00')]);
    const atCap = sessionAttendance(evening([...group(11), twice, person('absent', [])]), G90853, TZ);
    expect(atCap).toMatchObject({ groupSize: 12, overGroupSizeCap: false });
    expect(atCap.participants).toHaveLength(13);
    expect(sessionAttendance(evening(group(13)), G90853, TZ)).toMatchObject({ groupSize: 13, overGroupSizeCap: true });
    expect(sessionAttendance(evening(group(13)), H0015, TZ)).toMatchObject({ groupSize: 13, overGroupSizeCap: false });
  });
});

describe('days on the cohort’s clock', () => {
  it('a day with two sessions summing over 180 minutes meets the minimum neither meets alone: one S9480 unit, two 90853 units', () => {
    const both = rows('ana', [['2025-03-03', '13:00', '15:00'], ['2025-03-03', '18:00', '19:01']]);
    expect(participantDays(both, S9480)).toEqual([
      { memberId: 'ana', date: '2025-03-03', treatmentMs: 181 * MIN, breakMs: 0, sessionsAttended: 2, meetsDailyMinimum: true, units: { S9480: 1, '90853': 2 } },
    ]);
    expect(participantDays(both.slice(0, 1), S9480)[0]).toMatchObject({ meetsDailyMinimum: false, units: { S9480: 0, '90853': 1 } });
  });

  it('dates a session by its start on the cohort’s clock, not in UTC: 21:00 Monday in Chicago is Tuesday 03:00 UTC', () => {
    const late = rows('ana', [['2025-03-03', '21:00', '23:00']]);
    expect(late[0]!.date).toBe('2025-03-03');
  });

  it('keeps members and days apart, in order; with no daily minimum (90853) every day attended is a day, and none is judged', () => {
    const days = participantDays([...rows('ben', [['2025-03-04', '18:00', '19:00']], G90853), ...rows('ana', [['2025-03-04', '18:00', '18:50'], ['2025-03-03', '18:00', '18:30']], G90853)], G90853);
    expect(days.map((d) => [d.memberId, d.date, d.treatmentMs / MIN, d.meetsDailyMinimum, d.units.S9480])).toEqual([
      ['ana', '2025-03-03', 30, null, 1],
      ['ana', '2025-03-04', 50, null, 1],
      ['ben', '2025-03-04', 60, null, 1],
    ]);
  });
});

describe('weeks on the cohort’s clock', () => {
  const weeks = (sessions: [string, string, string][], profile: BillingProfile = H0015) => participantWeeks(participantDays(rows('ana', sessions, profile), profile), profile, TZ);

  it('H0015: a week with exactly 3 days of 3 hours meets it; one with 2 such days and one 1 s short does not', () => {
    const three = weeks([['2025-03-03', '18:00', '21:00'], ['2025-03-05', '18:00', '21:00'], ['2025-03-06', '18:00', '21:00']]);
    expect(three).toEqual([
      { memberId: 'ana', weekStart: '2025-03-02', from: t('2025-03-02T00:00'), to: t('2025-03-09T00:00'), treatmentMs: 540 * MIN, daysAttended: 3, daysMeetingDailyMinimum: 3, meetsWeeklyMinimum: true },
    ]);
    const two = weeks([['2025-03-03', '18:00', '21:00'], ['2025-03-05', '18:00', '21:00'], ['2025-03-06', '18:00', '20:59:59']]);
    expect(two[0]).toMatchObject({ daysAttended: 3, daysMeetingDailyMinimum: 2, meetsWeeklyMinimum: false });
  });

  it('a week holding the spring DST change runs Sunday to Saturday on the clock: 167 hours, late-evening sessions in the right week', () => {
    const [before, spring, after] = weeks([
      ['2025-03-08', '21:30', '23:59'], // Saturday CST, already Sunday in UTC: the week before
      ['2025-03-10', '18:00', '21:00'],
      ['2025-03-12', '18:00', '21:00'],
      ['2025-03-15', '21:00', '23:59'], // Saturday CDT, Sunday 02:00 UTC: still this week
      ['2025-03-16', '00:30', '03:30'], // Sunday 00:30 CDT is 05:30 UTC, before 7 × 24 h from the week's start: next week
    ]);
    expect(before).toMatchObject({ weekStart: '2025-03-02', daysAttended: 1 });
    expect(spring).toMatchObject({ weekStart: '2025-03-09', daysAttended: 3, daysMeetingDailyMinimum: 2, meetsWeeklyMinimum: false });
    expect(spring!.to - spring!.from).toBe(167 * HOUR);
    expect(spring!.from).toBe(Date.parse('2025-03-09T06:00:00Z'));
    expect(after).toMatchObject({ weekStart: '2025-03-16', daysAttended: 1, daysMeetingDailyMinimum: 1 });
    const [fall] = weeks([['2025-11-04', '18:00', '21:00']]);
    expect(fall!.to - fall!.from).toBe(169 * HOUR);
  });

  it('starts the week on the profile’s weekday', () => {
    expect(weekStartOf('2025-03-09', 0)).toBe('2025-03-09');
    expect(weekStartOf('2025-03-15', 0)).toBe('2025-03-09');
    expect(weekStartOf('2025-03-09', 1)).toBe('2025-03-03');
    expect(weekStartOf('2025-03-10', 1)).toBe('2025-03-10');
    expect(weekStartOf('2025-01-01', 0)).toBe('2024-12-29');
    const monday = { ...H0015, weekStartsOn: 1 };
    expect(weeks([['2025-03-09', '18:00', '21:00'], ['2025-03-10', '18:00', '21:00']], monday).map((w) => w.weekStart)).toEqual(['2025-03-03', '2025-03-10']);
  });

  it('a weekly minimum of minutes (S9480 with 9 hours) is met at exactly 540 and not 1 s short; no weekly rule is null', () => {
    const ninehours = { ...S9480, weeklyMinimumMinutes: 540 };
    const week = (lastEnd: string) => weeks([['2025-03-03', '18:00', '21:00'], ['2025-03-04', '18:00', '21:00'], ['2025-03-05', '18:00', lastEnd]], ninehours)[0];
    expect(week('21:00')).toMatchObject({ treatmentMs: 540 * MIN, meetsWeeklyMinimum: true });
    expect(week('20:59:59')).toMatchObject({ meetsWeeklyMinimum: false });
    expect(weeks([['2025-03-03', '18:00', '21:00']], S9480)[0]).toMatchObject({ daysMeetingDailyMinimum: 1, meetsWeeklyMinimum: null });
    expect(weeks([['2025-03-03', '18:00', '21:00']], G90853)[0]).toMatchObject({ daysMeetingDailyMinimum: null, meetsWeeklyMinimum: null });
  });
});

describe('camera off too long (the console’s quiet flag)', () => {
  const now = t('2025-03-03T19:00');
  const tenMinutes = { cameraOffFlagMinutes: 10 };

  it('flags the stretch going on now once it is longer than the setting, not at exactly the setting', () => {
    expect(cameraOffTooLong([{ from: now - 10 * MIN, to: now }], now, tenMinutes)).toEqual({ flagged: false, offForMs: 10 * MIN });
    expect(cameraOffTooLong([{ from: now - 10 * MIN - 1, to: now }], now, tenMinutes)).toEqual({ flagged: true, offForMs: 10 * MIN + 1 });
  });

  it('counts touching stretches as one, and not one that has ended', () => {
    expect(cameraOffTooLong([{ from: now - 12 * MIN, to: now - 6 * MIN }, { from: now - 6 * MIN, to: now }], now, tenMinutes).flagged).toBe(true);
    expect(cameraOffTooLong([{ from: now - 60 * MIN, to: now - 1 * MIN }], now, tenMinutes)).toEqual({ flagged: false, offForMs: 0 });
  });

  it('never flags when the cohort sets no limit', () => {
    expect(cameraOffTooLong([{ from: now - 3 * HOUR, to: now }], now, { cameraOffFlagMinutes: null })).toEqual({ flagged: false, offForMs: 3 * HOUR });
  });
});
