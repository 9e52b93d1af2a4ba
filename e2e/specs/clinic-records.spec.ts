import { randomBytes } from 'node:crypto';
import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';
import type { RunningServer } from '../../server/dist/startServer.js';
import { lookAt } from '../fixtures/look.js';
import { startE2eServer } from '../fixtures/server.js';
import { TEST_VIDEO } from '../fixtures/hearth.js';
import { FacilitatorConsole, ParticipantFlow } from '../pages/ModeratedPages.js';
import { StaffPages, type Credentials } from '../pages/StaffPages.js';

/**
 * The clinic's records, end to end in Chromium: a schedule turned into sessions, a real
 * session run through an invite, and what it leaves behind (attendance on the page and in
 * the CSV, an audit log whose chain holds).
 */

const ZONE = 'America/Chicago';

// A fresh clinic per test, so the first-admin setup page is there to use every time
// (repeats included) and no test sees another's records.
const test = base.extend<{ server: RunningServer; contexts: BrowserContext[] }>({
  server: async ({}, use) => {
    // Its own secret, so the server has no reason to warn that it made one up.
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

async function context(browser: Browser, opened: BrowserContext[], permissions: string[]): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 }, timezoneId: ZONE, permissions });
  opened.push(ctx);
  return ctx;
}

const ADMIN: Credentials = { displayName: 'Ada Admin', email: 'ada@clinic.test', password: 'a long enough passphrase' };

