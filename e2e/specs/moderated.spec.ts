import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';
import type { RunningServer } from '../../server/dist/startServer.js';
import { startE2eServer } from '../fixtures/server.js';
import { seedDemo, type DemoSeed } from '../../server/dist/clinic/demo.js';
import { newId } from '../../server/dist/lib/ids.js';
import { recordPeerConnections, TEST_VIDEO } from '../fixtures/hearth.js';
import { FacilitatorConsole, ParticipantFlow } from '../pages/ModeratedPages.js';

// This scenario needs a clinic of its own (a facilitator account), so it runs its own server.
let server: RunningServer;
let seed: DemoSeed;
const test = base.extend<{ contexts: BrowserContext[] }>({
  contexts: async ({}, use) => {
    const opened: BrowserContext[] = [];
    await use(opened);
    await Promise.all(opened.map((c) => c.close()));
  },
});

test.beforeAll(async () => {
  server = await startE2eServer();
  seed = await seedDemo(server.clinic);
});
test.afterAll(async () => {
  await server?.close();
});

/** A new group session of the demo cohort, with an invite for each of its four members. */
async function newSession() {
  const clinic = server.clinic;
  const session = { id: newId(), cohortId: seed.cohortId, title: 'e2e', createdBy: 'e2e', createdAt: clinic.clock(), status: 'scheduled' as const };
  await clinic.store.sessions.insert(session);
  const invites = await clinic.invites.issueForSession(session.id);
  return { sessionId: session.id, invites };
}

async function context(browser: Browser, opened: BrowserContext[]): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 }, permissions: ['camera', 'microphone'] });
  await ctx.addInitScript(recordPeerConnections);
  opened.push(ctx);
  return ctx;
}

async function facilitator(browser: Browser, opened: BrowserContext[], sessionId: string) {
  const ctx = await context(browser, opened);
  const login = await ctx.request.post(`${server.url}/api/auth/login`, { data: seed.facilitator });
  expect(login.ok()).toBe(true);
  const page = await ctx.newPage();
  await page.goto(`${server.url}/facilitate/${sessionId}?video=${TEST_VIDEO}`);
  const console = new FacilitatorConsole(page);
  await console.enter();
  return console;
}

async function participant(browser: Browser, opened: BrowserContext[], inviteUrl: string) {
  const ctx = await context(browser, opened);
  const page = await ctx.newPage();
  await page.goto(`${server.url}${inviteUrl}?video=${TEST_VIDEO}`);
  return { flow: new ParticipantFlow(page), context: ctx };
}

/**
 * A facilitator and the first `count` invited members, each through consent, admitted all
 * at once, and each seeing everyone else in the grid.
 */
async function admittedGroup(browser: Browser, opened: BrowserContext[], count: number) {
  const { sessionId, invites } = await newSession();
  const f = await facilitator(browser, opened, sessionId);
  const people = [];
  for (const invite of invites.slice(0, count)) {
    const p = await participant(browser, opened, invite.url);
    await p.flow.throughConsent();
    people.push({ ...p, id: invite.memberId, name: invite.pseudonym });
  }
  await f.admitAll();
  for (const p of people) await expect(p.flow.call.remoteTiles).toHaveCount(count);
  return { f, people };
}

