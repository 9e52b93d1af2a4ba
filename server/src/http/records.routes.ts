import { Router, type Request, type Response } from 'express';
import { DateRange, profileOrCustom, type AttendanceRow as AttendanceRowView, type AuditEntryView, type BillingDays } from '@hearth/shared';
import { z } from 'zod';
import { signedIn } from './guards.js';
import type { Clinic } from '../clinic/createClinic.js';
import { NotFoundError } from '../errors.js';
import type { AuditEntry } from '../store/auditChain.js';
import { attendanceCsv, sessionPayer, sessionRows, sessionTime, withinDays, type AttendanceRow } from '../records/attendanceReport.js';
import { billingDays, billingDaysCsv, weeksAround } from '../records/billingDays.js';
import { parseBody } from './parseBody.js';
import { disclosureRequested, recordDisclosure } from '../records/disclosures.js';
import type { DisclosedWhat, DisclosureRequest } from '@hearth/shared';
import { scopeToTheirCohorts } from './cohortScope.js';

const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

const iso = (ms: number) => new Date(ms).toISOString();
const rowView = (r: AttendanceRow): AttendanceRowView => ({
  ...r,
  intervals: r.intervals.map((i) => ({ from: iso(i.from), to: iso(i.to) })),
  modality: r.modality.map((i) => ({ from: iso(i.from), to: iso(i.to), mode: i.mode })),
});

