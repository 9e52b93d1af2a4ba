import { Router, type Request, type Response } from 'express';
import {
  AddendumRequest,
  CoSignRequest,
  GroupSection,
  NoteDraft,
  NotesSettings,
  SignRequest,
  type NoteAnswer,
  type NoteFacts,
  type SessionNotesAnswer,
} from '@hearth/shared';
import type { Clinic } from '../clinic/createClinic.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import { sessionRows, sessionTime } from '../records/attendanceReport.js';
import { localDate } from '../records/localClock.js';
import { noteFacts } from '../records/noteFacts.js';
import { disclosureRequested, recordDisclosure } from '../records/disclosures.js';
import { notesPdf } from '../records/notesPdf.js';
import { noteAnswer } from '../records/noteViews.js';
import { contentHashOf } from '../store/noteHash.js';
import { scopeToTheirCohorts } from './cohortScope.js';
import { requireRole, signedIn } from './guards.js';
import { parseBody } from './parseBody.js';

/**
 * Group notes (GNOTE1–4) under the session's scope: only staff of its cohort and admins
 * reach them (cohortScope.ts; api.routes.ts lets only signed-in staff reach /sessions and
 * /cohorts, so participants never do). Every body and query is parsed before anything is
 * read; the lock rule itself lives in the store. Note text is never logged or audited:
 * audit entries carry the SHA-256 of what was signed.
 */