test('invite link → pre-join → consent → waiting room → admitted; a locked mute holds on the media path', async ({ browser, contexts }) => {
  const { sessionId, invites } = await newSession();
  const [alexInvite, blakeInvite, caseyInvite] = invites;
  const f = await facilitator(browser, contexts, sessionId);
  const alex = await participant(browser, contexts, alexInvite!.url);
  const blake = await participant(browser, contexts, blakeInvite!.url);
  const casey = await participant(browser, contexts, caseyInvite!.url);

  for (const p of [alex, blake, casey]) {
    await p.flow.throughConsent();
    await expect(p.flow.waitingRoom()).toBeVisible();
    // The waiting room receives no media and no roster.
    await expect(p.flow.page.getByTestId('remote-tile')).toHaveCount(0);
  }
  // Nor anybody's name: Alex, waiting, cannot see that Blake and Casey are there too.
  await expect(alex.flow.page.getByText(/Blake|Casey/)).toHaveCount(0);
  await expect(f.waiting('Alex')).toContainText('Home, Springfield');

  for (const name of ['Alex', 'Blake', 'Casey']) await f.admit(name);
  for (const p of [alex, blake, casey]) {
    await expect(p.flow.call.remoteTiles).toHaveCount(3);
    await expect.poll(async () => (await p.flow.call.remoteVideoWidths()).filter((w) => w > 0).length).toBe(3);
  }

  // Blake hears Alex; then the facilitator locks unmuting and mutes Alex.
  const alexId = alexInvite!.memberId;
  await expect.poll(() => blake.flow.audioBytesFrom(alexId)).toBeGreaterThan(0);
  // The setting shows the server's state, so it is ticked once the session says so, and the
  // header keeps saying so after the menu closes.
  const lock = await f.roomSetting('Lock unmuting', true);
  await expect(lock).toBeChecked();
  await f.closeMenu();
  await expect(f.page.getByTestId('console-header')).toContainText('Unmuting locked');
  await f.memberAction('Alex', 'Mute');
  await expect(f.member('Alex')).toContainText('muted by a facilitator');
  await expect(alex.flow.page.getByTestId('muted-by-facilitator')).toBeVisible();
  await expect
    .poll(async () => {
      const first = await blake.flow.audioBytesFrom(alexId);
      await blake.flow.page.waitForTimeout(1_000);
      return (await blake.flow.audioBytesFrom(alexId)) - first;
    }, { message: "Alex's audio stops arriving at Blake" })
    .toBe(0);

  // Alex's own attempt to unmute is refused while the lock holds, and no audio leaks.
  await alex.flow.page.getByRole('button', { name: 'Unmute' }).click();
  await expect(alex.flow.page.getByRole('alert')).toContainText('paused unmuting');
  const held = await blake.flow.audioBytesFrom(alexId);
  await blake.flow.page.waitForTimeout(1_500);
  expect(await blake.flow.audioBytesFrom(alexId)).toBe(held);

  // Released, Alex may unmute and is heard again.
  await f.memberAction('Alex', 'Allow to unmute');
  await alex.flow.page.getByRole('button', { name: 'Unmute' }).click();
  await expect.poll(() => blake.flow.audioBytesFrom(alexId)).toBeGreaterThan(held);
});

test('send back to the waiting room, and removal that the link cannot undo', async ({ browser, contexts }) => {
  const { f, people } = await admittedGroup(browser, contexts, 2);
  const [alex, blake] = people as [(typeof people)[number], (typeof people)[number]];

  await f.memberAction('Blake', 'Send to the waiting room');
  await expect(blake.flow.waitingRoom()).toBeVisible();
  await expect(alex.flow.call.remoteTiles).toHaveCount(1);
  await expect(f.waiting('Blake')).toBeVisible();
  await f.admit('Blake');
  await expect(blake.flow.call.remoteTiles).toHaveCount(2);

  await f.removeMember('Blake', 'asked to step out for today');
  await expect(blake.flow.page.getByTestId('closed-notice')).toHaveAttribute('data-reason', 'removed');
  await expect(alex.flow.call.remoteTiles).toHaveCount(1);

  // The token left the address bar once the page had read it (history, a shared screen);
  // the tab keeps it, so a reload is the same link, opened again: it cannot get back in.
  expect(new URL(blake.flow.page.url()).pathname).toBe('/join');
  await blake.flow.page.reload();
  await blake.flow.throughConsent();
  await expect(blake.flow.page.getByRole('alert')).toContainText('removed');
});

