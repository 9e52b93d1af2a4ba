import { recordPeerConnections, test, expect, TEST_VIDEO } from '../fixtures/hearth.js';
import { lookAt } from '../fixtures/look.js';
import { FacilitatorConsole } from '../pages/ModeratedPages.js';
import { StaffAccountsPages } from '../pages/StaffAccountsPages.js';
import { StaffPages, type Credentials } from '../pages/StaffPages.js';

/**
 * Staff accounts in the browser: an admin turns a facilitator off (the facilitator's live
 * console closes and says why; their clinic page finds itself signed out), on again, sets them a
 * new password; the facilitator changes it.
 */
test.use({ viewport: { width: 1100, height: 800 } });

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
const credentials = (who: string): Credentials => ({
  displayName: `${who} ${unique()}`,
  email: `${who.toLowerCase()}-${unique()}@clinic.test`,
  password: 'a long enough passphrase',
});

test('an admin turns a facilitator off and on and sets a new password; the facilitator changes it', async ({ browser, page, hearth }) => {
  test.setTimeout(120_000);
  const admin = credentials('Admin');
  const fran = credentials('Fran');
  await hearth.clinic.accounts.create({ ...admin, role: 'admin' });
  await hearth.clinic.accounts.create({ ...fran, role: 'facilitator' });
  const adminStaff = new StaffPages(page, hearth.url);
  const accounts = new StaffAccountsPages(page, hearth.url);
  await adminStaff.signIn(admin);
  await accounts.openStaff();
  await expect(accounts.row(admin.displayName)).toContainText('Active (you)');
  await expect(accounts.row(admin.displayName).getByRole('button')).toHaveCount(0);

  const franContext = await browser.newContext({ viewport: { width: 1100, height: 800 }, permissions: ['camera', 'microphone'] });
  await franContext.addInitScript(recordPeerConnections);
  try {
    const franPage = await franContext.newPage();
    const franStaff = new StaffPages(franPage, hearth.url);
    await franStaff.signIn(fran);
    // Fran leads a session: her console is live.
    const made = async <T>(path: string, data: object): Promise<T> => (await (await franPage.request.post(`${hearth.url}/api${path}`, { data })).json()) as T;
    const { cohort } = await made<{ cohort: { id: string } }>('/cohorts', { name: `Fran's group ${unique()}`, timeZone: 'UTC' });
    const { session } = await made<{ session: { id: string } }>(`/cohorts/${cohort.id}/sessions`, { title: 'Evening group' });
    const consolePage = await franContext.newPage();
    await consolePage.goto(`${hearth.url}/facilitate/${session.id}?video=${TEST_VIDEO}`);
    await new FacilitatorConsole(consolePage).enter();

    await accounts.turnOff(fran.displayName);
    await expect(consolePage.getByTestId('closed-notice')).toHaveAttribute('data-reason', 'signed-out');
    await expect(consolePage.getByRole('heading', { name: 'You have been signed out' })).toBeVisible();
    await lookAt(consolePage, 'console-signed-out');
    await lookAt(page, 'staff-accounts');
    // Fran's open page: the next thing it asks the server finds the sign-in ended.
    await franPage.getByRole('link', { name: 'Cohorts' }).first().click();
    await franPage.reload();
    await expect(franPage).toHaveURL(/\/login/);
    await franStaff.submitSignIn(fran.email, fran.password);
    await expect(franStaff.alert).toHaveText('This account is turned off. A clinic admin can turn it back on.');

    await accounts.turnOn(fran.displayName);
    await accounts.setNewPassword(fran.displayName, 'a password from the admin');
    await franStaff.submitSignIn(fran.email, fran.password);
    await expect(franStaff.alert).toHaveText('That email and password do not match. Check both and try again.');
    await franStaff.submitSignIn(fran.email, 'a password from the admin');
    await expect(franPage).toHaveURL(/\/clinic$/);

    const franAccounts = new StaffAccountsPages(franPage, hearth.url);
    const wrong = await franAccounts.changeOwnPassword('not my password', 'my very own passphrase');
    await expect(wrong.getByRole('alert')).toHaveText('That is not your current password. Check it and try again.');
    const form = await franAccounts.changeOwnPassword('a password from the admin', 'my very own passphrase');
    await expect(form.getByRole('status')).toContainText('Password changed.');
    await lookAt(franPage, 'staff-change-password');
    // Still signed in here, under the new cookie.
    await franPage.getByRole('link', { name: 'Cohorts' }).first().click();
    await expect(franStaff.heading).toHaveText('Cohorts');
  } finally {
    await franContext.close();
  }
});
