import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { NoteAnswer, SessionNotesAnswer } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { api, sessionCookieOf } from './clinicApi.js';
import { call, nextEvent, startTestServer, type TestSocket } from './harness.js';
import { startRedis, type TestRedis } from '../src/testing/redisServer.js';
import { facilitatorSocket, participantWaiting, seededSession } from './sessionFixture.js';

// Group notes over HTTP, kept in a real Redis, from a real session's records (GNOTE1–4).
let redis: TestRedis;
let server: RunningServer;
const sockets: TestSocket[] = [];
const disclose = 'recipient=Acme%20Health%20Plan&purpose=claim%20review';

beforeAll(async () => {
  redis = await startRedis();
  server = await startTestServer({ REDIS_URL: redis.url, CLINIC_TIME_ZONE: 'America/Chicago' });
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await server?.close();
  await redis?.destroy();
});

/** Alex shares and gives no feedback, Blake passes; Alex answers a pulse check and asks for help once; then the session ends. */
async function heldSession() {
  const s = await seededSession(server);
  const f = await facilitatorSocket(server, s);
  sockets.push(f);
  await call(f, 'session:enter', { consent: null });
  const [alex, blake] = s.participants as [(typeof s.participants)[number], (typeof s.participants)[number]];
  const a = (await participantWaiting(server, alex.token)).socket;
  const b = (await participantWaiting(server, blake.token)).socket;
  sockets.push(a, b);
  await call(f, 'session:command', { type: 'admitAll' });
  await call(f, 'session:command', { type: 'startRound', prompt: 'check-in', order: 'roster', turnSeconds: 600, feedbackSeconds: null, speakerOnly: true });
  await call(f, 'session:command', { type: 'skipTurn' }); // the facilitator moves Alex on after sharing: not a pass
  await call(b, 'session:command', { type: 'passTurn' });
  await call(f, 'session:command', { type: 'startPulse', question: 'How are you, 1-10?' });
  await call(a, 'session:command', { type: 'answerPulse', value: 7 });
  await call(f, 'session:command', { type: 'closePulse' });
  await call(a, 'session:command', { type: 'requestHelp' });
  const ended = nextEvent(f, 'session:closed');
  await call(f, 'session:command', { type: 'end' });
  await ended;
  return { ...s, alex, blake };
}

/** A facilitator of no cohort yet. */
async function otherFacilitator(): Promise<{ cookie: string; id: string }> {
  const email = `other-${(await server.clinic.store.accounts.count()) + 1}@clinic.example`;
  const { id } = await server.clinic.accounts.create({ email, password: 'other facilitator 1', displayName: 'Olive', role: 'facilitator' });
  return { id, cookie: sessionCookieOf(await api(server, 'POST', '/api/auth/login', { body: { email, password: 'other facilitator 1' } })) };
}

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
  }
  return text;
}

