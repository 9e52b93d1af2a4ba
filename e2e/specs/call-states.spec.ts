import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { lookAt, PHONE, LAPTOP, painted } from '../fixtures/look.js';
import {
  browserContext,
  coFacilitatorPage,
  controlBar,
  expectCallFits,
  expectCallSettled,
  facilitatorDriver,
  newGroupSession,
  participantAtDoor,
  startGroupServer,
  type Driver,
  type Group,
  type Member,
} from '../fixtures/group.js';
import { FacilitatorConsole } from '../pages/ModeratedPages.js';

/*
 * The call as participants and facilitators see it, state by state through an evening: the
 * plain group, a round (speaker and listener), a pulse check, pairs with a facilitator
 * listening, a pull-aside, someone reconnecting, and leaving. In each state the control bar
 * stays at most 64 px tall at phone and laptop size, and each screen is looked at.
 */

let group: Group;
let f: Driver;
let dana: Page;
let people: Member[];
const opened: BrowserContext[] = [];
const person = (name: string) => people.find((p) => p.name === name)!;

// One evening, state after state: each test starts where the previous one left the group.
// Generous: axe and two screen sizes per state on a busy two-core machine.
test.describe.configure({ mode: 'serial', timeout: 420_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  group = await startGroupServer();
  const { sessionId, invites } = await newGroupSession(group);
  f = await facilitatorDriver(group, sessionId);
  dana = await coFacilitatorPage(group, await browserContext(browser, opened), sessionId);
  people = [];
  // Alex and Blake are looked at; Casey and Drew get small windows and cameras, which spares the CPU.
  for (const [i, invite] of invites.slice(0, 4).entries()) {
    const looked = i < 2;
    people.push(await participantAtDoor(group, await browserContext(browser, opened, looked ? LAPTOP : { width: 480, height: 360 }), invite, looked ? undefined : '160x120@10'));
  }
  await f.command({ type: 'admitAll' });
  // Five browsers set up their media at once on two cores: give them time.
  for (const p of people) await expect(p.flow.call.remoteTiles).toHaveCount(4, { timeout: 60_000 });
});
test.afterAll(async () => {
  f?.close();
  await Promise.all(opened.map((c) => c.close()));
  await group?.server.close();
});

/** Checks the bar and the stage at both sizes, then puts the laptop size back (lookAt does it for the states it photographs). */
async function fitsAtBothSizes(page: Page, state: string) {
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await painted(page);
    await expectCallFits(page, state);
  }
}

