import { Router } from 'express';
import { AccountingQuery, type Accounting, type DisclosureRow } from '@hearth/shared';
import type { Clinic } from '../clinic/createClinic.js';
import { NotFoundError } from '../errors.js';
import { csvCell, withinDays } from '../records/attendanceReport.js';
import { localDate, localTime } from '../records/localClock.js';
import { signedIn } from './guards.js';
import { parseBody } from './parseBody.js';

/**
 * The accounting of disclosures (42 CFR Part 2): for one participant over a range of days on
 * their cohort's clock, every export that held their data. api.routes.ts lets admins only.
 */
export function disclosuresRoutes({ clinic }: { clinic: Clinic }): Router {
  const router = Router();

  const accounting = async (query: unknown): Promise<Accounting> => {
    const { memberId, from, to } = parseBody(AccountingQuery, query);
    const member = await clinic.store.members.get(memberId);
    if (!member) throw new NotFoundError('participant');
    const timeZone = (await clinic.store.cohorts.get(member.cohortId))?.timeZone ?? clinic.timeZone;
    const names = new Map<string, string | null>();
    const nameOf = async (id: string) => {
      if (!names.has(id)) names.set(id, (await clinic.store.accounts.get(id))?.displayName ?? null);
      return names.get(id) ?? null;
    };
    const disclosures: DisclosureRow[] = [];
    for (const d of await clinic.disclosures.ofMember(memberId)) {
      if (!withinDays(d.at, timeZone, from, to)) continue;
      const { id, recipient, purpose, what, description, byId } = d;
      disclosures.push({ id, at: new Date(d.at).toISOString(), recipient, purpose, what, description, byId, by: await nameOf(byId) });
    }
    return { memberId, pseudonym: member.pseudonym, timeZone, from, to, disclosures };
  };

  router.get('/disclosures/accounting', async (req, res) => {
    res.json(await accounting(req.query));
  });

  // The accounting itself names the participant: it is for the participant (or the clinic's
  // file), not a disclosure of attendance data, so it is audited rather than accounted.
  router.get('/disclosures/accounting.csv', async (req, res) => {
    const a = await accounting(req.query);
    const header = ['date', 'time', 'recipient', 'purpose', 'what', 'by'];
    const lines = a.disclosures.map((d) => {
      const t = Date.parse(d.at);
      return [localDate(t, a.timeZone), localTime(t, a.timeZone), d.recipient, d.purpose, d.description, d.by ?? d.byId];
    });
    await clinic.audited('disclosure-accounting-exported', signedIn(res).id, a.memberId);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="disclosures-${a.memberId}-${a.from}-to-${a.to}.csv"`);
    res.send([header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n');
  });

  return router;
}