describe('group notes', () => {
  it('[GNOTE3] are pre-filled with counts from the session, never content, and reached by no one outside the cohort', async () => {
    const s = await heldSession();
    const list = await api(server, 'GET', `/api/sessions/${s.sessionId}/notes`, { cookie: s.cookie });
    expect(list.status).toBe(200);
    const answer = SessionNotesAnswer.parse(list.body);
    const alex = answer.notes.find((n) => n.memberId === s.alex.memberId)!;
    expect(alex).toMatchObject({ status: 'draft', pseudonym: 'Alex', individual: { template: 'DAP', data: '' } });
    expect(alex.facts).toMatchObject({ turnsTaken: 1, turnsPassed: 0, helpRequests: 1, pulseAnswers: [{ question: 'How are you, 1-10?', answer: 7 }], modality: ['video'], modifier: '95' });
    expect(alex.facts.talkMinutes).not.toBeNull();
    expect(answer.notes.find((n) => n.memberId === s.blake.memberId)!.facts).toMatchObject({ turnsTaken: 0, turnsPassed: 1, helpRequests: 0, pulseAnswers: [] });

    // Another cohort's facilitator and a signed-out caller (a participant has no account) are refused; nothing is written.
    const other = (await otherFacilitator()).cookie;
    const body = { individual: { template: 'DAP', data: 'x' } };
    for (const cookie of [other, undefined]) {
      const refused = await api(server, 'PUT', `/api/sessions/${s.sessionId}/notes/${s.alex.memberId}`, { body, ...(cookie ? { cookie } : {}) });
      expect(refused.status).toBe(cookie ? 403 : 401);
      expect((await api(server, 'GET', `/api/sessions/${s.sessionId}/notes.pdf?${disclose}`, { ...(cookie ? { cookie } : {}) })).status).toBe(cookie ? 403 : 401);
    }
    expect(await server.clinic.notes.get(s.sessionId, s.alex.memberId)).toBeUndefined();
    // A member of another cohort, or an invalid body: refused, nothing written.
    expect((await api(server, 'PUT', `/api/sessions/${s.sessionId}/notes/nobody`, { body, cookie: s.cookie })).status).toBe(404);
    expect((await api(server, 'PUT', `/api/sessions/${s.sessionId}/notes/${s.alex.memberId}`, { body: { individual: { template: 'SOAP' } }, cookie: s.cookie })).status).toBe(409);
    expect((await api(server, 'PUT', `/api/sessions/${s.sessionId}/notes/${s.alex.memberId}`, { body: { individual: { template: 'DAP', data: 'x'.repeat(2001) } }, cookie: s.cookie })).status).toBe(400);
    expect(await server.clinic.notes.get(s.sessionId, s.alex.memberId)).toBeUndefined();
  });

  it('[GNOTE1] [GNOTE2] [GNOTE4] the facilitator writes, signs and locks a note, adds an addendum, and exports PDF and JSON with a recipient and purpose', async () => {
    const s = await heldSession();
    const note = `/api/sessions/${s.sessionId}/notes/${s.alex.memberId}`;
    const group = await api(server, 'PUT', `/api/sessions/${s.sessionId}/notes/group`, { body: { topic: 'Relapse prevention', interventions: 'CBT skills practice' }, cookie: s.cookie });
    expect(group.status).toBe(200);
    const draft = { individual: { template: 'DAP', data: 'Engaged in the check-in.', assessment: 'Mood stable.', plan: 'Continue IOP.' } };
    expect((await api(server, 'PUT', note, { body: draft, cookie: s.cookie })).status).toBe(200);
    expect((await api(server, 'POST', `${note}/sign`, { body: { name: 'Dana Reyes' }, cookie: s.cookie })).status).toBe(400);

    const signed = await api(server, 'POST', `${note}/sign`, { body: { name: 'Dana Reyes', credential: 'LCSW' }, cookie: s.cookie });
    expect(signed.status).toBe(200);
    const signedNote = NoteAnswer.parse(signed.body);
    expect(signedNote).toMatchObject({ status: 'signed', signature: { name: 'Dana Reyes', credential: 'LCSW' }, group: { topic: 'Relapse prevention' } });
    // The audit log holds the note's hash, never its words, and still verifies.
    const entries = await server.clinic.audit.all();
    const audited = entries.find((e) => e.action === 'note-signed' && e.targetId === s.alex.memberId && e.sessionId === s.sessionId)!;
    expect(audited.contentHash).toBe(signedNote.contentHash);
    expect(JSON.stringify(entries)).not.toContain('Mood stable');

    // Locked: no edit of the note or of the group section it includes.
    const edit = await api(server, 'PUT', note, { body: { individual: { ...draft.individual, plan: 'Changed.' } }, cookie: s.cookie });
    expect(edit).toMatchObject({ status: 409, body: { error: { code: 'NOTE_LOCKED' } } });
    expect((await api(server, 'PUT', `/api/sessions/${s.sessionId}/notes/group`, { body: { topic: 'Changed' }, cookie: s.cookie })).status).toBe(409);
    // Co-signing is off for this cohort.
    expect((await api(server, 'POST', `${note}/co-sign`, { body: { name: 'Sam', credential: 'LPC-S' }, cookie: s.cookie })).status).toBe(409);

    const addendum = await api(server, 'POST', `${note}/addenda`, { body: { text: 'Called back the next day.' }, cookie: s.cookie });
    expect(addendum.status).toBe(200);
    expect(NoteAnswer.parse(addendum.body)).toMatchObject({ individual: { plan: 'Continue IOP.' }, addenda: [{ text: 'Called back the next day.', authorName: 'Demo Facilitator' }] });

    // Exports need a recipient and a purpose.
    expect((await api(server, 'GET', `${note}/note.pdf?recipient=Acme`, { cookie: s.cookie })).status).toBe(400);
    const pdf = await fetch(`${server.url}${note}/note.pdf?${disclose}`, { headers: { cookie: s.cookie } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(await pdf.arrayBuffer());
    for (const expected of ['Participant: Alex', 'Relapse prevention', 'Data', 'Assessment', 'Plan', 'Mood stable.', 'Signed: Dana Reyes, LCSW', 'Called back the next day.', 'Turns taken: 1']) {
      expect(text).toContain(expected);
    }
    const all = await fetch(`${server.url}/api/sessions/${s.sessionId}/notes.pdf?${disclose}`, { headers: { cookie: s.cookie } });
    expect(await pdfText(await all.arrayBuffer())).toMatch(/Participant: Alex[\s\S]*Participant: Blake[\s\S]*not signed/);

    const json = await api(server, 'GET', `/api/sessions/${s.sessionId}/notes.json?${disclose}`, { cookie: s.cookie });
    expect(SessionNotesAnswer.parse(json.body).notes.find((n) => n.memberId === s.alex.memberId)?.status).toBe('signed');
    expect(NoteAnswer.parse((await api(server, 'GET', `${note}/note.json?${disclose}`, { cookie: s.cookie })).body).contentHash).toBe(signedNote.contentHash);
    expect((await server.clinic.audit.all()).filter((e) => e.action === 'notes-exported' && e.sessionId === s.sessionId)).toHaveLength(4);
    // Each export is in the accounting of disclosures of everyone it held: Alex in all four, Blake in the two of the session.
    const kinds = async (memberId: string) => (await server.clinic.disclosures.ofMember(memberId)).map((d) => [d.what.kind, d.recipient, d.purpose]);
    expect(await kinds(s.alex.memberId)).toEqual(['note-pdf', 'note-pdf', 'note-json', 'note-json'].map((k) => [k, 'Acme Health Plan', 'claim review']));
    expect((await kinds(s.blake.memberId)).map(([k]) => k)).toEqual(['note-pdf', 'note-json']);
  });

  it('[GNOTE2] co-signs once, by another staff member, where the cohort asks for it', async () => {
    const s = await heldSession();
    await server.clinic.notes.setSettings(s.cohortId, { template: 'SOAP', coSign: true });
    const note = `/api/sessions/${s.sessionId}/notes/${s.blake.memberId}`;
    await api(server, 'PUT', note, { body: { individual: { template: 'SOAP', subjective: 'Quiet.' } }, cookie: s.cookie });
    await api(server, 'POST', `${note}/sign`, { body: { name: 'Dana Reyes', credential: 'LCSW' }, cookie: s.cookie });
    expect((await api(server, 'POST', `${note}/co-sign`, { body: { name: 'Dana Reyes', credential: 'LCSW' }, cookie: s.cookie })).status).toBe(409);
    const { id, cookie: supervisor } = await otherFacilitator();
    await server.clinic.store.cohortStaff.assign(s.cohortId, id);
    const cosigned = await api(server, 'POST', `${note}/co-sign`, { body: { name: 'Olive Stone', credential: 'LPC-S' }, cookie: supervisor });
    expect(NoteAnswer.parse(cosigned.body)).toMatchObject({ status: 'co-signed', coSignature: { name: 'Olive Stone' } });
    expect((await api(server, 'POST', `${note}/co-sign`, { body: { name: 'Olive Stone', credential: 'LPC-S' }, cookie: supervisor })).status).toBe(409);
  });
});
