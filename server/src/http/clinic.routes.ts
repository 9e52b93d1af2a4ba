import { Router } from 'express';
import { BillingBody, CameraOffFlagBody, NeverPairs, NewCohort, NewMember, NewSession, ScheduleBody, ScheduledSessions } from '@hearth/shared';
import { signedIn } from './guards.js';
import type { Clinic } from '../clinic/createClinic.js';
import { newId } from '../lib/ids.js';
import { meetingTitle, upcomingMeetings } from '../clinic/schedule.js';
import { cohortView, inviteLinkView, memberView, sessionView } from '../clinic/views.js';
import { InvalidStateError, NotFoundError } from '../errors.js';
import { SerialQueue } from '../lib/SerialQueue.js';
import { reachableCohorts } from '../clinic/cohortAccess.js';
import { scopeToTheirCohorts } from './cohortScope.js';
import { withBilling, withCameraOffFlag, withSchedule } from '../store/ClinicStore.js';
import { NoFields, parseBody } from './parseBody.js';

/**
 * Cohorts, their members and sessions, and invite links. api.routes.ts admits signed-in
 * staff only; cohortScope.ts keeps each of them to their own cohorts.
 */
export function clinicRoutes({ clinic }: { clinic: Clinic }): Router {
  const router = Router();
  const { store, invites } = clinic;
  scopeToTheirCohorts(router, clinic);
  // Creating a schedule's sessions reads what exists and then adds what is missing: two
  // clicks at once must not both add the same evening. The queue is this process's; with
  // several nodes, two requests on two nodes at the same moment could still add one twice.
  const scheduling = new SerialQueue();

  const cohortOr404 = async (id: string) => {
    const cohort = await store.cohorts.get(id);
    if (!cohort) throw new NotFoundError('cohort');
    return cohort;
  };

  router.post('/cohorts', async (req, res) => {
    const body = parseBody(NewCohort, req.body);
    const cohort = { id: newId(), ...body, createdAt: clinic.clock() };
    await store.cohorts.insert(cohort);
    const creator = signedIn(res);
    // A facilitator leads the cohort they create; an admin reaches it anyway and picks its facilitators.
    if (creator.role === 'facilitator') await store.cohortStaff.assign(cohort.id, creator.id);
    await clinic.audited('cohort-created', creator.id, cohort.id);
    res.status(201).json({ cohort: cohortView(cohort) });
  });

  router.get('/cohorts', async (_req, res) => {
    res.json({ cohorts: (await reachableCohorts(store, signedIn(res))).map(cohortView) });
  });

  router.post('/cohorts/:cohortId/members', async (req, res) => {
    const cohort = await cohortOr404(req.params.cohortId);
    const body = parseBody(NewMember, req.body);
    const member = { id: newId(), cohortId: cohort.id, ...body, createdAt: clinic.clock() };
    await store.members.insert(member);
    await clinic.audited('member-added', signedIn(res).id, member.id);
    res.status(201).json({ member: memberView(member) });
  });

  router.get('/cohorts/:cohortId/members', async (req, res) => {
    const cohort = await cohortOr404(req.params.cohortId);
    res.json({ members: (await store.members.listByCohort(cohort.id)).map(memberView) });
  });

  router.put('/cohorts/:cohortId/never-pairs', async (req, res) => {
    const cohort = await cohortOr404(req.params.cohortId);
    const { pairs } = parseBody(NeverPairs, req.body);
    const members = new Set((await store.members.listByCohort(cohort.id)).map((m) => m.id));
    if (pairs.some((pair) => pair.some((id) => !members.has(id)))) throw new NotFoundError('member of this cohort');
    // One rule per pair of people, whichever order they were named in.
    const unique = pairs.filter(([a, b], i) => pairs.findIndex(([x, y]) => (x === a && y === b) || (x === b && y === a)) === i);
    await store.cohorts.setNeverPairs(cohort.id, unique);
    await clinic.audited('never-pairs-changed', signedIn(res).id, cohort.id);
    res.json({ cohort: cohortView({ ...cohort, neverPairs: unique }) });
  });

  router.put('/cohorts/:cohortId/schedule', async (req, res) => {
    const cohort = await cohortOr404(req.params.cohortId);
    const { schedule } = parseBody(ScheduleBody, req.body);
    await store.cohorts.setSchedule(cohort.id, schedule);
    await clinic.audited('schedule-changed', signedIn(res).id, cohort.id);
    res.json({ cohort: cohortView(withSchedule(cohort, schedule)) });
  });

  router.put('/cohorts/:cohortId/camera-off-flag', async (req, res) => {
    const cohort = await cohortOr404(req.params.cohortId);
    const { cameraOffFlagMinutes } = parseBody(CameraOffFlagBody, req.body);
    await store.cohorts.setCameraOffFlag(cohort.id, cameraOffFlagMinutes);
    await clinic.audited('camera-off-flag-changed', signedIn(res).id, cohort.id);
    res.json({ cohort: cohortView(withCameraOffFlag(cohort, cameraOffFlagMinutes)) });
  });

  /** The payer rules the cohort's attendance is judged by; anyone who reaches the cohort may set them. */
  router.put('/cohorts/:cohortId/billing', async (req, res) => {
    const cohort = await cohortOr404(req.params.cohortId);
    const { billing } = parseBody(BillingBody, req.body);
    await store.cohorts.setBilling(cohort.id, billing);
    await clinic.audited('billing-profile-changed', signedIn(res).id, cohort.id);
    res.json({ cohort: cohortView(withBilling(cohort, billing)) });
  });

  /** The schedule's sessions for the next `weeks` weeks; evenings that already have one are skipped. */
  router.post('/cohorts/:cohortId/sessions/scheduled', async (req, res) => {
    const { weeks } = parseBody(ScheduledSessions, req.body);
    const createdBy = signedIn(res).id;
    const created = await scheduling.run(async () => {
      const cohort = await cohortOr404(req.params.cohortId);
      if (!cohort.schedule) throw new InvalidStateError('this cohort has no weekly schedule yet');
      const taken = new Set((await store.sessions.listByCohort(cohort.id)).map((s) => s.scheduledStart));
      const sessions = [];
      for (const meeting of upcomingMeetings(cohort.schedule, cohort.timeZone, clinic.clock(), weeks)) {
        if (taken.has(meeting.start)) continue;
        const session = {
          id: newId(),
          cohortId: cohort.id,
          title: meetingTitle(meeting.weekday),
          scheduledStart: meeting.start,
          createdBy,
          createdAt: clinic.clock(),
          status: 'scheduled' as const,
        };
        await store.sessions.insert(session);
        await clinic.audited('session-scheduled', createdBy, session.id, session.id);
        sessions.push(session);
      }
      return sessions;
    });
    res.status(201).json({ sessions: created.map(sessionView) });
  });

  router.post('/cohorts/:cohortId/sessions', async (req, res) => {
    const cohort = await cohortOr404(req.params.cohortId);
    const body = parseBody(NewSession, req.body);
    const session = {
      id: newId(),
      cohortId: cohort.id,
      ...body,
      createdBy: signedIn(res).id,
      createdAt: clinic.clock(),
      status: 'scheduled' as const,
    };
    await store.sessions.insert(session);
    await clinic.audited('session-scheduled', session.createdBy, session.id, session.id);
    res.status(201).json({ session: sessionView(session) });
  });

  router.get('/cohorts/:cohortId/sessions', async (req, res) => {
    const cohort = await cohortOr404(req.params.cohortId);
    res.json({ sessions: (await store.sessions.listByCohort(cohort.id)).map(sessionView) });
  });

  router.get('/sessions/:sessionId', async (req, res) => {
    const session = await store.sessions.get(req.params.sessionId);
    if (!session) throw new NotFoundError('session');
    res.json({ session: sessionView(session) });
  });

  /** One personal link per member; members who hold a live link keep it. */
  router.post('/sessions/:sessionId/invites', async (req, res) => {
    parseBody(NoFields, req.body);
    const issued = await invites.issueForSession(req.params.sessionId);
    await clinic.audited('invites-issued', signedIn(res).id, null, req.params.sessionId);
    res.status(201).json(issued.map(inviteLinkView));
  });

  router.get('/sessions/:sessionId/invites', async (req, res) => {
    if (!(await store.sessions.get(req.params.sessionId))) throw new NotFoundError('session');
    res.json((await invites.list(req.params.sessionId)).map(inviteLinkView));
  });

  router.post('/sessions/:sessionId/members/:memberId/invite', async (req, res) => {
    parseBody(NoFields, req.body);
    const link = await invites.reissue(req.params.sessionId, req.params.memberId);
    await clinic.audited('invite-reissued', signedIn(res).id, req.params.memberId, req.params.sessionId);
    clinic.inviteRevoked(req.params.sessionId, req.params.memberId);
    res.status(201).json(inviteLinkView(link));
  });

  router.post('/invites/:jti/revoke', async (req, res) => {
    parseBody(NoFields, req.body);
    const { jti, sessionId, memberId, revokedAt } = await invites.revoke(req.params.jti);
    await clinic.audited('invite-revoked', signedIn(res).id, memberId, sessionId);
    clinic.inviteRevoked(sessionId, memberId);
    res.json({ invite: { jti, sessionId, memberId, revokedAt: new Date(revokedAt ?? clinic.clock()).toISOString() } });
  });

  return router;
}
