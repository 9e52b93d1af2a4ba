import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

export type Credentials = { displayName: string; email: string; password: string };
export type Disclosure = { recipient: string; purpose: string };

/** The clinic's pages: setup, sign-in, cohorts, a cohort, a session's invite links, attendance and the audit log. */
export class StaffPages {
  readonly heading: Locator;
  readonly alert: Locator;
  readonly signOutButton: Locator;
  readonly inviteRows: Locator;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.alert = page.getByRole('alert');
    this.signOutButton = page.getByRole('button', { name: 'Sign out' });
    this.inviteRows = page.getByRole('list', { name: 'Invite links by member' }).getByRole('listitem');
  }

  goto(path: string) {
    return this.page.goto(`${this.baseUrl}${path}`);
  }

  /** The one-time setup form; ends on the sign-in page with the email filled in. */
  async setUpFirstAdmin(admin: Credentials): Promise<void> {
    await this.goto('/setup');
    const form = this.page.locator('form');
    await form.getByLabel('Your name').fill(admin.displayName);
    await form.getByLabel('Email').fill(admin.email);
    await form.getByLabel('Password', { exact: true }).fill(admin.password);
    await form.getByLabel('Password again').fill(admin.password);
    await form.getByRole('button', { name: 'Create admin account' }).click();
    await expect(this.page).toHaveURL(/\/login$/);
    await expect(this.page.getByText('Your admin account is ready.')).toBeVisible();
    await expect(this.page.getByLabel('Email')).toHaveValue(admin.email);
  }

  /** Fills and sends the sign-in form (from wherever the page is). */
  async submitSignIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async signIn(account: Credentials): Promise<void> {
    await this.goto('/login');
    await this.submitSignIn(account.email, account.password);
    await expect(this.page).toHaveURL(/\/clinic$/);
    await expect(this.heading).toHaveText('Cohorts');
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/login$/);
    await expect(this.page.getByText('You have signed out.')).toBeVisible();
  }

  /** One of a cohort page's tabs (Sessions, Members, Schedule, Never pair, Attendance), by the start of its name. */
  cohortTab(name: string): Locator {
    return this.page.getByRole('tablist', { name: 'Parts of this cohort' }).getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  /** On a cohort page: opens one of its tabs, as a person would click it. */
  async openCohortTab(name: string): Promise<void> {
    const tab = this.cohortTab(name);
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** From the cohorts page; ends on the new cohort's page (its members, the next thing to fill in). */
  async createCohort(name: string, timeZone?: string): Promise<string> {
    const form = this.page.getByRole('region', { name: 'New cohort' });
    await form.getByLabel('Name').fill(name);
    if (timeZone) await form.getByLabel('Time zone').fill(timeZone);
    await form.getByRole('button', { name: 'Create cohort' }).click();
    await expect(this.heading).toHaveText(name);
    return new URL(this.page.url()).pathname;
  }

  get members(): Locator {
    return this.page.getByRole('list', { name: 'Members' }).getByRole('listitem');
  }

  async addMember(pseudonym: string, contact?: string): Promise<void> {
    await this.openCohortTab('Members');
    const form = this.page.getByRole('form', { name: 'Add member' });
    await form.getByLabel('First name or chosen name').fill(pseudonym);
    if (contact) await form.getByLabel('Contact (optional)').fill(contact);
    await form.getByRole('button', { name: 'Add member' }).click();
    await expect(form.getByRole('status')).toHaveText(`${pseudonym} added.`);
    await expect(this.members.filter({ hasText: pseudonym })).toBeVisible();
  }

  /** The never-pair rules as they read ("Ana and Ben"), on the cohort's Never pair tab. */
  get neverPairs(): Locator {
    return this.page.getByRole('list', { name: 'Never pair' }).getByRole('listitem').locator('.staff-row-title');
  }

  async neverPair(first: string, second: string): Promise<void> {
    await this.openCohortTab('Never pair');
    const form = this.page.getByRole('form', { name: 'Keep two members apart' });
    await form.getByLabel('Member', { exact: true }).selectOption({ label: first });
    await form.getByLabel('Never with').selectOption({ label: second });
    await form.getByRole('button', { name: 'Never pair them' }).click();
    await expect(form.getByRole('status')).toHaveText(`${first} and ${second} will not be paired.`);
  }

  /** From a cohort page; `start` is a datetime-local value on the cohort's clock. Ends on the session's page. */
  async createSession(title: string, start?: string): Promise<string> {
    await this.openCohortTab('Sessions');
    const form = this.page.getByRole('form', { name: 'New session' });
    await form.getByLabel('Title').fill(title);
    if (start) await form.getByLabel('Starts (optional)').fill(start);
    await form.getByRole('button', { name: 'Create session' }).click();
    await expect(this.heading).toHaveText(title);
    const id = /\/clinic\/sessions\/([^/]+)$/.exec(new URL(this.page.url()).pathname)?.[1];
    expect(id).toBeTruthy();
    return id ?? '';
  }

  inviteRow(pseudonym: string): Locator {
    return this.inviteRows.filter({ has: this.page.getByText(pseudonym, { exact: true }) });
  }

  async issueInvites(): Promise<void> {
    await this.page.getByRole('button', { name: 'Issue invite links' }).click();
    await expect(this.page.getByRole('button', { name: /^Issue/ })).toHaveCount(0);
  }

  async copyLink(pseudonym: string): Promise<void> {
    const row = this.inviteRow(pseudonym);
    await row.getByRole('button', { name: 'Copy link' }).click();
    await expect(row.getByRole('status')).toHaveText('Copied');
  }

  /** The row's menu of further actions on a live link (Re-issue, Revoke). */
  async openLinkMenu(pseudonym: string): Promise<Locator> {
    await this.inviteRow(pseudonym).getByRole('button', { name: `More for ${pseudonym}’s link` }).click();
    const menu = this.page.getByRole('menu');
    await expect(menu).toBeVisible();
    return menu;
  }

  /** Revokes through the row's menu, after the confirmation dialog (which opens on Cancel). */
  async revoke(pseudonym: string): Promise<void> {
    const row = this.inviteRow(pseudonym);
    await (await this.openLinkMenu(pseudonym)).getByRole('menuitem', { name: 'Revoke link' }).click();
    const confirm = this.page.getByRole('alertdialog', { name: `Revoke ${pseudonym}’s link?` });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Revoke link' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(row).toContainText('Revoked');
  }

  async reissue(pseudonym: string): Promise<void> {
    const row = this.inviteRow(pseudonym);
    await row.getByRole('button', { name: 'Re-issue' }).click();
    await expect(row).toContainText('Link expires');
    await expect(this.page.getByText(`New link for ${pseudonym}.`)).toBeVisible();
  }

  /** A link in the page's breadcrumb trail (Cohorts › cohort › session). */
  crumb(label: string): Locator {
    return this.page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: label });
  }

  /** What the page would paste (needs the clipboard-read permission). */
  clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  // --- A cohort's weekly schedule ---

  get scheduleSummary(): Locator {
    return this.page.getByRole('region', { name: 'Schedule' }).getByTestId('schedule-summary');
  }

  /** Days by their full English names; `startTime` is HH:MM on the cohort's clock. */
  async setSchedule(days: string[], startTime: string, minutes: number): Promise<void> {
    await this.openCohortTab('Schedule');
    const form = this.page.getByRole('form', { name: 'Weekly schedule' });
    for (const day of days) await form.getByRole('checkbox', { name: day, exact: true }).check();
    await form.getByLabel('Starts at').fill(startTime);
    await form.getByLabel('Length in minutes').fill(String(minutes));
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await expect(form.getByRole('status')).toHaveText(/^Schedule saved: /);
  }

  /** Presses the button; `outcome` is what the page should say it did. */
  async createScheduledSessions(outcome: string | RegExp): Promise<void> {
    await this.openCohortTab('Schedule');
    const area = this.page.getByRole('group', { name: 'Sessions from the schedule' });
    await area.getByRole('button', { name: 'Create the next 2 weeks of sessions' }).click();
    await expect(area.getByRole('status')).toHaveText(outcome);
  }

  get sessionLinks(): Locator {
    return this.page.getByRole('list', { name: 'Sessions' }).getByRole('link');
  }

  /** From a cohort page: the n-th session in schedule order. Ends on its page; answers with its id. */
  async openSession(index: number): Promise<string> {
    await this.openCohortTab('Sessions');
    await this.sessionLinks.nth(index).click();
    await expect(this.page).toHaveURL(/\/clinic\/sessions\/[^/]+$/);
    return /\/clinic\/sessions\/([^/]+)$/.exec(new URL(this.page.url()).pathname)?.[1] ?? '';
  }

  // --- Attendance ---

  /** A member's row in a session's attendance table. */
  attendanceRow(pseudonym: string): Locator {
    return this.page
      .getByRole('table', { name: 'Attendance by member' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: pseudonym, exact: true }) });
  }

  /**
   * Presses "Download CSV" inside `within`, says who receives it and why in the dialog that asks
   * (an accounting of disclosures), and reads the file the browser saved.
   */
  async downloadCsv(within: Locator, to: Disclosure = { recipient: 'Acme Health Plan', purpose: 'Claim review' }): Promise<{ filename: string; text: string }> {
    await within.getByRole('button', { name: 'Download CSV' }).click();
    const dialog = this.disclosureDialog;
    await dialog.getByLabel('Recipient').fill(to.recipient);
    await dialog.getByLabel('Purpose').fill(to.purpose);
    const [download] = await Promise.all([this.page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download', exact: true }).click()]);
    await expect(dialog).toBeHidden();
    const file = await download.path();
    return { filename: download.suggestedFilename(), text: await readFile(file, 'utf8') };
  }

  /** What the Download CSV button asks first: who receives the export and why. */
  get disclosureDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Who receives this export?' });
  }

  /** Admins: opens the accounting of disclosures for one participant over a range of days. */
  async showAccounting(cohort: string, participant: string, from: string, to: string): Promise<Locator> {
    await this.page.getByRole('navigation', { name: 'Clinic' }).getByRole('link', { name: 'Disclosures' }).click();
    await expect(this.heading).toHaveText('Accounting of disclosures');
    const form = this.page.getByRole('form', { name: 'Whose disclosures' });
    await form.getByLabel('Cohort').selectOption({ label: cohort });
    await expect(form.getByLabel('Participant').getByRole('option', { name: participant })).toBeAttached();
    await form.getByLabel('Participant').selectOption({ label: participant });
    await form.getByLabel('From').fill(from);
    await form.getByLabel('To').fill(to);
    await form.getByRole('button', { name: 'Show' }).click();
    return this.page.getByRole('table', { name: `Disclosures of ${participant}’s records, ${from} to ${to}` }).getByRole('row');
  }

  /** The attendance section of a session's or a cohort's page. */
  get attendance(): Locator {
    return this.page.getByRole('region', { name: 'Attendance' });
  }

  /** On a cohort page: asks for the attendance from `from` to `to` (YYYY-MM-DD). */
  async showCohortAttendance(from: string, to: string): Promise<void> {
    await this.openCohortTab('Attendance');
    const form = this.page.getByRole('form', { name: 'Attendance dates' });
    await form.getByLabel('From').fill(from);
    await form.getByLabel('To').fill(to);
    await form.getByRole('button', { name: 'Show' }).click();
  }

  /** The rows of the cohort's attendance table for the range shown. */
  cohortAttendanceRows(from: string, to: string): Locator {
    return this.page.getByRole('table', { name: `Attendance from ${from} to ${to}` }).locator('tbody').getByRole('row');
  }

  // --- Clinic settings ---

  get settings(): ClinicSettingsForm {
    return new ClinicSettingsForm(this.page);
  }

  // --- The audit log ---

  get auditLink(): Locator {
    return this.page.getByRole('navigation', { name: 'Clinic' }).getByRole('link', { name: 'Audit log' });
  }

  get auditRows(): Locator {
    return this.page.getByRole('table', { name: 'Audit entries, newest first' }).locator('tbody').getByRole('row');
  }

  get verifyChainButton(): Locator {
    return this.page.getByRole('button', { name: 'Verify the chain' });
  }

  /** Presses "Verify the chain"; answers with the region that says the outcome (status when intact, alert when broken). */
  async verifyAuditChain(): Promise<Locator> {
    await this.verifyChainButton.click();
    const outcome = this.page.getByRole('status').or(this.page.getByRole('alert')).filter({ hasText: /^(Intact|Broken)/ });
    await expect(outcome).toBeVisible();
    return outcome;
  }
}

