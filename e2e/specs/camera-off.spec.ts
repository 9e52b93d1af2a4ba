import { expect } from '@playwright/test';
import { browserContext, browserParticipant, newEvening, test } from '../fixtures/fullGroup.js';
import { TEST_VIDEO } from '../fixtures/hearth.js';
import { lookAt } from '../fixtures/look.js';
import { FacilitatorConsole } from '../pages/ModeratedPages.js';

/*
 * CAM1, CAM2: a participant turns their camera off; past the cohort's setting the facilitator's
 * console quietly notes it beside them, and the note goes when the camera is back. Only the
 * facilitator's page has a controlled clock: the server and the participant keep real time.
 */

test('[CAM1][CAM2] a camera off past the cohort\'s setting is flagged quietly in the console, and the flag goes when it is back', async ({ browser, contexts, clinic }) => {
  test.setTimeout(120_000);
  const { store } = clinic.server.clinic;
  await store.cohorts.setCameraOffFlag(clinic.cohortId, 1);
  try {
    const { sessionId, invite } = await newEvening(clinic);
    const ctx = await browserContext(browser, contexts);
    expect((await ctx.request.post(`${clinic.server.url}/api/auth/login`, { data: clinic.lead })).ok()).toBe(true);
    const page = await ctx.newPage();
    await page.goto(`${clinic.server.url}/facilitate/${sessionId}?video=${TEST_VIDEO}`);
    const lead = new FacilitatorConsole(page);
    await lead.enter();

    const alex = await browserParticipant(browser, contexts, clinic.server.url, invite('Alex').url);
    await lead.admit('Alex');
    await expect(alex.page.getByTestId('self-video')).toBeVisible();
    const row = page.getByTestId('room-member').filter({ hasText: 'Alex' });
    const flag = row.getByTestId('camera-off-flag');
    await expect(row).toBeVisible();
    // From here the console's page has a clock the test moves on; the console's one ticking
    // timer (every 15 s) reads it, so each change shows within a tick. It is moved on only while
    // the camera is off: the stretch's start is the server's clock, and a console clock moved
    // ahead before it would read as a longer stretch (as a laptop whose clock is fast would).
    await page.clock.install();
    const tick = { timeout: 20_000 };
    await expect(row.getByTitle('camera off')).toHaveCount(0);
    await expect(flag).toHaveCount(0);

    // Alex turns his camera off; the console knows at once (the icon), and flags it past a minute.
    await alex.page.getByRole('button', { name: 'Stop camera' }).click();
    await expect(alex.page.getByTestId('self-video')).toHaveCount(0);
    await expect(row.getByTitle('camera off')).toBeVisible();
    await expect(flag).toHaveCount(0);
    await page.clock.fastForward('01:20');
    await expect(flag).toHaveText('Camera off 1 min', tick);
    await page.clock.fastForward('06:00');
    await expect(flag).toHaveText('Camera off 7 min', tick);
    // Never to the participant.
    await expect(alex.page.getByText(/Camera off \d+ min/)).toHaveCount(0);
    await lookAt(page, 'console-camera-off', { sizes: ['phone', 'laptop'] });

    // Back on: the flag goes.
    await alex.page.getByRole('button', { name: 'Start camera' }).click();
    await expect(alex.page.getByTestId('self-video')).toBeVisible();
    await expect(flag).toHaveCount(0);
  } finally {
    await store.cohorts.setCameraOffFlag(clinic.cohortId, null);
  }
});
