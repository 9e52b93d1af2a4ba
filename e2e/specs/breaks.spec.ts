import { expect } from '@playwright/test';
import { browserParticipant, facilitatorIn, newEvening, protocolParticipants, test } from '../fixtures/fullGroup.js';
import { lookAt } from '../fixtures/look.js';

/*
 * REST1–REST5, as a facilitator runs one mid-evening: a break with a length everyone sees,
 * cameras and microphones off and the room still open, extended, then ended early.
 */

/** "m:ss left" on a banner, in seconds. */
const secondsLeft = async (text: Promise<string>) => {
  const [m, s] = (await text).replace(' left', '').split(':').map(Number);
  return m! * 60 + s!;
};

test('[REST1][REST2][REST3] a break: everyone sees when the group is back, cameras and microphones go off, it is extended and ended early', async ({ browser, contexts, members, clinic }) => {
  test.setTimeout(120_000);
  const { sessionId, invite } = await newEvening(clinic);
  const lead = await facilitatorIn(browser, contexts, clinic.server.url, sessionId, clinic.lead);
  const alex = await browserParticipant(browser, contexts, clinic.server.url, invite('Alex').url);
  members.push(...(await protocolParticipants(clinic.server.url, [invite('Blake')])));
  await lead.admitAll();
  await expect(alex.page.getByTestId('self-video')).toBeVisible();
  await expect(alex.page.getByRole('button', { name: 'Mute', exact: true })).toBeVisible();

  // The lead picks fifteen minutes; the dialog says when the group is back.
  await lead.page.getByRole('button', { name: 'Start a break' }).click();
  const dialog = lead.page.getByTestId('break-dialog');
  await dialog.getByLabel('15 minutes').check();
  await expect(dialog.getByTestId('break-back-at')).toHaveText(/^The group is back at \d{1,2}:\d\d( [AP]M)?\.$/);
  await lookAt(lead.page, 'break-dialog', { sizes: ['laptop'] });
  await dialog.getByRole('button', { name: 'Start break' }).click();

  // Everyone: the banner, the time back, about fifteen minutes left.
  const banner = alex.page.getByTestId('break-banner');
  await expect(banner).toContainText(/Break · back at \d{1,2}:\d\d( [AP]M)?/);
  await expect(banner).toContainText('Your camera and microphone are off until you turn them on.');
  expect(await secondsLeft(banner.getByTestId('break-left').innerText())).toBeGreaterThan(14 * 60);
  // REST2: Alex's camera and microphone went off...
  await expect(alex.page.getByTestId('self-video')).toHaveCount(0);
  await expect(alex.page.getByRole('button', { name: 'Unmute', exact: true })).toBeVisible();
  await lookAt(alex.page, 'break', { sizes: ['phone', 'laptop'] });
  // ...and the room stays open: he may turn his camera back on.
  await alex.page.getByRole('button', { name: 'Start camera' }).click();
  await expect(alex.page.getByTestId('self-video')).toBeVisible();

  // REST3: five more minutes, seen by Alex; a round cannot start meanwhile (REST5).
  const leadBanner = lead.page.getByTestId('break-banner');
  await expect(leadBanner).toContainText('the room stays open');
  await lookAt(lead.page, 'console-break', { sizes: ['laptop'] });
  await leadBanner.getByRole('button', { name: '5 more minutes' }).click();
  await expect.poll(() => secondsLeft(banner.getByTestId('break-left').innerText())).toBeGreaterThan(19 * 60);
  await expect(lead.page.getByRole('button', { name: 'Start a break' })).toHaveCount(0);

  // Ended early: the banner goes for everyone; the Break button is back for the lead.
  await leadBanner.getByRole('button', { name: 'End break' }).click();
  await expect(banner).toHaveCount(0);
  await expect(leadBanner).toHaveCount(0);
  await expect(lead.page.getByRole('button', { name: 'Start a break' })).toBeEnabled();
  // Nothing was turned on by the break's end: Alex's microphone is still off, as he left it.
  await expect(alex.page.getByRole('button', { name: 'Unmute', exact: true })).toBeVisible();
});
