import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import { lookAt, PHONE, LAPTOP, painted } from '../fixtures/look.js';
import {
  browserContext,
  coFacilitatorPage,
  expectCallFits,
  expectCallSettled,
  facilitatorDriver,
  newGroupSession,
  participantAtDoor,
  startGroupServer,
  tilesRegion,
  type Driver,
  type Group,
  type Member,
} from '../fixtures/group.js';

/*
 * A group of six on a phone: the gallery shows four tiles a page, and the cameras on the other
 * page are not received at all (the SFU pauses them at the phone's request) while every voice
 * still is. Also the laptop's view of the six, the speaker view, and a hidden self view that
 * the device remembers.
 */

let group: Group;
let f: Driver;
let alex: Member;
const opened: BrowserContext[] = [];
/** Alex's view on a laptop: each member's camera consumer. */
let consumers: Map<string, string>;

// One group, step after step; generous timeouts for axe and two screen sizes on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  group = await startGroupServer(['Eli']);
  const { sessionId, invites } = await newGroupSession(group);
  f = await facilitatorDriver(group, sessionId);
  // The others (Dana the co-facilitator among them) on small windows with small cameras: what
  // they see does not matter here, and a small window decodes four cameras, not five.
  const small = { width: 480, height: 360 };
  const smallCamera = '160x120@10';
  await coFacilitatorPage(group, await browserContext(browser, opened, small), sessionId, smallCamera);
  alex = await participantAtDoor(group, await browserContext(browser, opened), invites[0]!);
  for (const invite of invites.slice(1, 5)) await participantAtDoor(group, await browserContext(browser, opened, small), invite, smallCamera);
  await f.command({ type: 'admitAll' });
  await expect(alex.flow.call.remoteTiles).toHaveCount(5, { timeout: 60_000 });
});
test.afterAll(async () => {
  f?.close();
  await Promise.all(opened.map((c) => c.close()));
  await group?.server.close();
});

/** Bytes received so far per inbound video stream, by track (a consumer's track carries its id). */
async function videoBytes(page: Page): Promise<Map<string, number>> {
  const streams = await page.evaluate(async () => {
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    const out: [string, number][] = [];
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s: Record<string, unknown>) => {
        if (s['type'] === 'inbound-rtp' && s['kind'] === 'video' && s['trackIdentifier'] !== 'probator') out.push([String(s['trackIdentifier']), Number(s['bytesReceived'] ?? 0)]);
      });
    }
    return out;
  });
  return new Map(streams);
}

/** The consumers whose bytes grew over one second. */
async function camerasArriving(page: Page): Promise<string[]> {
  const before = await videoBytes(page);
  await page.waitForTimeout(1_000);
  const after = await videoBytes(page);
  return [...after].filter(([id, n]) => n > (before.get(id) ?? 0)).map(([id]) => id).sort();
}

/** The camera consumer of each remote tile on screen, by member. */
async function shownConsumers(page: Page): Promise<Map<string, string>> {
  const tiles = await page.getByTestId('remote-tile').evaluateAll((els) => els.map((e) => [e.getAttribute('data-peer-id') ?? '', e.getAttribute('data-video-consumer') ?? '']));
  return new Map(tiles as [string, string][]);
}

test('on a laptop, six people fill the stage and every camera arrives', async () => {
  await expect.poll(async () => (await alex.flow.call.remoteVideoWidths()).filter((w) => w > 0).length, { timeout: 30_000 }).toBe(5);
  consumers = await shownConsumers(alex.page);
  expect([...consumers.values()].every(Boolean)).toBe(true);
  await expect.poll(() => camerasArriving(alex.page), { message: 'every camera arrives', timeout: 60_000 }).toEqual([...consumers.values()].sort());
  await lookAt(alex.page, 'call-six', { ready: (page) => expectCallSettled(page, 'six people') });
});

test('on a phone, four tiles a page: the camera on the other page stops arriving, its voice does not, and arrives again when shown', async () => {
  await alex.page.setViewportSize(PHONE);
  await expect(alex.flow.call.remoteTiles).toHaveCount(4);
  await expect(alex.page.getByTestId('stage-page')).toHaveText('Page 1 of 2');
  const firstPage = await shownConsumers(alex.page);
  const [hiddenMember, hiddenCamera] = [...consumers].find(([id]) => !firstPage.has(id))!;
  await expect
    .poll(() => camerasArriving(alex.page), { message: 'only the four shown cameras arrive', timeout: 60_000 })
    .toEqual([...firstPage.values()].sort());
  const voice = await alex.flow.audioBytesFrom(hiddenMember);
  await expect.poll(() => alex.flow.audioBytesFrom(hiddenMember), { message: 'the hidden member is still heard' }).toBeGreaterThan(voice);
  await expectCallFits(alex.page, 'six people on a phone');

  // Page two: that camera arrives again, and the four now off screen stop.
  await alex.page.getByRole('button', { name: 'Next page' }).click();
  await expect(alex.page.getByTestId('stage-page')).toHaveText('Page 2 of 2');
  await expect(alex.flow.call.remoteTiles).toHaveCount(1);
  await expect(alex.flow.call.remoteTiles.first()).toHaveAttribute('data-peer-id', hiddenMember);
  await expect.poll(() => camerasArriving(alex.page), { message: 'the page-two camera arrives again', timeout: 60_000 }).toEqual([hiddenCamera]);
  await expect.poll(async () => (await alex.flow.call.remoteVideoWidths())[0] ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
  await alex.page.getByRole('button', { name: 'Previous page' }).click();
  await expect(alex.flow.call.remoteTiles).toHaveCount(4);
});

test('the speaker view: one large and a strip of three on a phone, never more than four cameras', async () => {
  await alex.page.setViewportSize(PHONE);
  await chooseInMore(alex.page, 'Speaker view: the speaker large');
  await expect(alex.page.locator('.speaker-main [data-testid="remote-tile"]')).toHaveCount(1);
  await expect(alex.page.locator('.speaker-strip [data-testid="remote-tile"]')).toHaveCount(3);
  await expect.poll(async () => (await camerasArriving(alex.page)).length, { message: 'four cameras arrive', timeout: 60_000 }).toBe(4);
  await lookAt(alex.page, 'speaker-view', { ready: (page) => expectCallSettled(page, 'speaker view') });
  await chooseInMore(alex.page, 'Gallery: everyone the same size');
  await expect(alex.page.locator('.speaker-main')).toHaveCount(0);
});

test('a hidden self view stays hidden when the page is opened again on this device', async () => {
  await alex.page.setViewportSize(LAPTOP);
  await expect(alex.page.getByTestId('self-tile')).toBeVisible();
  await chooseInMore(alex.page, 'Hide self view');
  await expect(alex.page.getByTestId('self-tile')).toHaveCount(0);
  await lookAt(alex.page, 'self-view-hidden', { ready: (page) => expectCallSettled(page, 'self view hidden') });
  await alex.page.reload();
  await alex.flow.throughConsent();
  // Back in place (the session kept the member admitted), the choice remembered.
  await expect(alex.flow.call.remoteTiles).toHaveCount(5, { timeout: 60_000 });
  await painted(alex.page);
  await expect(tilesRegion(alex.page)).toBeVisible();
  await expect(alex.page.getByTestId('self-tile')).toHaveCount(0);
});

/** Opens the control bar's "More" menu and picks one of its settings. */
async function chooseInMore(page: Page, item: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Call controls' }).getByRole('button', { name: 'More' }).click();
  await expect(page.getByRole('menu', { name: 'More' })).toBeVisible();
  await page.getByRole('menuitemradio', { name: item }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}
