import { randomBytes } from 'node:crypto';
import { test as base, expect, type Page } from '@playwright/test';
import type { RunningServer } from '../../server/dist/startServer.js';
import { lookAt } from '../fixtures/look.js';
import { startE2eServer } from '../fixtures/server.js';
import { StaffPages, type Credentials } from '../pages/StaffPages.js';

/**
 * Every clinic page as a clinician first meets it, looked at on a phone and a laptop
 * (screenshots in docs/screens/, axe with zero violations at both sizes), and the clinic
 * settings page used end to end: the name and crisis resources edited, reordered, saved.
 * A fresh clinic per test, so the one-time setup page is there and the lists start empty.
 */

const ZONE = 'America/Chicago';
const ADMIN: Credentials = { displayName: 'Ada Admin', email: 'ada@clinic.test', password: 'a long enough passphrase' };

const test = base.extend<{ server: RunningServer; staff: StaffPages }>({
  server: async ({}, use) => {
    const server = await startE2eServer({ HEARTH_SECRET: randomBytes(32).toString('hex') });
    await use(server);
    await server.close();
  },
  staff: async ({ page, server }, use) => {
    await use(new StaffPages(page, server.url));
  },
});
test.use({ timezoneId: ZONE, viewport: { width: 1280, height: 800 } });