test('a participant whose network drops for 5 s comes back in place, without reloading or re-admission', async ({ browser, contexts }) => {
  const { sessionId, invites } = await newSession();
  const f = await facilitator(browser, contexts, sessionId);
  const alex = await participant(browser, contexts, invites[0]!.url);
  await alex.flow.throughConsent();
  await f.admit('Alex');
  await expect(alex.flow.call.remoteTiles).toHaveCount(1);
  await alex.flow.page.getByRole('button', { name: 'Raise hand' }).click();
  await expect(f.member('Alex')).toBeVisible();

  await alex.context.setOffline(true);
  await expect(f.member('Alex')).toContainText('reconnecting', { timeout: 30_000 });
  // Others see that Alex is reconnecting, not that Alex left.
  await expect(f.page.getByTestId('absent-tile')).toContainText('Alex · reconnecting');
  await alex.flow.page.waitForTimeout(5_000);
  await alex.context.setOffline(false);

  // Back in the room (no waiting room), hand still first in the queue, video flowing again.
  await expect(f.member('Alex')).not.toContainText('reconnecting', { timeout: 30_000 });
  await expect(alex.flow.page.getByRole('button', { name: 'Lower hand' })).toBeVisible();
  await expect(alex.flow.waitingRoom()).toHaveCount(0);
  await expect.poll(async () => (await f.call.remoteVideoWidths()).filter((w) => w > 0).length, { timeout: 20_000 }).toBe(1);
});

test('a check-in round: only the speaker is heard, turns move on, an unmute out of turn is refused, a dropped speaker goes on', async ({ browser, contexts }) => {
  const { f, people } = await admittedGroup(browser, contexts, 4);
  const [alex, blake, casey, drew] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number], (typeof people)[number]];
  for (const p of [alex, blake, casey]) await expect.poll(() => drew.flow.audioBytesFrom(p.id)).toBeGreaterThan(0);

  // Casey mutes herself before the round.
  await casey.flow.page.getByRole('button', { name: 'Mute' }).click();

  await f.tab('Round');
  await f.page.getByLabel('Round prompt').fill('Check-in: one word for your week');
  await f.page.getByRole('button', { name: 'Start round' }).click();
  await expect(alex.flow.page.getByTestId('round-banner')).toContainText('Your turn to share');
  await expect(drew.flow.page.getByTestId('round-banner')).toContainText('Alex is sharing');
  await expect(drew.flow.page.getByTestId('round-banner')).toContainText('Next: Blake');

  /** At Drew's: whose audio is arriving, sampled over a second. */
  const heardAtDrew = async () => {
    const before = await Promise.all([alex, blake, casey].map((p) => drew.flow.audioBytesFrom(p.id)));
    await drew.flow.page.waitForTimeout(1_000);
    const after = await Promise.all([alex, blake, casey].map((p) => drew.flow.audioBytesFrom(p.id)));
    return ['Alex', 'Blake', 'Casey'].filter((_, i) => after[i]! > before[i]!);
  };
  await expect.poll(heardAtDrew, { message: 'only Alex is heard on her turn' }).toEqual(['Alex']);

  // During Alex's turn Casey's microphone is held, and says so: no live-looking Unmute to press
  // (the server refuses one anyway: [RND7] in the integration tests).
  await expect(casey.flow.page.getByRole('button', { name: 'Muted for this turn' })).toBeDisabled();
  await expect(casey.flow.page.getByRole('button', { name: 'Unmute' })).toHaveCount(0);
  await expect(casey.flow.page.getByTestId('round-banner')).toContainText('You are muted for this turn');

  await alex.flow.page.getByRole('button', { name: 'Pass' }).click();
  await expect(blake.flow.page.getByTestId('round-banner')).toContainText('Your turn to share');
  await expect.poll(heardAtDrew, { message: 'only Blake is heard on his turn' }).toEqual(['Blake']);

  // Blake's connection drops for 5 s mid-turn: the turn waits for him and he goes on.
  await blake.context.setOffline(true);
  await expect(drew.flow.page.getByTestId('round-banner')).toContainText('reconnecting', { timeout: 30_000 });
  await blake.flow.page.waitForTimeout(5_000);
  await blake.context.setOffline(false);
  // Back within the grace period: still his turn (the server's view, at Drew's), and his Pass works.
  await expect(drew.flow.page.getByTestId('round-banner')).not.toContainText('reconnecting', { timeout: 15_000 });
  await expect(drew.flow.page.getByTestId('round-banner')).toContainText('Blake is sharing');
  await expect.poll(heardAtDrew, { message: 'Blake is heard again after coming back' }).toEqual(['Blake']);
  await blake.flow.page.getByRole('button', { name: 'Pass' }).click();
  await expect(drew.flow.page.getByTestId('round-banner')).toContainText('Casey is sharing');

  await f.page.getByRole('button', { name: 'End round' }).click();
  await expect(drew.flow.page.getByTestId('round-banner')).toHaveCount(0);
  await expect.poll(heardAtDrew, { message: 'everyone not muted is heard again' }).toEqual(['Alex', 'Blake']);

  // A feedback round: after Alex shares, Blake gives her feedback, and only he is heard.
  await f.page.getByLabel('Feedback after each share').check();
  await f.page.getByRole('button', { name: 'Start round' }).click();
  await alex.flow.page.getByRole('button', { name: 'Pass' }).click();
  await expect(drew.flow.page.getByTestId('round-banner')).toContainText('Blake gives feedback to Alex');
  await expect.poll(heardAtDrew, { message: 'only the giver is heard during feedback' }).toEqual(['Blake']);
  await f.page.getByRole('button', { name: 'End round' }).click();
});