/** The CSV as header-keyed rows (no cell in these tests holds a comma or a quote). */
function csvRows(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.trim().split('\r\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i] ?? `${i}`, cell])));
}

const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

test('an admin schedules a cohort, runs one of its sessions, and finds the attendance on the page, in the CSV and in an intact audit log', async ({
  browser,
  server,
  contexts,
}) => {
  // A 20-second session, and four screens looked at (axe at two sizes each).
  test.setTimeout(300_000);
  const adminContext = await context(browser, contexts, ['clipboard-read', 'clipboard-write', 'camera', 'microphone']);
  const page = await adminContext.newPage();
  const staff = new StaffPages(page, server.url);

  await staff.setUpFirstAdmin(ADMIN);
  await staff.submitSignIn(ADMIN.email, ADMIN.password);
  await expect(staff.heading).toHaveText('Cohorts');
  await expect(staff.auditLink).toBeVisible();

  await staff.createCohort('Evening IOP');
  await staff.addMember('Ana', '555-0100');
  await staff.addMember('Ben');

  // The schedule, in words, on the cohort's clock; then its sessions, once.
  await staff.openCohortTab('Schedule');
  await expect(staff.scheduleSummary).toHaveText('No weekly schedule yet.');
  await staff.setSchedule(['Thursday', 'Monday', 'Wednesday'], '18:00', 180);
  await expect(staff.scheduleSummary).toHaveText(`Mon, Wed, Thu at 18:00 for 180 min, ${ZONE} time`);
  await staff.createScheduledSessions(/^\d+ sessions created\.$/);
  await staff.openCohortTab('Sessions');
  const count = await staff.sessionLinks.count();
  // Three evenings a week for two weeks, less tonight's if it has already begun.
  expect(count).toBeGreaterThanOrEqual(5);
  expect(count).toBeLessThanOrEqual(6);
  await expect(staff.sessionLinks.first()).toContainText(/(Monday|Wednesday|Thursday) group/);
  await expect(staff.sessionLinks.first()).toContainText(/6:00\s?PM C[SD]T/);
  await staff.createScheduledSessions('Every meeting in the next 2 weeks already has a session.');
  // A reload keeps the tab that was open, and what was made.
  await page.reload();
  await expect(staff.scheduleSummary).toHaveText(`Mon, Wed, Thu at 18:00 for 180 min, ${ZONE} time`);
  await staff.openCohortTab('Sessions');
  await expect(staff.sessionLinks).toHaveCount(count);

  // The soonest session: Ana's link, copied as a clinician would before sending it.
  const sessionId = await staff.openSession(0);
  // The page has loaded once its heading is the session's title.
  await expect(staff.heading).toHaveText(/^(Monday|Wednesday|Thursday) group$/);
  const sessionTitle = (await staff.heading.textContent()) ?? '';
  await staff.issueInvites();
  await staff.copyLink('Ana');
  const anaLink = await staff.clipboard();
  expect(anaLink).toMatch(new RegExp(`^${server.url}/join/`));

  // The admin facilitates from a second tab; Ana comes in through her link and is admitted.
  const consolePage = await adminContext.newPage();
  await consolePage.goto(`${server.url}/facilitate/${sessionId}?video=${TEST_VIDEO}`);
  const facilitator = new FacilitatorConsole(consolePage);
  await facilitator.enter();
  const anaPage = await (await context(browser, contexts, ['camera', 'microphone'])).newPage();
  await anaPage.goto(`${anaLink}?video=${TEST_VIDEO}`);
  const ana = new ParticipantFlow(anaPage);
  await ana.throughConsent();
  await expect(ana.waitingRoom()).toBeVisible();

  // The server stamps Ana's time between what the test does and what it then sees, so the
  // time it measures brackets hers: at least from "seen admitted" to "asked to end", at most
  // from "asked to admit" to "seen ended".
  const admitAsked = Date.now();
  await facilitator.admit('Ana');
  await expect(facilitator.member('Ana')).toBeVisible();
  const admittedSeen = Date.now();
  await expect(ana.waitingRoom()).toHaveCount(0);
  // The span being measured, not a wait for something to happen.
  await anaPage.waitForTimeout(20_000);
  const endAsked = await facilitator.endSession();
  await expect(ana.closedNotice()).toHaveAttribute('data-reason', 'ended');
  const endedSeen = Date.now();
  // The facilitator goes on to the session's record, not the participants' goodbye page.
  await expect(consolePage).toHaveURL(new RegExp(`^${server.url}/clinic/sessions/${sessionId}(\\?|$)`));
  // …where the record is right at once: the session ended, Ana's minutes there, Ben absent.
  const record = new StaffPages(consolePage, server.url);
  await expect(record.heading).toHaveText(sessionTitle);
  await expect(consolePage.getByRole('main').getByText('Ended', { exact: true })).toBeVisible();
  await expect(record.attendanceRow('Ana')).toContainText(/\d+\.\d min/);
  await expect(record.attendanceRow('Ben')).toContainText('absent');
  await expect(consolePage.getByRole('link', { name: 'Open session console' })).toHaveCount(0);
  await lookAt(consolePage, 'staff-session-ended');
  const atLeast = (endAsked - admittedSeen) / 60_000 - 0.1;
  const atMost = (endedSeen - admitAsked) / 60_000 + 0.1;

  // The session's page: Ana's minutes and times in the room, Ben absent.
  await page.reload();
  await expect(staff.heading).toHaveText(sessionTitle);
  const anaRow = staff.attendanceRow('Ana');
  await expect(anaRow).toContainText(/\d+\.\d min/);
  await expect(anaRow).toContainText(/\d\d:\d\d–\d\d:\d\d/);
  await expect(staff.attendanceRow('Ben')).toContainText('0.0 min');
  await expect(staff.attendanceRow('Ben')).toContainText('absent');
  const shownMinutes = Number(/(\d+\.\d) min/.exec((await anaRow.textContent()) ?? '')?.[1]);

  // The CSV the browser downloads says the same, and agrees with the time measured here.
  const csv = await staff.downloadCsv(staff.attendance);
  expect(csv.filename).toMatch(new RegExp(`^attendance-\\d{4}-\\d{2}-\\d{2}-${sessionId}\\.csv$`));
  const rows = csvRows(csv.text);
  expect(rows.map((r) => r['member'])).toEqual(['Ana', 'Ben']);
  const [anaCsv, benCsv] = rows as [Record<string, string>, Record<string, string>];
  const minutes = Number(anaCsv['minutes']);
  expect(minutes, `between ${atLeast.toFixed(3)} and ${atMost.toFixed(3)} minutes`).toBeGreaterThanOrEqual(atLeast);
  expect(minutes).toBeLessThanOrEqual(atMost);
  expect(minutes).toBe(shownMinutes);
  expect(anaCsv['session']).toBe(sessionTitle);
  expect(anaCsv['intervals']).toMatch(/^\d\d:\d\d-\d\d:\d\d$/);
  expect(benCsv['minutes']).toBe('0.0');
  expect(benCsv['intervals']).toBe('');
  // Pseudonyms and minutes only: the clinic-side contact never leaves in an export.
  expect(csv.text).not.toContain('555-0100');

  // The cohort's report over a range: a range the wrong way round is refused in words, beside the
  // day to change and before anything is sent; the session's day shows both members.
  const day = anaCsv['date'] ?? '';
  await staff.crumb('Evening IOP').click();
  await staff.showCohortAttendance(day, dayBefore(day));
  const lastDay = page.getByRole('form', { name: 'Attendance dates' }).getByLabel('To');
  await expect(lastDay).toHaveAccessibleDescription('The last day must not be before the first.');
  await expect(lastDay).toBeFocused();
  await expect(staff.cohortAttendanceRows(day, dayBefore(day))).toHaveCount(0);
  await staff.showCohortAttendance(day, day);
  const cohortRows = staff.cohortAttendanceRows(day, day);
  await expect(cohortRows).toHaveCount(2);
  await lookAt(page, 'staff-cohort-attendance');
  await expect(cohortRows.filter({ hasText: 'Ana' })).toContainText(`${minutes.toFixed(1)} min`);
  await expect(cohortRows.filter({ hasText: 'Ben' })).toContainText('absent');
  const cohortCsv = await staff.downloadCsv(staff.attendance);
  expect(cohortCsv.filename).toBe(`attendance-${day}-to-${day}.csv`);
  expect(csvRows(cohortCsv.text).map((r) => [r['member'], r['minutes']])).toEqual([
    ['Ana', minutes.toFixed(1)],
    ['Ben', '0.0'],
  ]);

  // The audit log: the newest first, the exports among them, and a chain that holds.
  await staff.auditLink.click();
  await expect(staff.heading).toHaveText('Audit log');
  await expect(staff.auditRows.first()).toContainText('attendance-exported');
  await expect(staff.auditRows.filter({ hasText: 'schedule-changed' })).toHaveCount(1);
  await expect(staff.auditRows.filter({ hasText: 'admitted' }).filter({ hasText: 'Ana' })).not.toHaveCount(0);
  const outcome = await staff.verifyAuditChain();
  const verified = (await (await page.request.get(`${server.url}/api/audit/verify`)).json()) as { ok: boolean; count: number };
  expect(verified.ok).toBe(true);
  await expect(outcome).toHaveText(`Intact: ${verified.count} entries`);
  await expect(outcome).toHaveAttribute('role', 'status');
  // Every column readable on a phone too (rows become cards; nothing is cut off at 390 px).
  await lookAt(page, 'staff-audit', {
    ready: async () => expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0),
  });
});

test('a facilitator is not shown the audit log, and opening it says it is for clinic admins', async ({ browser, server, contexts }) => {
  const page = await (await context(browser, contexts, [])).newPage();
  const staff = new StaffPages(page, server.url);
  const fran: Credentials = { displayName: 'Fran', email: 'fran@clinic.test', password: 'another long passphrase' };
  await server.clinic.accounts.create({ ...fran, role: 'facilitator' });
  await staff.signIn(fran);
  // No way in is shown, anywhere on the page.
  await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  await staff.goto('/clinic/audit');
  await expect(staff.heading).toHaveText('Audit log');
  await expect(page.getByText('Only clinic admins can see the audit log.')).toBeVisible();
  await expect(staff.verifyChainButton).toHaveCount(0);
  // The server holds the line too.
  expect((await page.request.get(`${server.url}/api/audit`)).status()).toBe(403);
});