/** Nothing sticks out sideways: the page is as wide as the window at both sizes. */
async function fitsTheWindow(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

/** Seeds through the API as the signed-in page (the forms for these are covered in staff.spec). */
async function post<T>(page: Page, url: string, path: string, data: object): Promise<T> {
  const res = await page.request.post(`${url}/api${path}`, { data });
  expect(res.status(), path).toBe(201);
  return (await res.json()) as T;
}

// Each screen is looked at twice (phone, laptop) with axe at both sizes: a few seconds each, many
// more on two cores shared with other suites, so the screens are split over several tests, each
// with room to spare.
const LOOKS_TIMEOUT = 300_000;

test('setup, sign-in (and a refused password) and the empty cohorts page, at phone and laptop size', async ({ page, staff }) => {
  test.setTimeout(LOOKS_TIMEOUT);
  await staff.goto('/setup');
  await expect(page.getByRole('button', { name: 'Create admin account' })).toBeVisible();
  await lookAt(page, 'staff-setup', { ready: fitsTheWindow });
  await staff.setUpFirstAdmin(ADMIN);
  await lookAt(page, 'staff-login', { ready: fitsTheWindow });

  // A refusal, in words, beside the form.
  await staff.submitSignIn(ADMIN.email, 'not the password');
  await expect(staff.alert).toHaveText('That email and password do not match. Check both and try again.');
  await expect(page.getByLabel('Password')).toBeFocused();
  await lookAt(page, 'staff-login-error', { ready: fitsTheWindow });
  await staff.submitSignIn(ADMIN.email, ADMIN.password);
  await expect(staff.heading).toHaveText('Cohorts');

  await expect(page.getByText('No cohorts yet.')).toBeVisible();
  await lookAt(page, 'staff-cohorts-empty', { ready: fitsTheWindow });
});

test('a new cohort’s members and never-pair rules, filled in through its tabs', async ({ page, server, staff }) => {
  test.setTimeout(LOOKS_TIMEOUT);
  await server.clinic.accounts.create({ ...ADMIN, role: 'admin' });
  await staff.signIn(ADMIN);
  await staff.createCohort('Evening IOP Mon/Wed/Thu');
  // A new cohort opens on its members: the next thing to fill in.
  await expect(staff.cohortTab('Members')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No members yet.')).toBeVisible();
  await staff.addMember('Ana', '555-0100');
  await staff.addMember('Ben');
  await staff.addMember('Cy', 'cy@home.example');
  await staff.addMember('Dee');
  await lookAt(page, 'staff-cohort-members', { ready: fitsTheWindow });

  await staff.neverPair('Ana', 'Ben');
  await expect(staff.neverPairs).toHaveText(['Ana and Ben']);
  await lookAt(page, 'staff-cohort-never-pair', { ready: fitsTheWindow });
});

test('a cohort’s schedule, the sessions it makes, and its attendance before any was held', async ({ page, server, staff }) => {
  test.setTimeout(LOOKS_TIMEOUT);
  await server.clinic.accounts.create({ ...ADMIN, role: 'admin' });
  await staff.signIn(ADMIN);
  const { cohort } = await post<{ cohort: { id: string } }>(page, server.url, '/cohorts', { name: 'Evening IOP Mon/Wed/Thu', timeZone: ZONE });
  for (const pseudonym of ['Ana', 'Ben', 'Cy', 'Dee']) await post(page, server.url, `/cohorts/${cohort.id}/members`, { pseudonym });
  await staff.goto(`/clinic/cohorts/${cohort.id}`);
  await expect(staff.heading).toHaveText('Evening IOP Mon/Wed/Thu');
  await expect(page.getByText('No sessions yet.')).toBeVisible();

  await staff.setSchedule(['Monday', 'Wednesday', 'Thursday'], '18:00', 180);
  await staff.createScheduledSessions(/^\d+ sessions created\.$/);
  await lookAt(page, 'staff-cohort-schedule', { ready: fitsTheWindow });

  await staff.openCohortTab('Sessions');
  await expect(staff.sessionLinks.first()).toContainText('Upcoming');
  await lookAt(page, 'staff-cohort-sessions', { ready: fitsTheWindow });

  await staff.openCohortTab('Attendance');
  await expect(page.getByText(/^No sessions were held from/)).toBeVisible();
  await lookAt(page, 'staff-cohort-attendance-empty', { ready: fitsTheWindow });
});

test('a session’s invite links and the revoke dialog, the cohorts page with cohorts, and not-found', async ({ page, server, staff }) => {
  test.setTimeout(LOOKS_TIMEOUT);
  await server.clinic.accounts.create({ ...ADMIN, role: 'admin' });
  await staff.signIn(ADMIN);
  const { cohort } = await post<{ cohort: { id: string } }>(page, server.url, '/cohorts', { name: 'Evening IOP Mon/Wed/Thu', timeZone: ZONE });
  for (const pseudonym of ['Ana', 'Ben', 'Cy', 'Dee']) await post(page, server.url, `/cohorts/${cohort.id}/members`, { pseudonym });
  const start = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const { session } = await post<{ session: { id: string } }>(page, server.url, `/cohorts/${cohort.id}/sessions`, { title: 'Monday group', scheduledStart: start });
  await post(page, server.url, '/cohorts', { name: 'Morning DBT skills', timeZone: 'America/Denver' });

  // A session's page before it starts: the way into the console, and the invite links.
  await staff.goto(`/clinic/sessions/${session.id}`);
  await expect(staff.heading).toHaveText('Monday group');
  await staff.issueInvites();
  await staff.revoke('Ben');
  await expect(page.getByRole('link', { name: 'Open session console' })).toBeVisible();
  await lookAt(page, 'staff-session-invites', { ready: fitsTheWindow });

  // The revoke dialog as a clinician sees it before choosing; Cancel changes nothing.
  await (await staff.openLinkMenu('Ana')).getByRole('menuitem', { name: 'Revoke link' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Revoke Ana’s link?' });
  await expect(dialog).toBeVisible();
  await lookAt(page, 'staff-session-revoke-dialog', { ready: async () => expect(dialog).toBeVisible() });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(staff.inviteRow('Ana')).toContainText('Link expires');

  // The cohorts page with cohorts in it, reached from the top bar.
  await page.getByRole('navigation', { name: 'Clinic' }).getByRole('link', { name: 'Cohorts' }).click();
  await expect(page.getByRole('list', { name: 'Cohorts' }).getByRole('listitem')).toHaveCount(2);
  await lookAt(page, 'staff-cohorts', { ready: fitsTheWindow });

  // An address that is no page: said plainly, with the way back.
  await staff.goto(`/clinic/cohorts/${cohort.id}/nothing-here`);
  await expect(staff.heading).toHaveText('Page not found');
  await lookAt(page, 'staff-not-found', { ready: fitsTheWindow });
  await page.getByRole('link', { name: 'Go to the cohorts' }).click();
  await expect(staff.heading).toHaveText('Cohorts');
  await expect(staff.heading).toBeFocused();
});

test('an admin sets the clinic’s name and crisis resources: added, edited, reordered, removed, saved and shown again', async ({ page, server, staff }) => {
  test.setTimeout(LOOKS_TIMEOUT);
  await server.clinic.accounts.create({ ...ADMIN, role: 'admin' });
  await staff.signIn(ADMIN);
  await page.getByRole('navigation', { name: 'Clinic' }).getByRole('link', { name: 'Settings' }).click();
  await expect(staff.heading).toHaveText('Clinic settings');
  await expect(staff.heading).toBeFocused();
  const settings = staff.settings;
  // Today's US numbers until the clinic sets its own.
  await expect(settings.resourceNames).toHaveText(['988 Suicide & Crisis Lifeline', 'Crisis Text Line', 'Emergency services']);
  await lookAt(page, 'staff-settings', { ready: fitsTheWindow });

  // The form refuses what the server would, in words, before sending.
  await settings.field('Clinic name').fill(' ');
  await settings.resource(3).getByLabel('Number to call').fill('');
  await settings.save();
  await expect(settings.field('Clinic name')).toBeFocused();
  await expect(settings.field('Clinic name')).toHaveAccessibleDescription(/Give the clinic a name\./);
  await expect(settings.resource(3).getByLabel('Number to call')).toHaveAccessibleDescription(/Give the number or address\./);
  await lookAt(page, 'staff-settings-errors', { ready: fitsTheWindow });

  await settings.field('Clinic name').fill('Riverside Recovery');
  await settings.field('Country').fill('gb');
  await settings.resource(3).getByLabel('Number to call').fill('999');
  await settings.resource(3).getByLabel('Name', { exact: true }).fill('Emergency services (999)');
  await settings.resource(3).getByLabel('Detail line (optional)').fill('Police, fire and ambulance');
  // A new web resource, moved to the top; the text line removed.
  await settings.addResource({ name: 'NHS 111 online', kind: 'A web page', value: 'https://111.nhs.uk', detail: 'Urgent help, any time' });
  await settings.act(4, 'Move up');
  await settings.act(3, 'Move up');
  await settings.act(2, 'Move up');
  await expect(settings.resourceNames).toHaveText(['NHS 111 online', '988 Suicide & Crisis Lifeline', 'Crisis Text Line', 'Emergency services (999)']);
  await settings.act(3, 'Remove');
  await settings.act(2, 'Remove');
  await settings.save();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  // The top bar says the new name at once; the server holds what was saved.
  await expect(page.getByRole('banner').getByRole('link', { name: /Riverside Recovery/ })).toBeVisible();
  const stored = (await (await page.request.get(`${server.url}/api/clinic/settings`)).json()) as unknown;
  expect(stored).toEqual({
    name: 'Riverside Recovery',
    country: 'GB',
    crisisResources: [
      { label: 'NHS 111 online', kind: 'web', value: 'https://111.nhs.uk', detail: 'Urgent help, any time' },
      { label: 'Emergency services (999)', kind: 'call', value: '999', detail: 'Police, fire and ambulance' },
    ],
  });

  // A reload shows what is stored.
  await page.reload();
  await expect(settings.resourceNames).toHaveText(['NHS 111 online', 'Emergency services (999)']);
  await expect(settings.field('Country')).toHaveValue('GB');
});

test('a facilitator sees the cohorts without the admins’ links, and the settings page says it is for admins', async ({ page, server, staff }) => {
  test.setTimeout(LOOKS_TIMEOUT);
  const fran: Credentials = { displayName: 'Fran Facilitator', email: 'fran@clinic.test', password: 'another long passphrase' };
  await server.clinic.accounts.create({ ...fran, role: 'facilitator' });
  await staff.signIn(fran);
  const nav = page.getByRole('navigation', { name: 'Clinic' });
  await expect(nav.getByRole('link')).toHaveText(['Cohorts']);
  await expect(page.getByRole('region', { name: 'Add facilitator' })).toHaveCount(0);
  await lookAt(page, 'staff-cohorts-facilitator', { ready: fitsTheWindow });
  await staff.goto('/clinic/settings');
  await expect(page.getByText('Only clinic admins can change the clinic’s settings.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  expect((await page.request.put(`${server.url}/api/clinic/settings`, { data: {} })).status()).toBe(403);
});