test('a feedback round and a pulse check whose answers only the facilitator sees', async ({ browser, contexts }) => {
  const { f, people } = await admittedGroup(browser, contexts, 2);
  const [alex, blake] = people as [(typeof people)[number], (typeof people)[number]];

  await f.tab('Round');
  await f.page.getByLabel('Feedback after each share').check();
  await f.page.getByRole('button', { name: 'Start round' }).click();
  await alex.flow.page.getByRole('button', { name: 'Pass' }).click();
  await expect(blake.flow.page.getByTestId('round-banner')).toContainText('You give feedback to Alex');
  await expect(alex.flow.page.getByTestId('round-banner')).toContainText('Blake gives feedback to you');
  await f.page.getByRole('button', { name: 'End round' }).click();

  await f.tab('Pulse');
  await f.page.getByRole('button', { name: 'Mood right now' }).click();
  await alex.flow.page.getByTestId('pulse').getByRole('button', { name: '7', exact: true }).click();
  await blake.flow.page.getByTestId('pulse').getByRole('button', { name: '3', exact: true }).click();
  await expect(f.page.getByTestId('pulse-answers')).toContainText('Alex: 7');
  await expect(f.page.getByTestId('pulse-answers')).toContainText('Blake: 3');
  await expect(alex.flow.page.getByTestId('pulse-aggregate')).toContainText('2 answered, average 5');
  await expect(alex.flow.page.getByText('Blake: 3')).toHaveCount(0);

  // A custom order, dragged into place: Blake first.
  await f.tab('Round');
  await f.page.getByLabel('Order').selectOption('custom');
  const order = f.page.getByTestId('order-list');
  await order.getByText('Blake').dragTo(order.getByText('Alex'));
  await expect(order.locator('li').first()).toContainText('Blake');
  await f.page.getByRole('button', { name: 'Start round' }).click();
  await expect(blake.flow.page.getByTestId('round-banner')).toContainText('Your turn to share');
  await expect(alex.flow.page.getByTestId('round-banner')).toContainText('Blake is sharing');
});

/** Whom `listener` hears over one second, by name, out of `candidates` (read from inbound audio bytes). */
async function heardBy(listener: ParticipantFlow, candidates: { id: string; name: string }[]): Promise<string[]> {
  const before = await Promise.all(candidates.map((p) => listener.audioBytesFrom(p.id)));
  await listener.page.waitForTimeout(1_000);
  const after = await Promise.all(candidates.map((p) => listener.audioBytesFrom(p.id)));
  return candidates.filter((_, i) => after[i]! > before[i]!).map((p) => p.name);
}

