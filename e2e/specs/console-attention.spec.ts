import { expect, type Locator, type Page } from '@playwright/test';
import { ProtocolMember } from '../fixtures/protocolMember.js';
import { browserParticipant, chimeNotes, facilitatorIn, inView, newEvening, protocolParticipants, scrollConsoleToBottom, test } from '../fixtures/fullGroup.js';
import type { FacilitatorConsole } from '../pages/ModeratedPages.js';

/** From a moment (a button pressed), how much of one second is left: the whole check must fit in it. */
const withinOneSecondOf = (t0: number) => ({ timeout: Math.max(1, 1_000 - (Date.now() - t0)), intervals: [25] });

/** Notes when the page receives the next click: the moment a person's press lands. */
async function notePress(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.addEventListener('click', () => ((window as unknown as { __pressedAt: number }).__pressedAt = Date.now()), { capture: true, once: true });
  });
}
const pressedAt = (page: Page) => page.evaluate(() => (window as unknown as { __pressedAt: number }).__pressedAt);

/** The alert and the count, at one facilitator's screen, within a second of `t0`. */
async function seenWithinOneSecond(f: FacilitatorConsole, alert: () => Locator, count: number, t0: number) {
  await expect.poll(() => inView(alert()), { ...withinOneSecondOf(t0), message: `the alert is in view at ${f.page.url()}` }).toBe(true);
  await expect.poll(() => f.page.title(), withinOneSecondOf(t0)).toMatch(new RegExp(`^\\(${count}\\) `));
}

test('a help request and an arrival are in view within 1 s wherever the console is scrolled, counted in the title, chimed and announced; acting clears them for both facilitators', async ({ browser, contexts, members, clinic }) => {
  test.setTimeout(180_000);
  const { sessionId, invite } = await newEvening(clinic);
  const lead = await facilitatorIn(browser, contexts, clinic.server.url, sessionId, clinic.lead);
  const co = await facilitatorIn(browser, contexts, clinic.server.url, sessionId, clinic.co);

  // Alex in a browser, nine more without one: enough names that the round's custom order scrolls.
  const alex = await browserParticipant(browser, contexts, clinic.server.url, invite('Alex').url);
  const names = ['Blake', 'Casey', 'Drew', 'Eli', 'Frankie', 'Gray', 'Harper', 'Indy', 'Jules'];
  members.push(...(await protocolParticipants(clinic.server.url, names.map(invite))));
  await lead.admitAll();
  await expect(lead.page.getByTestId('room-member')).toHaveCount(11);
  await expect(alex.waitingRoom()).toHaveCount(0);
  // Nothing is open: the title carries no count.
  for (const f of [lead, co]) await expect.poll(() => f.page.title()).not.toMatch(/^\(\d+\)/);

  // The co-facilitator turns the alert sound off; the lead leaves it on.
  await co.roomSetting('Alert sound', false);
  await co.closeMenu();

  // Both are deep in a long form: a round with a custom order of ten, scrolled to its end.
  for (const f of [lead, co]) {
    await f.tab('Round');
    await f.page.getByLabel('Order').selectOption('custom');
    await f.page.getByLabel('Feedback after each share').check();
    await expect(f.page.getByTestId('order-list').locator('li')).toHaveCount(10);
    expect(await scrollConsoleToBottom(f), 'the console has really scrolled').toBeGreaterThan(0);
  }
  const notesBefore = { lead: await chimeNotes(lead.page), co: await chimeNotes(co.page) };

  // Alex presses "I need help" (the second counts from the moment the page gets the press).
  await notePress(alex.page);
  await alex.page.getByRole('button', { name: 'I need help' }).click();
  const pressed = await pressedAt(alex.page);
  await Promise.all([lead, co].map((f) => seenWithinOneSecond(f, () => f.helpAlert('Alex'), 1, pressed)));
  for (const f of [lead, co]) {
    const card = f.helpAlert('Alex');
    await expect(card).toContainText('Home, Springfield');
    await expect(card.getByRole('link', { name: '+1 555 0100' })).toHaveAttribute('href', 'tel:+15550100');
    await expect(f.page.getByTestId('live-assertive')).toHaveText('Alex asked for help.');
  }
  // A chime at the lead's, none at the co-facilitator's who turned it off.
  await expect.poll(() => chimeNotes(lead.page)).toBeGreaterThan(notesBefore.lead);
  expect(await chimeNotes(co.page)).toBe(notesBefore.co);

  // A newcomer knocks while the help request is still open: on top, newest first.
  const kai = await ProtocolMember.connect(clinic.server.url, invite('Kai').url, 'Kai');
  members.push(kai);
  const knocked = Date.now();
  await kai.enter();
  await Promise.all([lead, co].map((f) => seenWithinOneSecond(f, () => f.waiting('Kai'), 2, knocked)));
  for (const f of [lead, co]) {
    await expect(f.alerts().getByRole('article')).toHaveCount(2);
    await expect(f.alerts().getByRole('article').first()).toHaveAttribute('data-name', 'Kai');
    await expect(f.page.getByTestId('live-assertive')).toHaveText('Kai is waiting to be admitted.');
  }

  // The request is session state: the co-facilitator reloads and finds it, and the sound still off.
  await co.page.reload();
  await co.enter();
  await expect(co.helpAlert('Alex')).toBeVisible();
  await expect(co.waiting('Kai')).toBeVisible();
  await expect.poll(() => co.page.title()).toMatch(/^\(2\) /);
  const sound = await co.roomSetting('Alert sound', false);
  await expect(sound).not.toBeChecked();
  await co.closeMenu();
  expect(await chimeNotes(co.page)).toBe(0);

  // The co-facilitator acknowledges Alex; the lead admits Kai. Both screens clear.
  await co.helpAlert('Alex').getByRole('button', { name: /^Acknowledge/ }).click();
  for (const f of [lead, co]) {
    await expect(f.helpAlert('Alex')).toHaveCount(0);
    await expect.poll(() => f.page.title()).toMatch(/^\(1\) /);
  }
  await lead.admit('Kai');
  for (const f of [lead, co]) {
    await expect(f.alerts()).toHaveAttribute('data-count', '0');
    await f.tab('People');
    await expect(f.member('Kai')).toHaveCount(1);
    await expect.poll(() => f.page.title()).not.toMatch(/^\(\d+\)/);
  }
});

