import { chromium, test, expect, type Browser, type BrowserContext } from '@playwright/test';
import type { RunningServer } from '../../server/dist/startServer.js';
import { seedDemo } from '../../server/dist/clinic/demo.js';
import { freePort } from '../../server/dist/testing/freePort.js';
import { makeSelfSignedCert, type SelfSignedCert } from '../../server/dist/testing/selfSignedCert.js';
import { startE2eServer } from '../fixtures/server.js';
import { recordPeerConnections, TEST_VIDEO } from '../fixtures/hearth.js';
import { FacilitatorConsole, ParticipantFlow } from '../pages/ModeratedPages.js';
import { StaffPages } from '../pages/StaffPages.js';

// A clinic's address, not localhost: Chromium counts http://localhost as secure too, so only a
// real name shows the camera was given to an https page. The browser resolves it to loopback.
const HOST = 'hearth.test';

let cert: SelfSignedCert;
let server: RunningServer;
let browser: Browser;
let origin: string;
const opened: BrowserContext[] = [];

test.beforeAll(async ({}, testInfo) => {
  cert = await makeSelfSignedCert([HOST]);
  const port = await freePort();
  origin = `https://${HOST}:${port}`;
  // npm start's own https (no proxy), with COOKIE_SECURE left to follow from it.
  server = await startE2eServer({ PORT: String(port), TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile, PUBLIC_URL: origin });
  const launch = testInfo.project.use.launchOptions ?? {};
  browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), `--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
});
test.afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
  await browser?.close();
  await server?.close();
  cert?.remove();
});

/** A person's browser: trusts the test's own certificate as a clinic's browsers trust its real one. */
async function person(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, permissions: ['camera', 'microphone'], ignoreHTTPSErrors: true });
  await context.addInitScript(recordPeerConnections);
  opened.push(context);
  return context;
}

test('over https a facilitator signs in and a participant joins from an invite link: each sees the other’s camera', async () => {
  expect(server.url).toMatch(/^https:/);
  const seed = await seedDemo(server.clinic);

  // The facilitator signs in through the sign-in page: the Secure cookie is kept, the console opens.
  const fctx = await person();
  const fpage = await fctx.newPage();
  const staff = new StaffPages(fpage, origin);
  await staff.goto('/login');
  await staff.submitSignIn(seed.facilitator.email, seed.facilitator.password);
  await expect(fpage).toHaveURL(/\/clinic$/);
  expect((await fctx.cookies(origin)).find((c) => c.name === 'hearth_session')).toMatchObject({ secure: true, httpOnly: true });
  await fpage.goto(`${origin}/facilitate/${seed.sessionId}?video=${TEST_VIDEO}`);
  const f = new FacilitatorConsole(fpage);
  await f.enter();

  // Alex opens the invite link: an https page, so the browser gives it the camera.
  const alexPage = await (await person()).newPage();
  await alexPage.goto(`${origin}${seed.invites[0]!.url}?video=${TEST_VIDEO}`);
  expect(await alexPage.evaluate(() => ({ protocol: location.protocol, secure: window.isSecureContext }))).toEqual({ protocol: 'https:', secure: true });
  const alex = new ParticipantFlow(alexPage);
  await alex.throughConsent();
  await f.admit('Alex');

  // Media both ways through the SFU, signalling over wss: decoded frames of the other's camera.
  await expect(alex.call.remoteTiles).toHaveCount(1);
  await expect(alex.call.remoteTiles.first()).toContainText('Demo Facilitator');
  await expect.poll(async () => (await alex.call.remoteVideoWidths()).filter((w) => w > 0).length).toBe(1);
  await expect.poll(async () => (await f.call.remoteVideoWidths()).filter((w) => w > 0).length).toBe(1);
  await expect.poll(async () => (await alex.call.inbound()).filter((s) => s.kind === 'video' && s.framesDecoded > 0).length).toBe(1);
});

test('a staff member who reaches sign-in over plain http is told to use the https address, not looped back to sign-in', async () => {
  const plainPort = await freePort();
  const plain = await startE2eServer({ PORT: String(plainPort), COOKIE_SECURE: 'true' });
  try {
    const seed = await seedDemo(plain.clinic);
    const page = await (await person()).newPage();
    const staff = new StaffPages(page, `http://${HOST}:${plainPort}`);
    await staff.goto('/login');
    await staff.submitSignIn(seed.facilitator.email, seed.facilitator.password);
    await expect(staff.alert).toContainText('Open the clinic’s Hearth address that starts with https://');
    await expect(page).toHaveURL(/\/login$/);
    expect(await page.context().cookies()).toEqual([]);
  } finally {
    await plain.close();
  }
});