/** Attendance reports and exports (staff), and the audit log with its verification (admins); api.routes.ts guards both. */
export function recordsRoutes({ clinic }: { clinic: Clinic }): Router {
  const router = Router();
  const { store, attendance } = clinic;
  // Attendance is the cohort's: its staff and the admins only.
  scopeToTheirCohorts(router, clinic);

  const sessionReport = async (sessionId: string) => {
    const session = await store.sessions.get(sessionId);
    if (!session) throw new NotFoundError('session');
    const cohort = await store.cohorts.get(session.cohortId);
    if (!cohort) throw new NotFoundError('cohort');
    const members = await store.members.listByCohort(cohort.id);
    return { session, cohort, rows: sessionRows(cohort, members, session, await attendance.events(session.id), clinic.clock()) };
  };

  const cohortReport = async (cohortId: string, query: unknown) => {
    const cohort = await store.cohorts.get(cohortId);
    if (!cohort) throw new NotFoundError('cohort');
    const { from, to } = parseBody(DateRange, query);
    const members = await store.members.listByCohort(cohort.id);
    const rows: AttendanceRow[] = [];
    for (const session of await store.sessions.listByCohort(cohort.id)) {
      const events = await attendance.events(session.id);
      // Only sessions that were held: a future evening is not everyone absent.
      if (session.status === 'scheduled' && events.length === 0) continue;
      if (!withinDays(sessionTime(session, events), cohort.timeZone, from, to)) continue;
      rows.push(...sessionRows(cohort, members, session, events, clinic.clock()));
    }
    rows.sort((a, b) => a.date.localeCompare(b.date));
    return { cohort, from, to, rows };
  };

  /**
   * Per participant per day over a range, with their payer weeks (docs/attendance-csv.md):
   * the whole cohort, or one member of it. Every query field is parsed before anything is read.
   */
  const daysReport = async (cohortId: string, memberId: string | null, query: unknown): Promise<BillingDays> => {
    const { from, to } = parseBody(DateRange, query);
    const cohort = await store.cohorts.get(cohortId);
    if (!cohort) throw new NotFoundError('cohort');
    const everyone = await store.members.listByCohort(cohort.id);
    const members = memberId === null ? everyone : everyone.filter((m) => m.id === memberId);
    if (members.length === 0 && memberId !== null) throw new NotFoundError('member of this cohort');
    const profile = profileOrCustom(cohort.billing);
    const weeks = weeksAround(from, to, profile);
    const rows = [];
    for (const session of await store.sessions.listByCohort(cohort.id)) {
      const events = await attendance.events(session.id);
      if (session.status === 'scheduled' && events.length === 0) continue;
      if (!withinDays(sessionTime(session, events), cohort.timeZone, weeks.from, weeks.to)) continue;
      // The group's size counts everyone, so the payer reading is made for the whole cohort and then narrowed.
      rows.push(...sessionPayer(cohort, everyone, session, events, clinic.clock()).participants.filter((p) => members.some((m) => m.id === p.memberId)));
    }
    const days = billingDays(rows, new Map(members.map((m) => [m.id, m.pseudonym])), profile, cohort.timeZone, { from, to });
    return { cohortId: cohort.id, cohortName: cohort.name, timeZone: cohort.timeZone, from, to, memberId, billing: profile, days };
  };

  /**
   * Exports leave the building: each one is recorded as a disclosure of everyone listed in it
   * (42 CFR Part 2) and audited before it is sent.
   */
  type Export = { targetId: string; sessionId: string | null; memberIds: readonly string[]; what: DisclosedWhat; description: string };
  const disclosed = async (res: Response, request: DisclosureRequest, e: Export) => {
    const byId = signedIn(res).id;
    await recordDisclosure(clinic, { byId, memberIds: e.memberIds, what: e.what, description: e.description, request });
    await clinic.audited('attendance-exported', byId, e.targetId, e.sessionId);
  };
  const sendCsv = async (res: Response, request: DisclosureRequest, e: Export & { filename: string; csv: string }) => {
    await disclosed(res, request, e);
    const { filename, csv } = e;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.send(csv);
  };

  router.get('/sessions/:sessionId/attendance', async (req, res) => {
    const { session, cohort, rows } = await sessionReport(req.params.sessionId);
    res.json({ sessionId: session.id, title: session.title, timeZone: cohort.timeZone, rows: rows.map(rowView) });
  });

  router.get('/sessions/:sessionId/attendance.csv', async (req, res) => {
    const request = disclosureRequested(req.query);
    const { session, cohort, rows } = await sessionReport(req.params.sessionId);
    const day = rows[0]?.date ?? 'session';
    await sendCsv(res, request, {
      filename: `attendance-${day}-${session.id}.csv`,
      csv: attendanceCsv(rows, cohort.timeZone),
      targetId: session.id,
      sessionId: session.id,
      memberIds: rows.map((r) => r.memberId),
      what: { kind: 'attendance-csv', sessionId: session.id, cohortId: cohort.id },
      description: `Attendance CSV: ${session.title}, ${day}`,
    });
  });

  router.get('/cohorts/:cohortId/attendance', async (req, res) => {
    const { cohort, from, to, rows } = await cohortReport(req.params.cohortId, req.query);
    res.json({ cohortId: cohort.id, timeZone: cohort.timeZone, from, to, rows: rows.map(rowView) });
  });

  router.get('/cohorts/:cohortId/attendance.csv', async (req, res) => {
    const request = disclosureRequested(req.query);
    const { cohort, from, to, rows } = await cohortReport(req.params.cohortId, req.query);
    await sendCsv(res, request, {
      filename: `attendance-${from}-to-${to}.csv`,
      csv: attendanceCsv(rows, cohort.timeZone),
      targetId: cohort.id,
      sessionId: null,
      memberIds: rows.map((r) => r.memberId),
      what: { kind: 'attendance-csv', cohortId: cohort.id, from, to },
      description: `Attendance CSV: ${cohort.name}, ${from} to ${to}`,
    });
  });

  // The printable view's data and the CSV, for the cohort and for one participant. Both are
  // disclosures (a printed page leaves the building as a file does): audited, and logged.
  const daysExport = (report: BillingDays, kind: 'billing-days' | 'billing-days-csv'): Export => ({
    targetId: report.memberId ?? report.cohortId,
    sessionId: null,
    memberIds: report.memberId !== null ? [report.memberId] : [...new Set(report.days.map((d) => d.memberId))],
    what: { kind, cohortId: report.cohortId, from: report.from, to: report.to },
    description: `Billing days${kind === 'billing-days' ? ' (printed)' : ' CSV'}: ${report.cohortName}, ${report.from} to ${report.to}`,
  });
  const daysJson = async (req: Request, res: Response, cohortId: string, memberId: string | null) => {
    const request = disclosureRequested(req.query);
    const report = await daysReport(cohortId, memberId, req.query);
    await disclosed(res, request, daysExport(report, 'billing-days'));
    res.json(report satisfies BillingDays);
  };
  const daysCsv = async (req: Request, res: Response, cohortId: string, memberId: string | null) => {
    const request = disclosureRequested(req.query);
    const report = await daysReport(cohortId, memberId, req.query);
    const who = memberId === null ? 'cohort' : `member-${memberId}`;
    await sendCsv(res, request, { ...daysExport(report, 'billing-days-csv'), filename: `billing-days-${who}-${report.from}-to-${report.to}.csv`, csv: billingDaysCsv(report.days, report.billing) });
  };
  router.get('/cohorts/:cohortId/billing-days', (req, res) => daysJson(req, res, req.params.cohortId, null));
  router.get('/cohorts/:cohortId/billing-days.csv', (req, res) => daysCsv(req, res, req.params.cohortId, null));
  router.get('/cohorts/:cohortId/members/:memberId/billing-days', (req, res) => daysJson(req, res, req.params.cohortId, req.params.memberId));
  router.get('/cohorts/:cohortId/members/:memberId/billing-days.csv', (req, res) => daysCsv(req, res, req.params.cohortId, req.params.memberId));

  router.get('/audit', async (req, res) => {
    const { limit } = parseBody(AuditQuery, req.query);
    const entries = await clinic.audit.recent(limit);
    res.json({ entries: await Promise.all(entries.map((e) => auditView(clinic, e))) });
  });

  // The chain, its signatures, and the checkpoints this node wrote or can read.
  router.get('/audit/verify', async (_req, res) => {
    res.json(await clinic.audit.verify());
  });

  return router;
}

/** An entry with names for its ids where the clinic knows them (staff names, pseudonyms). */
async function auditView(clinic: Clinic, e: AuditEntry): Promise<AuditEntryView> {
  const name = async (id: string | null) => {
    if (id === null) return null;
    return (await clinic.store.accounts.get(id))?.displayName ?? (await clinic.store.members.get(id))?.pseudonym ?? null;
  };
  return { seq: e.seq, at: iso(e.at), action: e.action, actorId: e.actorId, actor: await name(e.actorId), targetId: e.targetId, target: await name(e.targetId), sessionId: e.sessionId, hash: e.hash };
}