/** How many inbound video streams grew over one second: the cameras actually arriving. */
async function videoStreamsFlowing(listener: ParticipantFlow): Promise<number> {
  const bytes = async () => new Map((await listener.call.inbound()).filter((s) => s.kind === 'video').map((s) => [s.trackIdentifier, s.bytesReceived]));
  const before = await bytes();
  await listener.page.waitForTimeout(1_000);
  const after = await bytes();
  return [...after].filter(([track, n]) => n > (before.get(track) ?? 0)).length;
}

test('breakout pairs: each member sees and hears only their partner; listen-in and a message to all pairs show; a dropped member returns to their pair', async ({ browser, contexts }) => {
  test.setTimeout(150_000);
  const { f, people } = await admittedGroup(browser, contexts, 4);

  await f.tab('Pairs');
  await f.page.getByRole('button', { name: 'Propose pairs' }).click();
  const proposed = f.page.getByTestId('proposed-pairs');
  await expect(proposed.locator('li')).toHaveCount(2);
  // Read the proposal as the facilitator sees it: two pairs of names.
  const pairs = await proposed.locator('li').evaluateAll((items) => items.map((li) => [...li.querySelectorAll('button')].map((b) => b.textContent ?? '')));
  await f.page.getByRole('button', { name: 'Start breakouts' }).click();

  const byName = new Map(people.map((p) => [p.name, p]));
  for (const [x, y] of pairs as [string, string][]) {
    const a = byName.get(x)!;
    const b = byName.get(y)!;
    // Only the partner's tile is on screen, and only the partner is heard.
    await expect(a.flow.call.remoteTiles).toHaveCount(1);
    await expect(a.flow.call.remoteTiles.first()).toContainText(y);
    const others = people.filter((p) => p !== a && p !== b);
    await expect.poll(() => heardBy(a.flow, [b, ...others]), { message: `${x} hears only ${y}` }).toEqual([y]);
    // And only one camera's packets still arrive: the SFU stopped the others, not just the page.
    await expect.poll(() => videoStreamsFlowing(a.flow), { message: `${x} receives one camera` }).toBe(1);
  }

  // The facilitator listens in to the first pair: they see the badge, the other pair does not.
  const [firstPair, secondPair] = pairs as [[string, string], [string, string]];
  // The running pair is labelled by its members in the server's order, which need not be the proposal's.
  const firstGroup = f.page.getByTestId('breakout-group').filter({ hasText: firstPair[0] }).filter({ hasText: firstPair[1] });
  await firstGroup.getByRole('button', { name: /^Listen to / }).click();
  await expect(byName.get(firstPair[0])!.flow.page.getByTestId('listening-badge')).toBeVisible();
  await expect(byName.get(secondPair[0])!.flow.page.getByTestId('listening-badge')).toHaveCount(0);

  // One line to every pair at once.
  await f.page.getByLabel('Message to every pair').fill('Two minutes left: the listener sums up');
  await f.page.getByRole('button', { name: 'Send to all pairs' }).click();
  for (const p of people) await expect(p.flow.page.getByTestId('breakout-announcement')).toContainText('Two minutes left: the listener sums up');

  // A member of the second pair drops: their partner sees it, the other pair sees nothing of it.
  const dropped = byName.get(secondPair[0])!;
  const partner = byName.get(secondPair[1])!;
  await dropped.context.setOffline(true);
  await expect(partner.flow.page.getByTestId('absent-tile')).toContainText(`${dropped.name} · dropped, reconnecting to your pair`, { timeout: 30_000 });
  await expect(byName.get(firstPair[0])!.flow.page.getByTestId('absent-tile')).toHaveCount(0);
  await dropped.context.setOffline(false);
  // Back in the same pair, by itself: the partner's tile again, and only the partner heard.
  await expect(partner.flow.page.getByTestId('absent-tile')).toHaveCount(0, { timeout: 30_000 });
  await expect(dropped.flow.call.remoteTiles).toHaveCount(1, { timeout: 30_000 });
  await expect(dropped.flow.call.remoteTiles.first()).toContainText(partner.name);
  const others = people.filter((p) => p !== dropped && p !== partner);
  await expect.poll(() => heardBy(dropped.flow, [partner, ...others]), { timeout: 20_000 }).toEqual([partner.name]);
  await expect.poll(() => heardBy(partner.flow, [dropped, ...others]), { timeout: 20_000 }).toEqual([dropped.name]);

  await f.page.getByRole('button', { name: 'Bring everyone back' }).click();
  await expect(byName.get(secondPair[0])!.flow.page.getByTestId('breakout-banner')).toContainText('Returning to the group in');
  for (const p of people) await expect(p.flow.call.remoteTiles).toHaveCount(4, { timeout: 20_000 });
});

