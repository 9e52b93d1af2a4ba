import { chromium, test, expect, type BrowserContext } from '@playwright/test';
import type { RunningServer } from '../../server/dist/startServer.js';
import { seedDemo, type DemoSeed } from '../../server/dist/clinic/demo.js';
import { newId } from '../../server/dist/lib/ids.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startE2eServer } from '../fixtures/server.js';
import { TEST_VIDEO } from '../fixtures/hearth.js';
import { lookAt } from '../fixtures/look.js';
import { ProtocolFacilitator } from '../fixtures/protocolFacilitator.js';
import { ParticipantFlow } from '../pages/ModeratedPages.js';

/*
 * The participant's way in where the machine, not the person, is the obstacle: a page opened
 * over plain http (no camera for it), and a server whose media workers are full. Each runs on
 * a server of its own (the full one allows a single person on its worker).
 */

async function newSession(server: RunningServer, seed: DemoSeed) {
  const clinic = server.clinic;
  const session = { id: newId(), cohortId: seed.cohortId, title: 'Evening group', createdBy: 'e2e', createdAt: clinic.clock(), status: 'scheduled' as const };
  await clinic.store.sessions.insert(session);
  return { sessionId: session.id, invites: await clinic.invites.issueForSession(session.id) };
}

test.describe('a page opened over plain http', () => {
  let server: RunningServer;
  let seed: DemoSeed;
  test.beforeAll(async () => {
    server = await startE2eServer();
    seed = await seedDemo(server.clinic);
  });
  test.afterAll(async () => {
    await server?.close();
  });

  test('says at once that the camera needs https and what to do, and still lets them join without camera and microphone', async () => {
    const { invites } = await newSession(server, seed);
    // A name that is not localhost, so the browser does not count the page as secure: as a
    // phone opening http://<the clinic's server> would.
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP hearth.test 127.0.0.1'] });
    try {
      const page = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
      const url = `http://hearth.test:${server.port}${invites[0]!.url}?video=${TEST_VIDEO}`;
      await page.goto(url);
      expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
      // Said on the pre-join itself, before anything is tried: no waiting for a camera that cannot start.
      const notice = page.getByTestId('insecure-page');
      await expect(notice).toBeVisible();
      await expect(page.getByText('Starting your camera and microphone')).toHaveCount(0);
      await expect(notice).toContainText('cannot be used on this page');
      await expect(notice).toContainText('starts with https://');
      // No "could not be started, press Try again": that would send them round in circles.
      await expect(page.getByTestId('media-error')).toHaveCount(0);
      await lookAt(page, 'insecure-page');

      await page.getByRole('button', { name: 'Join without camera and microphone' }).click();
      const flow = new ParticipantFlow(page);
      await page.getByLabel('I agree to keep the group confidential').check();
      await page.getByLabel('Where are you right now?').fill('Home, Springfield');
      await flow.answerAtHome(true);
      await page.getByLabel('A phone number we can call you back on').fill('+1 555 0100');
      await page.getByRole('button', { name: 'Continue to the waiting room' }).click();
      await expect(flow.waitingRoom()).toBeVisible();
    } finally {
      await browser.close();
    }
  });
});

test.describe('a full server', () => {
  let server: RunningServer;
  let seed: DemoSeed;
  const contexts: BrowserContext[] = [];
  test.beforeAll(async () => {
    // One person per media worker: the facilitator fills it.
    server = await startE2eServer({ MEDIA_MAX_PEERS_PER_WORKER: '1' });
    seed = await seedDemo(server.clinic);
  });
  test.afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await server?.close();
  });

  test('tells the participant to contact the clinic and that nothing is wrong on their side, with crisis resources; once there is room, Try again gets in', async ({ browser }) => {
    const { sessionId, invites } = await newSession(server, seed);
    const f = await ProtocolFacilitator.connect(server.url, sessionId, seed.facilitator);
    try {
      await f.enter();
      await f.joinMedia(sessionId);
      const alex = invites[0]!;
      const ctx = await browser.newContext({ permissions: ['camera', 'microphone'] });
      contexts.push(ctx);
      const page = await ctx.newPage();
      await page.goto(`${server.url}${alex.url}?video=${TEST_VIDEO}`);
      const flow = new ParticipantFlow(page);
      await flow.throughConsent();
      await expect(flow.waitingRoom()).toBeVisible();
      await f.command({ type: 'admit', memberId: alex.memberId });

      await expect(flow.refused()).toHaveAttribute('data-problem', 'SERVER_FULL');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hearth is full right now');
      await expect(page.getByRole('alert')).toContainText('Nothing is wrong with your phone, computer or connection');
      await expect(page.getByText('Please contact your clinic')).toBeVisible();
      await expect(flow.crisisList()).toBeVisible();
      await lookAt(page, 'server-full');

      // The facilitator leaves the media room; there is room again.
      await f.leave();
      await page.getByRole('button', { name: 'Try again' }).click();
      await expect(flow.waitingRoom()).toBeVisible();
    } finally {
      f.close();
    }
  });
});
