import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { RunningServer } from '../../server/dist/startServer.js';
import { lookAt, SCREENS_DIR } from '../fixtures/look.js';
import { startE2eServer } from '../fixtures/server.js';
import { TEST_VIDEO } from '../fixtures/hearth.js';
import { FacilitatorConsole, ParticipantFlow } from '../pages/ModeratedPages.js';
import { NotesPage } from '../pages/NotesPage.js';
import { StaffPages, type Credentials } from '../pages/StaffPages.js';

/**
 * Group notes after a session held in Chromium (GNOTE1–4): the facilitator writes the group
 * section and one member's DAP note, signs it, finds it locked, adds an addendum and
 * downloads the PDF, which is read back here.
 */

const test = base.extend<{ server: RunningServer; contexts: BrowserContext[] }>({
  server: async ({}, use) => {
    const server = await startE2eServer({ HEARTH_SECRET: randomBytes(32).toString('hex') });
    await use(server);
    await server.close();
  },
  contexts: async ({}, use) => {
    const opened: BrowserContext[] = [];
    await use(opened);
    await Promise.all(opened.map((c) => c.close()));
  },
});

const ADMIN: Credentials = { displayName: 'Dana Reyes', email: 'dana@clinic.test', password: 'a long enough passphrase' };

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) pages.push((await (await doc.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  return pages.join('\n');
}

test('the facilitator writes, signs and locks a group note, adds an addendum, and downloads it as a PDF that reads back', async ({ browser, server, contexts }) => {
  test.setTimeout(180_000);
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write', 'camera', 'microphone'] });
  contexts.push(staffContext);
  const page = await staffContext.newPage();
  const staff = new StaffPages(page, server.url);
  await staff.setUpFirstAdmin(ADMIN);
  await staff.submitSignIn(ADMIN.email, ADMIN.password);
  await staff.createCohort('Evening IOP');
  await staff.addMember('Ana');
  await staff.addMember('Ben');
  const sessionId = await staff.createSession('Tuesday group');
  await staff.issueInvites();
  await staff.copyLink('Ana');
  const anaLink = await staff.clipboard();

  // The session is held: Ana is admitted, then the facilitator ends it.
  const consolePage = await staffContext.newPage();
  await consolePage.goto(`${server.url}/facilitate/${sessionId}?video=${TEST_VIDEO}`);
  const facilitator = new FacilitatorConsole(consolePage);
  await facilitator.enter();
  const anaContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  contexts.push(anaContext);
  const anaPage = await anaContext.newPage();
  await anaPage.goto(`${anaLink}?video=${TEST_VIDEO}`);
  const ana = new ParticipantFlow(anaPage);
  await ana.throughConsent();
  await facilitator.admit('Ana');
  await expect(ana.waitingRoom()).toHaveCount(0);
  await facilitator.endSession();
  await expect(ana.closedNotice()).toHaveAttribute('data-reason', 'ended');

  // From the session's record to its notes.
  await page.goto(`${server.url}/clinic/sessions/${sessionId}`);
  await page.getByRole('link', { name: 'Write group notes' }).click();
  await expect(page).toHaveURL(new RegExp(`/clinic/sessions/${sessionId}/notes$`));
  const notes = new NotesPage(page);
  await expect(notes.memberItem('Ana')).toContainText('Draft');
  await expect(notes.memberItem('Ben')).toContainText('Draft');

  await notes.writeGroupSection('Relapse prevention', 'CBT skills practice; urge surfing');
  await notes.open('Ana');
  // The facts Hearth recorded, read-only: minutes and counts, never words.
  const facts = notes.note.getByRole('definition');
  await expect(notes.note.getByRole('term')).toHaveText(['Attendance', 'Modality', 'Place of service', 'Turns', 'Feedback', 'Pulse answers', 'Talk time', 'Help requests']);
  await expect(facts.nth(1)).toHaveText('video (modifier 95)');
  await notes.fillSections({ Data: 'Ana arrived on time and joined the check-in.', Assessment: 'Engaged; mood stable.', Plan: 'Continue IOP three evenings a week.' });
  await notes.saveDraft();
  await lookAt(page, 'staff-group-note-draft');

  await notes.sign('Dana Reyes', 'LCSW');
  await expect(notes.memberItem('Ana')).toContainText('Signed');
  await expect(notes.note).toContainText('Signed by Dana Reyes, LCSW');
  // Locked: the sections are read-only, there is nothing to save or sign, and the group section is locked too.
  await expect(notes.note.getByLabel('Plan', { exact: true })).toHaveAttribute('readonly', '');
  await expect(notes.note.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
  await expect(notes.groupSection.getByLabel('Topic')).toHaveCount(0);
  await expect(notes.groupSection).toContainText('Relapse prevention');
  // And the server refuses an edit all the same.
  const refused = await page.request.put(`${server.url}/api/sessions/${sessionId}/notes/${await memberId(page, server, sessionId, 'Ana')}`, {
    data: { individual: { template: 'DAP', data: 'changed' } },
  });
  expect(refused.status()).toBe(409);

  await notes.addAddendum('Called Ana the next morning; she is safe.');
  await expect(notes.note.getByRole('list').filter({ hasText: 'Called Ana' })).toContainText('Dana Reyes');
  await lookAt(page, 'staff-group-note-signed');

  const pdf = await notes.downloadPdf("Export Ana's note", 'Acme Health Plan', 'claim review');
  expect(pdf.filename).toMatch(new RegExp(`^notes-\\d{4}-\\d{2}-\\d{2}-${sessionId}-.+\\.pdf$`));
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = await pdfText(pdf.bytes);
  for (const expected of ['Participant: Ana', 'Relapse prevention', 'Data', 'Assessment', 'Plan', 'Engaged; mood stable.', 'Signed: Dana Reyes, LCSW', 'Called Ana the next morning']) {
    expect(text).toContain(expected);
  }
  // Kept for a person to open (no pdftoppm on this machine to render it to PNG).
  await writeFile(path.join(SCREENS_DIR, 'staff-group-note.pdf'), pdf.bytes);
});

/** A member's id, as the notes API lists it (the page shows pseudonyms only). */
async function memberId(page: import('@playwright/test').Page, server: RunningServer, sessionId: string, pseudonym: string): Promise<string> {
  const list = (await (await page.request.get(`${server.url}/api/sessions/${sessionId}/notes`)).json()) as { notes: { memberId: string; pseudonym: string }[] };
  return list.notes.find((n) => n.pseudonym === pseudonym)?.memberId ?? '';
}
