import type { Cohort, CohortMember, GroupSession, InviteLink as InviteLinkView } from '@hearth/shared';
import type { CohortRecord, GroupSessionRecord, MemberRecord } from '../store/ClinicStore.js';
import type { InviteLink } from './Invites.js';

/** What the HTTP API sends: the stored records with times as ISO 8601 strings, in the shapes shared/src/api/responses.ts gives the staff pages. */
const iso = (ms: number): string => new Date(ms).toISOString();

export const cohortView = (c: CohortRecord): Cohort => ({
  id: c.id,
  name: c.name,
  timeZone: c.timeZone,
  createdAt: iso(c.createdAt),
  neverPairs: c.neverPairs ?? [],
  schedule: c.schedule ?? null,
  cameraOffFlagMinutes: c.cameraOffFlagMinutes ?? null,
  billing: c.billing ?? null,
});

/** Staff-only: it carries the clinic-side contact. */
export const memberView = (m: MemberRecord): CohortMember => ({
  id: m.id,
  cohortId: m.cohortId,
  pseudonym: m.pseudonym,
  ...(m.contact === undefined ? {} : { contact: m.contact }),
  createdAt: iso(m.createdAt),
});

export const sessionView = (s: GroupSessionRecord): GroupSession => ({
  id: s.id,
  cohortId: s.cohortId,
  title: s.title,
  ...(s.scheduledStart === undefined ? {} : { scheduledStart: iso(s.scheduledStart) }),
  status: s.status,
  createdBy: s.createdBy,
  createdAt: iso(s.createdAt),
});

export const inviteLinkView = (l: InviteLink): InviteLinkView => ({ ...l, expiresAt: iso(l.expiresAt) });
