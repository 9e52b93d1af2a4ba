import { test as base, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { TEST_VIDEO } from '../fixtures/hearth.js';
import { browserContext, facilitatorDriver, newGroupSession, participantAtDoor, startGroupServer, type Group } from '../fixtures/group.js';

/*
 * A participant who uses no mouse at all: after the page opens, every step is a key press
 * (Tab to move, Enter or Space to act, typing into fields) — pre-join, consent, muting,
 * raising a hand, and passing a turn when it comes.
 */

let group: Group;
const test = base.extend<{ contexts: BrowserContext[] }>({
  contexts: async ({}, use) => {
    const opened: BrowserContext[] = [];
    await use(opened);
    await Promise.all(opened.map((c) => c.close()));
  },
});

test.beforeAll(async () => {
  group = await startGroupServer();
});
test.afterAll(async () => {
  await group?.server.close();
});

/** Presses Tab until `target` has the focus, as a keyboard user does; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} not reached with ${max} presses of Tab`);
}

test('a keyboard-only participant joins, mutes, raises a hand and passes a turn', async ({ browser, contexts }) => {
  test.setTimeout(180_000);
  const { sessionId, invites } = await newGroupSession(group);
  const f = await facilitatorDriver(group, sessionId);
  const page = await (await browserContext(browser, contexts)).newPage();
  await page.goto(`${group.server.url}${invites[0]!.url}?video=${TEST_VIDEO}`);
  const kb = page.keyboard;

  // Pre-join: straight to Join.
  await expect(page.getByTestId('fixed-name')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Join', exact: true }));
  await kb.press('Enter');

  // Consent: tick the agreement with Space, type the answers, choose at home, continue with Enter.
  await tabTo(page, page.getByLabel('I agree to keep the group confidential'));
  await kb.press('Space');
  await expect(page.getByLabel('I agree to keep the group confidential')).toBeChecked();
  await tabTo(page, page.getByLabel('Where are you right now?'));
  await kb.type('Home, Springfield');
  // "Are you at home?": Tab into the radio group, Space picks the focused answer.
  await tabTo(page, page.getByLabel('Yes, I am at home'));
  await kb.press('Space');
  await expect(page.getByLabel('Yes, I am at home')).toBeChecked();
  await tabTo(page, page.getByLabel('A phone number we can call you back on'));
  await kb.type('+1 555 0100');
  await tabTo(page, page.getByRole('button', { name: 'Continue to the waiting room' }));
  await kb.press('Enter');
  await expect(page.getByTestId('waiting-room')).toBeVisible();

  // A second member (with a mouse) so a turn has somewhere to go; both admitted.
  const blake = await participantAtDoor(group, await browserContext(browser, contexts), invites[1]!);
  const alexId = invites[0]!.memberId;
  await f.command({ type: 'admitAll' });
  await expect(page.getByRole('navigation', { name: 'Call controls' })).toBeVisible({ timeout: 45_000 });
  // A screen reader hears the admission: the page changed under the person's feet.
  await expect(page.getByTestId('live-polite')).toContainText('You are in the group now.');

  // Mute: Tab to it, Enter; the same button now offers to unmute, and others see Alex muted.
  await tabTo(page, page.getByRole('button', { name: 'Mute', exact: true }));
  await kb.press('Enter');
  await expect(page.getByRole('button', { name: 'Unmute', exact: true })).toBeFocused();
  await expect(blake.flow.call.remoteTiles.filter({ hasText: 'Alex' })).toContainText('muted');

  // Raise a hand: Blake sees it on Alex's tile.
  await tabTo(page, page.getByRole('button', { name: 'Raise hand' }));
  await kb.press('Enter');
  await expect(page.getByRole('button', { name: 'Lower hand' })).toBeFocused();
  await expect(blake.flow.call.remoteTiles.filter({ hasText: 'Alex' })).toContainText('Hand 1');

  // A round starts with Alex: focus is already on Pass, so one key passes the turn.
  await f.command({ type: 'startRound', prompt: 'One word for tonight', order: 'custom', customOrder: [alexId, invites[1]!.memberId], turnSeconds: 600, feedbackSeconds: null, speakerOnly: true });
  await expect(page.getByRole('button', { name: 'Pass' })).toBeFocused();
  await kb.press('Enter');
  await expect(blake.page.getByTestId('round-banner')).toContainText('Your turn to share');
  await expect(page.getByTestId('round-banner')).toContainText('Blake is sharing');

  // Leave is reachable too, and asks first; Escape keeps Alex in the group.
  await tabTo(page, page.getByRole('button', { name: 'Leave', exact: true }));
  await kb.press('Enter');
  await expect(page.getByRole('alertdialog', { name: 'Leave the group?' })).toBeVisible();
  await kb.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Leave', exact: true })).toBeFocused();
  f.close();
});
