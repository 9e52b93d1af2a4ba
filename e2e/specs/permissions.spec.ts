import { chromium } from '@playwright/test';
import { test, expect } from '../fixtures/hearth.js';

test('a participant who blocks the camera and microphone is told how to fix it, and can still join to listen', async ({ hearth, browserName }, testInfo) => {
  void browserName;
  // A browser without the fake-media auto-accept flag: the permission prompt is refused.
  const launch = testInfo.project.use.launchOptions ?? {};
  const browser = await chromium.launch({
    ...launch,
    args: (launch.args ?? []).filter((a) => a !== '--use-fake-ui-for-media-stream'),
  });
  try {
    const context = await browser.newContext({ permissions: [] });
    const page = await context.newPage();
    await page.goto(`${hearth.url}/r/denied-room`);
    const alert = page.getByTestId('media-error');
    await expect(alert).toBeVisible();
    await expect(alert).toHaveAttribute('data-problem', 'denied');
    await expect(alert).toContainText('blocked the camera and microphone');

    await page.getByLabel('Your first name or a chosen name').fill('Dee');
    await page.getByRole('button', { name: 'Join without camera and microphone' }).click();
    await expect(page.getByTestId('self-tile')).toContainText('Dee (you)');
    await expect(page.getByRole('button', { name: 'Unmute' })).toBeDisabled();
  } finally {
    await browser.close();
  }
});
