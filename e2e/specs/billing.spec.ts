import { randomBytes } from 'node:crypto';
import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';
import type { RunningServer } from '../../server/dist/startServer.js';
import { lookAt } from '../fixtures/look.js';
import { startE2eServer } from '../fixtures/server.js';
import { TEST_VIDEO } from '../fixtures/hearth.js';
import { BillingPages } from '../pages/BillingPages.js';
import { FacilitatorConsole, ParticipantFlow } from '../pages/ModeratedPages.js';
import { StaffPages, type Credentials } from '../pages/StaffPages.js';

/**
 * Billing end to end in Chromium: a cohort's billing profile set on its page, a participant
 * who says at the consent gate she is not at home, and the billing-days export (CSV and
 * printable view) that carries her place of service and treatment minutes.
 */

const ZONE = 'America/Chicago';

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

async function context(browser: Browser, opened: BrowserContext[], permissions: string[]): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 }, timezoneId: ZONE, permissions });
  opened.push(ctx);
  return ctx;
}

const ADMIN: Credentials = { displayName: 'Ada Admin', email: 'ada@clinic.test', password: 'a long enough passphrase' };

/** The CSV as header-keyed rows (no cell here holds a comma or a quote). */
function csvRows(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.trim().split('\r\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i] ?? `${i}`, cell])));
}

test('a cohort bills under H0015: the profile form, place of service from the consent gate, the billing CSV and its printable view', async ({ browser, server, contexts }) => {
  test.setTimeout(240_000);
  const adminContext = await context(browser, contexts, ['clipboard-read', 'clipboard-write', 'camera', 'microphone']);
  const page = await adminContext.newPage();
  const staff = new StaffPages(page, server.url);
  const billing = new BillingPages(page);

  await staff.setUpFirstAdmin(ADMIN);
  await staff.submitSignIn(ADMIN.email, ADMIN.password);
  await staff.createCohort('Evening IOP', ZONE);
  await staff.addMember('Ana');
  await staff.addMember('Ben');

  // The billing profile: H0015 fills in its published thresholds; a fraction is refused in the shared schema's words.
  await staff.openCohortTab('Billing');
  await expect(billing.summary).toHaveText('No billing profile yet: attendance is reported, nothing is judged.');
  await billing.choosePreset('H0015');
  await expect(billing.threshold('Daily minimum (minutes)')).toHaveValue('180');
  await expect(billing.threshold('Weekly minimum days')).toHaveValue('3');
  await expect(billing.threshold('Group size cap')).toHaveValue('');
  await billing.threshold('Daily minimum (minutes)').fill('179.5');
  await billing.saveProfile();
  await expect(billing.threshold('Daily minimum (minutes)')).toHaveAccessibleDescription('Enter the daily minimum in whole minutes, from 1 to 1440, or leave it empty.');
  await expect(billing.summary).toHaveText(/^No billing profile yet/);
  await billing.threshold('Daily minimum (minutes)').fill('180');
  await billing.threshold('Group size cap').fill('12');
  await billing.saveProfile();
  await expect(billing.profileForm.getByRole('status')).toHaveText(/^Billing profile saved: H0015/);
  await expect(billing.summary).toHaveText('H0015: at least 180 treatment minutes a day, 3 such days a week, groups of at most 12. Breaks never count.');
  await lookAt(page, 'staff-billing-profile');

  // Tonight's session; Ana comes in through her link and says she is not at home (POS 02).
  const sessionId = await staff.createSession('Tonight');
  await staff.issueInvites();
  await staff.copyLink('Ana');
  const anaLink = await staff.clipboard();
  const consolePage = await adminContext.newPage();
  await consolePage.goto(`${server.url}/facilitate/${sessionId}?video=${TEST_VIDEO}`);
  const facilitator = new FacilitatorConsole(consolePage);
  await facilitator.enter();
  const anaPage = await (await context(browser, contexts, ['camera', 'microphone'])).newPage();
  await anaPage.goto(`${anaLink}?video=${TEST_VIDEO}`);
  const ana = new ParticipantFlow(anaPage);
  await ana.throughConsent({ location: 'Library, Springfield', callbackNumber: '+1 555 0100', atHome: false });
  await expect(ana.waitingRoom()).toBeVisible();
  await facilitator.admit('Ana');
  await expect(ana.waitingRoom()).toHaveCount(0);
  await expect(anaPage.getByRole('navigation', { name: 'Call controls' })).toBeVisible({ timeout: 45_000 });
  await facilitator.endSession();
  await expect(ana.closedNotice()).toHaveAttribute('data-reason', 'ended');

  // The billing-days export asks who receives it and why before anything leaves.
  await staff.crumb('Evening IOP').click();
  await staff.openCohortTab('Attendance');
  await billing.exportForm.getByRole('button', { name: 'Download billing CSV' }).click();
  await expect(billing.exportForm.getByLabel('Recipient')).toHaveAccessibleDescription(/Say who receives it/);
  await expect(billing.exportForm.getByLabel('Purpose')).toHaveAccessibleDescription(/Say why it is disclosed/);
  await billing.fillDisclosure('Acme Health Plan, claims', 'claims for this month');
  const csv = await billing.downloadCsv();
  expect(csv.filename).toMatch(/^billing-days-cohort-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = csvRows(csv.text);
  expect(rows.map((r) => r['member'])).toEqual(['Ana', 'Ben']);
  const anaRow = rows[0]!;
  expect(anaRow).toMatchObject({ billing_code: 'H0015', sessions_held: '1', sessions_attended: '1', modifier: '95', place_of_service: '02', meets_daily_minimum: 'no' });
  expect(anaRow['treatment_minutes']).toMatch(/^\d+\.\d$/);
  expect(rows[1]).toMatchObject({ sessions_attended: '0', treatment_minutes: '0.0', place_of_service: '' });
  expect(csv.text).not.toContain('Library');
  expect(csv.text).not.toContain('555');

  // The printable view: the same days, the disclosure named, the staff frame left off the paper.
  await billing.openPrintable();
  const printed = billing.printableRows();
  await expect(printed).toHaveCount(2);
  const anaPrinted = printed.filter({ hasText: 'Ana' });
  await expect(anaPrinted.getByRole('cell').nth(3)).toHaveText(anaRow['treatment_minutes']!);
  await expect(anaPrinted.getByRole('cell').nth(6)).toHaveText('02');
  await expect(page.getByText('Acme Health Plan, claims — claims for this month')).toBeVisible();
  await lookAt(page, 'staff-billing-days-print');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.staff-bar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(anaPrinted).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});
