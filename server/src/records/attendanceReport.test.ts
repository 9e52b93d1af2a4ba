import { BILLING_PRESETS } from '@hearth/shared';
import { describe, expect, it } from 'vitest';
import type { CohortRecord, GroupSessionRecord, MemberRecord } from '../store/ClinicStore.js';
import { attendanceCsv, sessionRows, withinDays } from './attendanceReport.js';

const cohort: CohortRecord = { id: 'c', name: 'Evening IOP', timeZone: 'America/Chicago', createdAt: 0 };
const members: MemberRecord[] = [
  { id: 'a', cohortId: 'c', pseudonym: 'Alex', contact: '555-0100', createdAt: 0 },
  { id: 'b', cohortId: 'c', pseudonym: '=Blake', createdAt: 0 },
];
// 18:00 in Chicago on 3 March 2025 (CST, UTC-6).
const six = Date.parse('2025-03-04T00:00:00Z');
const session: GroupSessionRecord = { id: 's', cohortId: 'c', title: 'Monday, group', scheduledStart: six, createdBy: 'f', createdAt: 0, status: 'ended' };

describe('attendance reports', () => {
  it('lists every member of the cohort: minutes in the room, and an absence as no time', () => {
    const rows = sessionRows(cohort, members, session, [
      { memberId: 'a', kind: 'in', at: six + 60_000 },
      { memberId: 'a', kind: 'out', at: six + 31 * 60_000 },
      { memberId: 'a', kind: 'in', at: six + 35 * 60_000 },
      { memberId: 'a', kind: 'out', at: six + 95 * 60_000 + 30_000 },
    ], six + 200 * 60_000);
    expect(rows.map((r) => [r.pseudonym, r.date, r.minutes])).toEqual([
      ['Alex', '2025-03-03', 90.5],
      ['=Blake', '2025-03-03', 0],
    ]);
  });

  it('writes CSV on the cohort\'s clock, with no contact details, quoting and defusing formulas', () => {
    const rows = sessionRows(cohort, members, session, [
      { memberId: 'a', kind: 'in', at: six + 60_000 },
      { memberId: 'a', kind: 'mode', at: six + 21 * 60_000, mode: 'audio-only' },
      { memberId: 'a', kind: 'out', at: six + 31 * 60_000 },
    ], six);
    const csv = attendanceCsv(rows, cohort.timeZone);
    expect(csv.split('\r\n')).toEqual([
      'date,session,member,member_id,first_in,last_out,minutes,intervals,audio_only_minutes,modality,treatment_minutes,break_minutes,modifier,late_minutes,left_early_minutes,camera_off_minutes,place_of_service,group_size,over_group_size_cap',
      '2025-03-03,"Monday, group",Alex,a,18:01,18:31,30.0,18:01-18:31,10.0,18:01-18:21 video 18:21-18:31 audio-only,30.0,0.0,95,,,,,1,no',
      "2025-03-03,\"Monday, group\",'=Blake,b,,,0.0,,0.0,,0.0,0.0,,,,,,1,no",
      '',
    ]);
    expect(csv).not.toContain('555-0100');
  });

  it('[REST4] treatment time leaves the break out; late and early are read against the cohort\'s schedule', () => {
    const scheduled: CohortRecord = { ...cohort, schedule: { weekdays: [1], startTime: '18:00', durationMinutes: 180 } };
    const min = (m: number) => six + m * 60_000;
    const rows = sessionRows(scheduled, members, { ...session, status: 'ended' }, [
      { memberId: 'a', kind: 'in', at: min(12) },
      { kind: 'break-start', at: min(90) },
      { kind: 'break-end', at: min(105) },
      { memberId: 'a', kind: 'out', at: min(150) },
      { memberId: 'b', kind: 'in', at: min(2) },
      { memberId: 'b', kind: 'out', at: min(180) },
    ], min(300));
    expect(rows.map((r) => [r.pseudonym, r.minutes, r.treatmentMinutes, r.breakMinutes, r.lateMinutes, r.leftEarlyMinutes, r.modifier])).toEqual([
      // In at 18:12 (late by 12 minutes: the grace is 5), out at 20:30 (30 minutes before 21:00).
      ['Alex', 138, 123, 15, 12, 30, '95'],
      // In at 18:02, within the grace: on time; there until the end.
      ['=Blake', 178, 163, 15, 0, 0, '95'],
    ]);
    const csv = attendanceCsv(rows, cohort.timeZone).split('\r\n');
    expect(csv[1]).toMatch(/,123\.0,15\.0,95,12\.0,30\.0,,,2,no$/);
  });

  it('[CAM1] camera-off minutes are of treatment time: breaks out, audio only in; unknown for a log from before camera time', () => {
    const min = (m: number) => six + m * 60_000;
    const rows = sessionRows(cohort, members, session, [
      { memberId: 'a', kind: 'in', at: min(0) },
      { memberId: 'a', kind: 'camera-off', at: min(0) },
      { memberId: 'a', kind: 'camera-on', at: min(1) },
      { memberId: 'a', kind: 'mode', at: min(20), mode: 'audio-only' },
      { memberId: 'a', kind: 'camera-off', at: min(20) },
      { kind: 'break-start', at: min(30) },
      { kind: 'break-end', at: min(45) },
      { memberId: 'a', kind: 'camera-on', at: min(50) },
      { memberId: 'a', kind: 'out', at: min(60) },
      { memberId: 'b', kind: 'in', at: min(0) },
      { memberId: 'b', kind: 'out', at: min(60) },
    ], min(90));
    // Alex: 1 + (20→30) + (45→50) = 16 camera-off minutes of 45 treatment minutes. Blake never turned one off.
    expect(rows.map((r) => [r.pseudonym, r.treatmentMinutes, r.cameraOffMinutes])).toEqual([
      ['Alex', 45, 16],
      ['=Blake', 45, 0],
    ]);
    expect(attendanceCsv(rows, cohort.timeZone).split('\r\n')[1]).toMatch(/,16\.0,,2,no$/);
    const before = sessionRows(cohort, members, session, [{ memberId: 'a', kind: 'in', at: min(0) }, { memberId: 'a', kind: 'out', at: min(60) }], min(90));
    expect(before.map((r) => r.cameraOffMinutes)).toEqual([null, null]);
  });

  it('judges by the cohort\'s billing profile: place of service from the consent answer, a group above its cap flagged', () => {
    const capped: CohortRecord = { ...cohort, billing: { ...BILLING_PRESETS['90853'], groupSizeCap: 2 } };
    const three = [...members, { id: 'c3', cohortId: 'c', pseudonym: 'Casey', createdAt: 0 }];
    const events = [
      { memberId: 'a', kind: 'in' as const, at: six, place: '10' as const },
      { memberId: 'b', kind: 'in' as const, at: six, place: '02' as const },
      { memberId: 'c3', kind: 'in' as const, at: six },
    ];
    const rows = sessionRows(capped, three, session, events, six + 60 * 60_000);
    expect(rows.map((r) => [r.pseudonym, r.placeOfService, r.groupSize, r.overGroupSizeCap])).toEqual([
      ['Alex', '10', 3, true],
      ['=Blake', '02', 3, true],
      ['Casey', null, 3, true],
    ]);
    expect(attendanceCsv(rows, cohort.timeZone).split('\r\n')[1]).toMatch(/,10,3,yes$/);
    // Within the cap (at it is within), and with no profile at all, nothing is flagged.
    expect(sessionRows(capped, members, session, events, six + 60 * 60_000)[0]?.overGroupSizeCap).toBe(false);
    expect(sessionRows(cohort, three, session, events, six + 60 * 60_000)[0]?.overGroupSizeCap).toBe(false);
  });

  it('picks sessions by their day in the cohort\'s zone', () => {
    // 23:30 in Chicago on 3 March is already 4 March in UTC.
    const late = Date.parse('2025-03-04T05:30:00Z');
    expect(withinDays(late, 'America/Chicago', '2025-03-03', '2025-03-03')).toBe(true);
    expect(withinDays(late, 'America/Chicago', '2025-03-04', '2025-03-10')).toBe(false);
    expect(withinDays(late, 'UTC', '2025-03-04', '2025-03-04')).toBe(true);
  });
});
