import { DisclosureRequest, type DisclosedWhat } from '@hearth/shared';
import { z } from 'zod';
import type { Clinic } from '../clinic/createClinic.js';
import { DisclosureRequiredError } from '../errors.js';
import { newId } from '../lib/ids.js';
import type { DisclosureRecord } from '../store/DisclosureLog.js';

/**
 * The accounting of disclosures (42 CFR Part 2). Every route that exports participants' data
 * (attendance CSV, a note's PDF or JSON, …) does two things, in this order:
 *
 *   const request = disclosureRequested(req.query);   // first: 400 DISCLOSURE_REQUIRED, nothing built
 *   …build the export…
 *   await recordDisclosure(clinic, { byId: signedIn(res).id, memberIds, what, description, request });
 *   res.send(file);                                   // only once it is recorded
 *
 * `memberIds` is everyone whose data the file holds: a whole session's export discloses every
 * participant listed in it.
 */
export function disclosureRequested(query: unknown): DisclosureRequest {
  const parsed = DisclosureRequest.safeParse(query);
  if (!parsed.success) throw new DisclosureRequiredError(z.prettifyError(parsed.error));
  return parsed.data;
}

export type Disclosure = {
  byId: string;
  memberIds: readonly string[];
  what: DisclosedWhat;
  /** What a reader of the accounting sees: "Attendance CSV: Evening group, 2026-03-02". */
  description: string;
  request: DisclosureRequest;
};

/**
 * Records one disclosure in the disclosure log, and an audit entry naming it (its id and
 * kind, never its recipient, purpose or contents). Throws if either cannot be written: the
 * caller then sends nothing.
 */
export async function recordDisclosure(clinic: Pick<Clinic, 'disclosures' | 'audited' | 'clock'>, d: Disclosure): Promise<DisclosureRecord> {
  const record: DisclosureRecord = {
    id: newId(),
    at: clinic.clock(),
    byId: d.byId,
    memberIds: [...new Set(d.memberIds)],
    what: d.what,
    description: d.description,
    recipient: d.request.recipient,
    purpose: d.request.purpose,
  };
  await clinic.disclosures.append(record);
  await clinic.audited(`disclosure-recorded:${d.what.kind}`, d.byId, record.id, d.what.sessionId ?? null);
  return record;
}
