import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';
import type { RunningServer } from '../../server/dist/startServer.js';
import { lookAt } from '../fixtures/look.js';
import { startE2eServer } from '../fixtures/server.js';
import { StaffPages, type Credentials } from '../pages/StaffPages.js';

/**
 * The accounting of disclosures (42 CFR Part 2) in Chromium: a facilitator's attendance CSV
 * first asks who receives it and why, and an admin then finds that export in the
 * participant's accounting.
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

async function staffPage(browser: Browser, opened: BrowserContext[], url: string): Promise<StaffPages> {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 }, timezoneId: 'UTC' });
  opened.push(ctx);
  return new StaffPages(await ctx.newPage(), url);
}

const ADMIN: Credentials = { displayName: 'Ada Admin', email: 'ada@clinic.test', password: 'a long enough passphrase' };
const FRAN: Credentials = { displayName: 'Fran Facilitator', email: 'fran@clinic.test', password: 'another long passphrase' };

test('a facilitator names the recipient and purpose of an attendance CSV; the admin finds it in the participant\'s accounting', async ({ browser, server, contexts }) => {
  test.setTimeout(180_000);
  await server.clinic.accounts.create({ ...ADMIN, role: 'admin' });
  await server.clinic.accounts.create({ ...FRAN, role: 'facilitator' });
  const today = new Date().toISOString().slice(0, 10);

  const fran = await staffPage(browser, contexts, server.url);
  await fran.signIn(FRAN);
  await fran.createCohort('Tuesday group', 'UTC');
  await fran.addMember('Ana');
  await fran.addMember('Ben');
  const sessionId = await fran.createSession('Evening group');
  // Held without a call (the call's own records are clinic-records.spec.ts's): Ana was in for ten minutes, and it ended.
  const [cohort] = await server.clinic.store.cohorts.list();
  const [ana] = await server.clinic.store.members.listByCohort(cohort!.id);
  const start = Date.now() - 20 * 60_000;
  await server.clinic.attendance.append(sessionId, [
    { memberId: ana!.id, kind: 'in', at: start },
    { memberId: ana!.id, kind: 'out', at: start + 10 * 60_000 },
  ]);
  await server.clinic.store.sessions.setStatus(sessionId, 'ended');
  await fran.page.reload();

  // Asked first: nothing is downloaded without a recipient and a purpose, and the dialog says so beside each field.
  await fran.attendance.getByRole('button', { name: 'Download CSV' }).click();
  const dialog = fran.disclosureDialog;
  await expect(dialog.getByLabel('Recipient')).toBeFocused();
  await dialog.getByRole('button', { name: 'Download', exact: true }).click();
  await expect(dialog.getByLabel('Recipient')).toHaveAccessibleDescription(/Say who receives it/);
  await expect(dialog.getByLabel('Purpose')).toHaveAccessibleDescription(/Say why it is disclosed/);
  await dialog.getByLabel('Recipient').fill('Acme Health Plan');
  await dialog.getByLabel('Purpose').fill('Claim review, March');
  await lookAt(fran.page, 'staff-disclosure-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await server.clinic.disclosures.ofMember(ana!.id)).toEqual([]);

  const csv = await fran.downloadCsv(fran.attendance, { recipient: 'Acme Health Plan', purpose: 'Claim review, March' });
  expect(csv.text).toContain(',Ana,');
  expect(csv.text).toContain(',Ben,');

  // The admin's accounting for Ana over today: one row, naming the recipient, purpose, export and who made it.
  const ada = await staffPage(browser, contexts, server.url);
  await ada.signIn(ADMIN);
  const rows = await ada.showAccounting('Tuesday group', 'Ana', today, today);
  await expect(rows).toHaveCount(2);
  const row = rows.nth(1);
  await expect(row).toContainText('Acme Health Plan');
  await expect(row).toContainText('Claim review, March');
  await expect(row).toContainText(`Attendance CSV: Evening group, ${today}`);
  await expect(row).toContainText('Fran Facilitator');
  await lookAt(ada.page, 'staff-disclosures');

  // Printed: the table alone, no navigation or form.
  await ada.page.emulateMedia({ media: 'print' });
  await expect(ada.page.getByRole('navigation', { name: 'Clinic' })).toBeHidden();
  await expect(ada.page.getByRole('form', { name: 'Whose disclosures' })).toBeHidden();
  await expect(row).toBeVisible();
  await ada.page.emulateMedia({ media: 'screen' });

  // And as a CSV.
  const [download] = await Promise.all([ada.page.waitForEvent('download'), ada.page.getByRole('link', { name: 'Download CSV' }).click()]);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.trim().split('\r\n')).toEqual(['date,time,recipient,purpose,what,by', expect.stringMatching(new RegExp(`^${today},\\d\\d:\\d\\d,Acme Health Plan,"Claim review, March","Attendance CSV: Evening group, ${today}",Fran Facilitator$`))]);

  // Ben was in the same export: his accounting lists it too.
  const benRows = await ada.showAccounting('Tuesday group', 'Ben', today, today);
  await expect(benRows).toHaveCount(2);
});
