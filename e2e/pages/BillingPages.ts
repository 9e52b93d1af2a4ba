import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** A cohort's billing: the profile form (Billing tab), the billing-days export (Attendance tab) and its printable view. */
export class BillingPages {
  constructor(readonly page: Page) {}

  get profileForm(): Locator {
    return this.page.getByRole('form', { name: 'Billing profile' });
  }

  get summary(): Locator {
    return this.page.getByTestId('billing-summary');
  }

  threshold(label: 'Daily minimum (minutes)' | 'Weekly minimum (minutes)' | 'Weekly minimum days' | 'Group size cap'): Locator {
    return this.profileForm.getByLabel(label);
  }

  /** Picks a preset; its published thresholds fill the fields. */
  async choosePreset(code: 'H0015' | 'S9480' | '90853' | 'custom'): Promise<void> {
    const select = this.profileForm.getByLabel('Billing code');
    const option = select.locator('option', { hasText: new RegExp(`^${code}`, 'i') });
    await select.selectOption({ label: (await option.textContent()) ?? code });
  }

  async saveProfile(): Promise<void> {
    await this.profileForm.getByRole('button', { name: /^Save .* profile$/ }).click();
  }

  get exportForm(): Locator {
    return this.page.getByRole('form', { name: 'Billing days' });
  }

  async fillDisclosure(recipient: string, purpose: string): Promise<void> {
    await this.exportForm.getByLabel('Recipient').fill(recipient);
    await this.exportForm.getByLabel('Purpose').fill(purpose);
  }

  /** Presses "Download billing CSV" and reads the file the browser saved. */
  async downloadCsv(): Promise<{ filename: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportForm.getByRole('button', { name: 'Download billing CSV' }).click()]);
    return { filename: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  }

  async openPrintable(): Promise<void> {
    await this.exportForm.getByRole('button', { name: 'Open printable view' }).click();
    await expect(this.page).toHaveURL(/\/billing-days\?/);
  }

  /** The printable view's rows. */
  printableRows(): Locator {
    return this.page.getByRole('table', { name: /^Billing days from / }).locator('tbody').getByRole('row');
  }
}