test('a pair asking for a facilitator stays an alert until one acknowledges it or listens in', async ({ browser, contexts, members, clinic }) => {
  const { sessionId, invite } = await newEvening(clinic);
  const lead = await facilitatorIn(browser, contexts, clinic.server.url, sessionId, clinic.lead);
  const pairs = await protocolParticipants(clinic.server.url, ['Alex', 'Blake', 'Casey', 'Drew'].map(invite));
  members.push(...pairs);
  await lead.admitAll();
  await expect(lead.page.getByTestId('room-member')).toHaveCount(4);
  await lead.tab('Pairs');
  await lead.page.getByRole('button', { name: 'Propose pairs' }).click();
  await lead.page.getByRole('button', { name: 'Start breakouts' }).click();
  await expect(lead.page.getByTestId('breakout-group')).toHaveCount(2);

  await pairs[0]!.command({ type: 'askPairHelp' });
  const alert = lead.page.getByTestId('pair-help-alert');
  await expect(alert).toContainText('Alex');
  await expect(alert).toContainText('asked for a facilitator');
  await expect(lead.page.getByTestId('live-assertive')).toContainText('asked for a facilitator');
  await expect.poll(() => lead.page.title()).toMatch(/^\(1\) /);
  await alert.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(alert).toHaveCount(0);

  // Asked again, it is answered by going to listen.
  await pairs[0]!.command({ type: 'askPairHelp' });
  await expect(alert).toHaveCount(1);
  await alert.getByRole('button', { name: 'Listen in' }).click();
  await expect(alert).toHaveCount(0);
  await expect(lead.page.getByTestId('breakout-group').filter({ hasText: 'Alex' })).toContainText('you are listening');
  await expect.poll(() => lead.page.title()).not.toMatch(/^\(\d+\)/);
});