test('time up: a one-minute breakout warns, counts down to the return by itself, and everyone is back in the group', async ({ browser, contexts }) => {
  test.setTimeout(150_000);
  const { f, people } = await admittedGroup(browser, contexts, 2);
  const [alex, blake] = people as [(typeof people)[number], (typeof people)[number]];
  await f.tab('Pairs');
  await f.page.getByLabel('Duration').selectOption({ label: '1 min' });
  await f.page.getByRole('button', { name: 'Propose pairs' }).click();
  await f.page.getByRole('button', { name: 'Start breakouts' }).click();
  await expect(alex.flow.call.remoteTiles).toHaveCount(1);
  await expect(alex.flow.page.getByTestId('breakout-banner')).toContainText('One minute left.');

  // Nobody ends it: the server's timer starts the return countdown, then brings everyone back.
  await expect(blake.flow.page.getByTestId('breakout-banner')).toContainText('Returning to the group in', { timeout: 75_000 });
  await expect(alex.flow.page.getByTestId('breakout-banner')).toHaveCount(0, { timeout: 20_000 });
  for (const p of people) await expect(p.flow.call.remoteTiles).toHaveCount(2, { timeout: 20_000 });
  await expect.poll(() => heardBy(alex.flow, [blake]), { timeout: 20_000 }).toEqual([blake.name]);
});

test('a crisis pull-aside: one member and the facilitator hear only each other while the group carries on; then back', async ({ browser, contexts }) => {
  const { f, people } = await admittedGroup(browser, contexts, 3);
  const [alex, blake, casey] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number]];
  const facilitatorId = (await alex.flow.call.remoteTiles.filter({ hasText: 'Demo Facilitator' }).getAttribute('data-peer-id'))!;
  const facilitatorMember = { id: facilitatorId, name: 'Demo Facilitator' };

  await f.memberAction('Alex', 'Take aside');
  // The facilitator has Alex's card in front of them.
  const card = f.page.getByTestId('side-room-card');
  await expect(card).toContainText('Privately with Alex');
  await expect(card).toContainText('Home, Springfield');
  await expect(card).toContainText('+1 555 0100');
  // Alex sees and hears only the facilitator, and is told why.
  await expect(alex.flow.page.getByTestId('side-room')).toBeVisible();
  await expect(alex.flow.call.remoteTiles).toHaveCount(1);
  await expect.poll(() => heardBy(alex.flow, [facilitatorMember, blake, casey])).toEqual(['Demo Facilitator']);
  // The group carries on without either of them.
  await expect(blake.flow.call.remoteTiles).toHaveCount(1);
  await expect(blake.flow.call.remoteTiles.first()).toContainText('Casey');
  await expect.poll(() => heardBy(blake.flow, [alex, casey])).toEqual(['Casey']);

  await card.getByRole('button', { name: 'Return Alex to the group' }).click();
  await expect(alex.flow.page.getByTestId('side-room')).toHaveCount(0);
  for (const p of people) await expect(p.flow.call.remoteTiles).toHaveCount(3, { timeout: 20_000 });
  await expect.poll(() => heardBy(blake.flow, [alex, casey]), { timeout: 20_000 }).toEqual(['Alex', 'Casey']);
});