export function notesRoutes({ clinic }: { clinic: Clinic }): Router {
  const router = Router();
  const { store, notes } = clinic;
  scopeToTheirCohorts(router, clinic);

  /** Everything a session's notes are made from, read once per request. */
  const sessionContext = async (sessionId: string) => {
    const session = await store.sessions.get(sessionId);
    if (!session) throw new NotFoundError('session');
    const cohort = await store.cohorts.get(session.cohortId);
    if (!cohort) throw new NotFoundError('cohort');
    const members = await store.members.listByCohort(cohort.id);
    const events = await clinic.attendance.events(session.id);
    const rows = new Map(sessionRows(cohort, members, session, events, clinic.clock()).map((r) => [r.memberId, r]));
    const state = await clinic.sessionStates.load(session.id);
    const helps = (await clinic.audit.all()).filter((e) => e.action === 'help-requested' && e.sessionId === session.id);
    const facts = (memberId: string): NoteFacts =>
      noteFacts(memberId, { row: rows.get(memberId)!, state, helpRequests: helps.filter((e) => e.actorId === memberId).length });
    const settings = await notes.settings(cohort.id);
    const group = (await notes.group(session.id)) ?? null;
    const date = localDate(sessionTime(session, events), cohort.timeZone);
    const memberOf = (memberId: string) => {
      const member = members.find((m) => m.id === memberId);
      if (!member) throw new NotFoundError('participant of this cohort');
      return member;
    };
    const answer = async (memberId: string): Promise<NoteAnswer> =>
      noteAnswer(memberOf(memberId), session.id, await notes.get(session.id, memberId), { group: group?.section ?? null, facts: facts(memberId), settings });
    const all = async (): Promise<SessionNotesAnswer> => ({
      sessionId: session.id,
      cohortId: cohort.id,
      title: session.title,
      date,
      settings,
      group: group?.section ?? null,
      groupLocked: (group?.lockedAt ?? null) !== null,
      notes: await Promise.all(members.map((m) => answer(m.id))),
    });
    return { session, cohort, settings, facts, memberOf, answer, all, date };
  };

  router.get('/cohorts/:cohortId/notes-settings', async (req, res) => {
    res.json(await notes.settings(req.params.cohortId));
  });

  // A clinic's policy (which template, whether a supervisor co-signs): its admins set it.
  router.put('/cohorts/:cohortId/notes-settings', requireRole(clinic, 'admin'), async (req, res) => {
    const settings = parseBody(NotesSettings, req.body);
    const cohortId = String(req.params['cohortId']);
    await notes.setSettings(cohortId, settings);
    await clinic.audited('notes-settings-changed', signedIn(res).id, cohortId);
    res.json(settings);
  });

  router.get('/sessions/:sessionId/notes', async (req, res) => {
    res.json(await (await sessionContext(req.params.sessionId)).all());
  });

  router.put('/sessions/:sessionId/notes/group', async (req, res) => {
    const section = parseBody(GroupSection, req.body);
    const { session } = await sessionContext(req.params.sessionId);
    await notes.setGroup(session.id, section, signedIn(res).id, clinic.clock());
    res.json(await (await sessionContext(session.id)).all());
  });

  router.get('/sessions/:sessionId/notes/:memberId', async (req, res) => {
    res.json(await (await sessionContext(req.params.sessionId)).answer(req.params.memberId));
  });

  router.put('/sessions/:sessionId/notes/:memberId', async (req, res) => {
    const { individual } = parseBody(NoteDraft, req.body);
    const { session, settings, memberOf } = await sessionContext(req.params.sessionId);
    const memberId = memberOf(req.params.memberId).id;
    // A note keeps the template it was begun with; a new one takes the cohort's.
    const template = (await notes.get(session.id, memberId))?.individual.template ?? settings.template;
    if (individual.template !== template) throw new InvalidStateError(`this note is written as ${template}`);
    await notes.saveDraft(session.id, memberId, individual, signedIn(res).id, clinic.clock());
    res.json(await (await sessionContext(session.id)).answer(memberId));
  });

  router.post('/sessions/:sessionId/notes/:memberId/sign', async (req, res) => {
    const { name, credential } = parseBody(SignRequest, req.body);
    const { session, facts, memberOf } = await sessionContext(req.params.sessionId);
    const memberId = memberOf(req.params.memberId).id;
    const account = signedIn(res);
    const signed = await notes.sign(session.id, memberId, { accountId: account.id, name, credential, at: clinic.clock() }, facts(memberId));
    await clinic.audited('note-signed', account.id, memberId, session.id, signed.signed!.contentHash);
    res.json(await (await sessionContext(session.id)).answer(memberId));
  });

  router.post('/sessions/:sessionId/notes/:memberId/addenda', async (req, res) => {
    const { text } = parseBody(AddendumRequest, req.body);
    const { session, memberOf } = await sessionContext(req.params.sessionId);
    const memberId = memberOf(req.params.memberId).id;
    const account = signedIn(res);
    const addendum = { at: clinic.clock(), authorId: account.id, authorName: account.displayName, text };
    await notes.addAddendum(session.id, memberId, addendum);
    await clinic.audited('note-addendum-added', account.id, memberId, session.id, contentHashOf(addendum));
    res.json(await (await sessionContext(session.id)).answer(memberId));
  });

  router.post('/sessions/:sessionId/notes/:memberId/co-sign', async (req, res) => {
    const { name, credential } = parseBody(CoSignRequest, req.body);
    const { session, settings, memberOf } = await sessionContext(req.params.sessionId);
    const memberId = memberOf(req.params.memberId).id;
    if (!settings.coSign) throw new InvalidStateError("this cohort's notes are not co-signed; an admin can turn co-signing on");
    const account = signedIn(res);
    const cosigned = await notes.coSign(session.id, memberId, { accountId: account.id, name, credential, at: clinic.clock() });
    await clinic.audited('note-co-signed', account.id, memberId, session.id, cosigned.signed!.contentHash);
    res.json(await (await sessionContext(session.id)).answer(memberId));
  });

  /** Exports leave the building: parsed, audited, and named in the accounting of disclosures before they are sent (GNOTE4). */
  const exportNotes = async (req: Request, res: Response, format: 'pdf' | 'json', memberId: string | null) => {
    const request = disclosureRequested(req.query);
    const context = await sessionContext(String(req.params['sessionId']));
    const all = await context.all();
    const chosen = memberId === null ? all.notes : [await context.answer(context.memberOf(memberId).id)];
    const account = signedIn(res);
    await recordDisclosure(clinic, {
      byId: account.id,
      memberIds: chosen.map((n) => n.memberId),
      what: { kind: format === 'pdf' ? 'note-pdf' : 'note-json', sessionId: context.session.id, cohortId: context.cohort.id },
      description: `Group ${memberId === null ? 'notes' : 'note'} (${format.toUpperCase()}): ${context.session.title}, ${context.date}`,
      request,
    });
    await clinic.audited('notes-exported', account.id, memberId ?? context.session.id, context.session.id);
    const base = `notes-${context.date}-${context.session.id}${memberId ? `-${memberId}` : ''}`;
    res.setHeader('Content-Disposition', `attachment; filename="${base}.${format}"`);
    if (format === 'json') {
      res.json(memberId === null ? all : chosen[0]);
      return;
    }
    const info = await clinic.info();
    const pdf = await notesPdf({ clinicName: info.name, sessionTitle: context.session.title, date: context.date, timeZone: context.cohort.timeZone, notes: chosen });
    res.setHeader('Content-Type', 'application/pdf');
    res.send(Buffer.from(pdf));
  };

  router.get('/sessions/:sessionId/notes.pdf', (req, res) => exportNotes(req, res, 'pdf', null));
  router.get('/sessions/:sessionId/notes.json', (req, res) => exportNotes(req, res, 'json', null));
  router.get('/sessions/:sessionId/notes/:memberId/note.pdf', (req, res) => exportNotes(req, res, 'pdf', req.params.memberId));
  router.get('/sessions/:sessionId/notes/:memberId/note.json', (req, res) => exportNotes(req, res, 'json', req.params.memberId));

  return router;
}
