import { expect, type Locator, type Page } from '@playwright/test';

/** The staff accounts pages: /clinic/staff (admins) and /clinic/account (anyone signed in). */
export class StaffAccountsPages {
  readonly table: Locator;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.table = page.getByRole('table', { name: 'Staff accounts' });
  }

  async openStaff(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Clinic' }).getByRole('link', { name: 'Staff' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Staff');
    await expect(this.table).toBeVisible();
  }

  row(displayName: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: displayName }) });
  }

  async turnOff(displayName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Turn off ${displayName}` }).click();
    const dialog = this.page.getByRole('alertdialog');
    await expect(dialog).toContainText('signed out everywhere at once');
    await dialog.getByRole('button', { name: 'Turn off' }).click();
    await expect(this.row(displayName)).toContainText('Turned off');
  }

  async turnOn(displayName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Turn on ${displayName}` }).click();
    await expect(this.row(displayName).getByRole('cell', { name: 'Active' })).toBeVisible();
  }

  async setNewPassword(displayName: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: `New password for ${displayName}` }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('New password').fill(password);
    await dialog.getByRole('button', { name: 'Set new password' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(this.row(displayName).getByRole('status')).toContainText('has a new password');
  }

  /** From any signed-in page: the top bar's Change password, then the form. */
  async changeOwnPassword(current: string, next: string): Promise<Locator> {
    await this.page.getByRole('link', { name: 'Change password' }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Your account');
    const form = this.page.getByRole('region', { name: 'Change password' });
    await form.getByLabel('Current password').fill(current);
    await form.getByLabel('New password', { exact: true }).fill(next);
    await form.getByLabel('New password again').fill(next);
    await form.getByRole('button', { name: 'Change password' }).click();
    return form;
  }
}