/** The clinic settings form: the clinic's name and country, and its crisis resources in order. */
export class ClinicSettingsForm {
  readonly form: Locator;
  readonly resources: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Clinic settings' });
    this.resources = this.form.getByRole('list', { name: 'Crisis resources' }).getByRole('listitem');
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  /** The n-th resource (1 = shown first). */
  resource(n: number): Locator {
    return this.resources.nth(n - 1);
  }

  /** Each resource's name, in order. */
  get resourceNames(): Locator {
    return this.resources.locator('.staff-resource-name');
  }

  /** Picks an action (Move up, Move down, Remove) from the n-th resource's menu. */
  async act(n: number, action: 'Move up' | 'Move down' | 'Remove'): Promise<void> {
    await this.resource(n).getByRole('button', { name: `Actions for Resource ${n}` }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
    await expect(this.page.getByRole('menu')).toHaveCount(0);
  }

  /** Adds a resource at the end; `kind` as the form words it (A call, A text message, A web page). */
  async addResource(r: { name: string; kind: string; value: string; detail?: string }): Promise<void> {
    const before = await this.resources.count();
    await this.form.getByRole('button', { name: 'Add a resource' }).click();
    const added = this.resource(before + 1);
    await expect(added.getByLabel('Name', { exact: true })).toBeFocused();
    await added.getByLabel('Name', { exact: true }).fill(r.name);
    await added.getByLabel('How to reach it').selectOption({ label: r.kind });
    await added.getByLabel(/^(Number to call|Number to text|Web address)$/).fill(r.value);
    if (r.detail) await added.getByLabel('Detail line (optional)').fill(r.detail);
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save settings' }).click();
  }
}