test('the plain group view: a heading, everyone on the stage, the bar in its place', async () => {
  const alex = person('Alex');
  // Everyone sees the four others in the call (the lead facilitator drives from the console, without a camera).
  await expect.poll(async () => (await alex.flow.call.remoteVideoWidths()).filter((w) => w > 0).length, { timeout: 30_000 }).toBe(4);
  await expect(alex.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(alex.flow.call.remoteTiles.filter({ hasText: 'Dana' })).toContainText('Facilitator');
  await lookAt(alex.page, 'call-participant', { ready: (page) => expectCallSettled(page, 'plain view') });

  // A facilitator's call: the console beside the stage on a laptop; on a phone it opens from the
  // header over the stage. (The console's own content is checked by its own specs.)
  const console = dana.getByRole('complementary', { name: 'Facilitator console' });
  await expect(console).toBeVisible();
  await lookAt(dana, 'call-facilitator', { exclude: ['.room-side-content'], ready: (page) => expectCallSettled(page, 'facilitator') });
  await dana.setViewportSize(PHONE);
  await expect(console).toBeHidden();
  await dana.getByRole('button', { name: 'Console' }).click();
  await expect(console).toBeVisible();
  await expectCallFits(dana, 'facilitator with the console open');
  await lookAt(dana, 'call-facilitator-console', { sizes: ['phone'], exclude: ['.room-side-content'] });
  await dana.getByRole('button', { name: 'Close console' }).click();
  await expect(console).toBeHidden();
  await expect(dana.getByRole('button', { name: 'Console' })).toBeFocused();
  await dana.setViewportSize(LAPTOP);
});

test('"I need help" shows the facilitators a badge on the tile, and nobody else', async () => {
  const [alex, blake] = [person('Alex'), person('Blake')];
  await blake.page.getByRole('button', { name: 'I need help' }).click();
  await expect(blake.page.getByText('Your facilitators have been told')).toBeVisible();
  await expect(dana.getByTestId('remote-tile').filter({ hasText: 'Blake' })).toContainText('Needs help');
  await expect(alex.flow.call.remoteTiles.filter({ hasText: 'Blake' })).not.toContainText('Needs help');
  await f.command({ type: 'acknowledgeHelp', memberId: blake.id });
  await expect(dana.getByTestId('remote-tile').filter({ hasText: 'Blake' })).not.toContainText('Needs help');
  // Blake puts the confirmation away once read.
  await blake.page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(blake.page.getByText('Your facilitators have been told')).toHaveCount(0);
});

test('a speaker-only round: the speaker is emphasised, listeners are told their microphone is held, focus goes to Pass', async () => {
  const [alex, blake] = [person('Alex'), person('Blake')];
  await f.command({ type: 'startRound', prompt: 'Check-in: one word for your week', order: 'custom', customOrder: people.map((p) => p.id), turnSeconds: 600, feedbackSeconds: null, speakerOnly: true });
  const pass = alex.page.getByRole('button', { name: 'Pass' });
  // Her turn: focus is on Pass already, the notice is lit, the others are told.
  await expect(pass).toBeFocused();
  await expect(alex.page.getByTestId('round-banner')).toHaveClass(/mine/);
  await expect(alex.page.getByTestId('live-assertive')).toContainText('Your turn to share');
  await expect(blake.page.getByTestId('live-polite')).toContainText('Alex is sharing');
  // Listeners: the speaker's tile is the emphasised one, and their microphone says it is held.
  const speakerAtBlake = blake.page.locator('.tile.speaking');
  await expect(speakerAtBlake).toHaveCount(1);
  await expect(speakerAtBlake).toHaveAttribute('data-peer-id', alex.id);
  await expect(speakerAtBlake).toContainText('Speaking');
  await expect(blake.page.getByRole('button', { name: 'Muted for this turn' })).toBeDisabled();
  await expect(blake.page.getByRole('button', { name: /^(Mute|Unmute)$/ })).toHaveCount(0);
  await expect(blake.page.getByTestId('round-banner')).toContainText('You are muted for this turn');
  await lookAt(alex.page, 'round-speaker', { ready: (page) => expectCallSettled(page, 'round as speaker') });
  await lookAt(blake.page, 'round-listener', { ready: (page) => expectCallSettled(page, 'round as listener') });
  // Passing hands the turn on: Blake's own microphone is live again, Alex's is held.
  await pass.focus();
  await alex.page.keyboard.press('Enter');
  await expect(blake.page.getByRole('button', { name: 'Pass' })).toBeFocused();
  await expect(blake.page.getByRole('button', { name: 'Mute' })).toBeEnabled();
  await expect(alex.page.getByRole('button', { name: 'Muted for this turn' })).toBeVisible();
  await f.command({ type: 'endRound' });
  await expect(alex.page.getByTestId('round-banner')).toHaveCount(0);
  await expect(alex.page.getByRole('button', { name: 'Mute' })).toBeEnabled();
});

test('a pulse check: the chosen answer looks chosen, not greyed out', async () => {
  const alex = person('Alex');
  await f.command({ type: 'startPulse', question: 'How are you feeling right now?' });
  const scale = alex.page.getByTestId('pulse');
  await scale.getByRole('button', { name: '7', exact: true }).click();
  await expect(scale.getByRole('button', { name: '7', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const look = (name: string) =>
    scale.getByRole('button', { name, exact: true }).evaluate((b) => {
      const s = getComputedStyle(b);
      return { background: s.backgroundColor, opacity: s.opacity };
    });
  const [chosen, other] = [await look('7'), await look('6')];
  expect(chosen.background).not.toBe(other.background);
  expect(chosen.opacity).toBe('1');
  await expect(scale.getByTestId('pulse-aggregate')).toContainText('1 answered, average 7');
  await lookAt(alex.page, 'pulse', { ready: (page) => expectCallSettled(page, 'pulse') });
  await f.command({ type: 'closePulse' });
  await expect(scale).toHaveCount(0);
});

test('pairs: each sees their partner, the pair a facilitator listens to sees a badge, the move is announced', async () => {
  const [alex, blake, casey, drew] = people as [Member, Member, Member, Member];
  await f.command({ type: 'startBreakout', prompt: 'Share one hope for this week', durationSeconds: 600, groups: [[alex.id, blake.id], [casey.id, drew.id]] });
  await expect(alex.flow.call.remoteTiles).toHaveCount(1);
  await expect(alex.page.getByTestId('live-polite')).toContainText('You are in a pair with Blake');
  const view = f.view() as unknown as { breakout: { groups: { id: string; memberIds: string[] }[] } };
  const groupId = view.breakout.groups.find((g) => g.memberIds.includes(alex.id))!.id;
  await f.command({ type: 'listenIn', groupId });
  const badge = alex.page.getByTestId('listening-badge');
  await expect(badge).toBeVisible();
  await expect(badge).toHaveClass(/badge/);
  await expect(casey.page.getByTestId('listening-badge')).toHaveCount(0);
  await lookAt(alex.page, 'pairs-listening', { ready: (page) => expectCallSettled(page, 'breakouts') });
  await f.command({ type: 'endBreakout' });
  for (const p of people) await expect(p.flow.call.remoteTiles).toHaveCount(4, { timeout: 30_000 });
  await expect(alex.page.getByTestId('live-polite')).toContainText('back in the group');
});

test('a pull-aside: the one aside is told why; those left get a neutral notice without a name', async () => {
  const [alex, blake] = [person('Alex'), person('Blake')];
  // Dana takes Alex aside from her console, so Alex has a face to talk to.
  await new FacilitatorConsole(dana).memberAction('Alex', 'Take aside');
  await expect(alex.page.getByTestId('side-room')).toBeVisible();
  await expect(alex.flow.call.remoteTiles).toHaveCount(1);
  await expect(alex.flow.call.remoteTiles.first()).toContainText('Dana');
  await expect(dana.getByTestId('side-room-facilitator')).toContainText('Alex');
  const notice = blake.page.getByTestId('aside-notice');
  await expect(notice).toHaveText('A facilitator has stepped out with one member for a moment. The group carries on.');
  await expect(blake.flow.call.remoteTiles.filter({ hasText: 'Alex' })).toHaveCount(0);
  await lookAt(alex.page, 'aside-member', { ready: (page) => expectCallSettled(page, 'pull-aside') });
  await lookAt(blake.page, 'aside-group', { ready: (page) => expectCallSettled(page, 'pull-aside') });
  await dana.getByTestId('side-room-card').getByRole('button', { name: 'Return Alex to the group' }).click();
  await expect(notice).toHaveCount(0);
  await expect(blake.flow.call.remoteTiles).toHaveCount(4, { timeout: 20_000 });
});

test("someone's connection drops: the others see them reconnecting, the bar does not move", async () => {
  const [blake, drew] = [person('Blake'), person('Drew')];
  await drew.context.setOffline(true);
  await expect(blake.page.getByTestId('absent-tile')).toContainText('Drew · reconnecting', { timeout: 30_000 });
  await fitsAtBothSizes(blake.page, 'a member reconnecting');
  await drew.context.setOffline(false);
  await expect(blake.page.getByTestId('absent-tile')).toHaveCount(0, { timeout: 30_000 });
});

test('leaving asks first; a facilitator is told leaving does not end the session', async () => {
  const alex = person('Alex');
  await controlBar(alex.page).getByRole('button', { name: 'Leave' }).click();
  const dialog = alex.page.getByRole('alertdialog', { name: 'Leave the group?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stay' })).toBeFocused();
  await lookAt(alex.page, 'leave-dialog', { ready: async () => expect(dialog).toBeVisible() });
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(alex.flow.call.remoteTiles).toHaveCount(4);
  await controlBar(dana).getByRole('button', { name: 'Leave' }).click();
  await expect(dana.getByRole('alertdialog', { name: 'Leave the session?' })).toContainText('does not end the session');
  await dana.keyboard.press('Escape');
  await expect(dana.getByRole('alertdialog')).toHaveCount(0);
});
