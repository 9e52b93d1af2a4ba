import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

/** A session's group notes page (/clinic/sessions/<id>/notes). */
export class NotesPage {
  constructor(private readonly page: Page) {}

  get groupSection(): Locator {
    return this.page.getByRole('region', { name: 'Group section' });
  }

  get note(): Locator {
    return this.page.getByTestId('participant-note');
  }

  /** A member's button in the list, with their note's status beside it. */
  memberItem(pseudonym: string): Locator {
    return this.page.getByRole('region', { name: 'Members' }).getByRole('listitem').filter({ hasText: pseudonym });
  }

  async writeGroupSection(topic: string, interventions: string): Promise<void> {
    await this.groupSection.getByLabel('Topic').fill(topic);
    await this.groupSection.getByLabel('Interventions').fill(interventions);
    await this.groupSection.getByRole('button', { name: 'Save group section' }).click();
    await expect(this.groupSection.getByRole('status')).toHaveText('Group section saved.');
  }

  async open(pseudonym: string): Promise<void> {
    await this.memberItem(pseudonym).getByRole('button', { name: pseudonym }).click();
    await expect(this.note).toBeVisible();
  }

  async fillSections(texts: Record<string, string>): Promise<void> {
    for (const [label, text] of Object.entries(texts)) await this.note.getByLabel(label, { exact: true }).fill(text);
  }

  async saveDraft(): Promise<void> {
    await this.note.getByRole('button', { name: 'Save draft' }).click();
    await expect(this.note.getByRole('status')).toHaveText('Draft saved.');
  }

  /** Signs with a name and credential, through the confirmation dialog. */
  async sign(name: string, credential: string): Promise<void> {
    await this.note.getByLabel('Your name').fill(name);
    await this.note.getByLabel('Credential').fill(credential);
    await this.note.getByRole('button', { name: 'Sign note' }).click();
    const dialog = this.page.getByTestId('sign-dialog');
    await expect(dialog).toContainText(`You sign as ${name}, ${credential}.`);
    await dialog.getByRole('button', { name: 'Sign and lock' }).click();
    await expect(this.note.getByRole('status')).toHaveText('Signed and locked.');
  }

  async addAddendum(text: string): Promise<void> {
    await this.note.getByLabel('Addendum').fill(text);
    await this.note.getByRole('button', { name: 'Add addendum' }).click();
    await expect(this.note.getByRole('status')).toHaveText('Addendum added.');
  }

  /** Fills the export's recipient and purpose in the region titled `title`, then downloads its PDF. */
  async downloadPdf(title: string, recipient: string, purpose: string): Promise<{ filename: string; bytes: Buffer }> {
    const region = this.page.getByRole('region', { name: title });
    await region.getByLabel('Recipient').fill(recipient);
    await region.getByLabel('Purpose').fill(purpose);
    const [download] = await Promise.all([this.page.waitForEvent('download'), region.getByRole('link', { name: 'Download PDF' }).click()]);
    return { filename: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }
}
