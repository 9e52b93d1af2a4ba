import { test, expect, type BrowserContext } from '@playwright/test';
import type { RunningServer } from '../../server/dist/startServer.js';
import { startE2eServer } from '../fixtures/server.js';
import { seedDemo } from '../../server/dist/clinic/demo.js';
import { freePort } from '../../server/dist/testing/freePort.js';
import { startRedis, type TestRedis } from '../../server/dist/testing/redisServer.js';
import { recordPeerConnections, TEST_VIDEO } from '../fixtures/hearth.js';
import { FacilitatorConsole, ParticipantFlow } from '../pages/ModeratedPages.js';

// Two nodes sharing one Redis, as behind a load balancer; a browser that reaches the wrong one.
let redis: TestRedis;
let nodes: RunningServer[] = [];
const opened: BrowserContext[] = [];

/**
 * One node of two. Each is reached at an origin of its own (its port), so each names the
 * other in ALLOWED_ORIGINS: a page from one may open its socket on the other.
 */
function node(port: number, ports: number[]): Promise<RunningServer> {
  const origins = ports.map((p) => `http://127.0.0.1:${p}`);
  return startE2eServer({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ALLOWED_ORIGINS: origins.join(','), REDIS_URL: redis.url, HEARTH_SECRET: 'z'.repeat(40) });
}

test.beforeAll(async () => {
  redis = await startRedis();
  const ports = [await freePort(), await freePort()];
  nodes = [await node(ports[0]!, ports), await node(ports[1]!, ports)];
});
test.afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
  await Promise.all(nodes.map((n) => n.close()));
  await redis?.destroy();
});

test('a participant whose link reaches the other node is sent to the node running the session and joins the call there', async ({ browser }) => {
  const [a, b] = nodes as [RunningServer, RunningServer];
  const seed = await seedDemo(a.clinic);
  const context = async () => {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 700 }, permissions: ['camera', 'microphone'] });
    await ctx.addInitScript(recordPeerConnections);
    opened.push(ctx);
    return ctx;
  };

  // The facilitator opens the console on node A: the session runs there.
  const fctx = await context();
  expect((await fctx.request.post(`${a.url}/api/auth/login`, { data: seed.facilitator })).ok()).toBe(true);
  const fpage = await fctx.newPage();
  await fpage.goto(`${a.url}/facilitate/${seed.sessionId}?video=${TEST_VIDEO}`);
  const f = new FacilitatorConsole(fpage);
  await f.enter();

  // Alex's link is opened on node B (where a load balancer happened to send it).
  const alexPage = await (await context()).newPage();
  await alexPage.goto(`${b.url}${seed.invites[0]!.url}?video=${TEST_VIDEO}`);
  const alex = new ParticipantFlow(alexPage);
  await alex.throughConsent();
  await f.admit('Alex');
  await expect(alex.call.remoteTiles).toHaveCount(1);
  await expect(alex.call.remoteTiles.first()).toContainText('Demo Facilitator');
  await expect.poll(async () => (await f.call.remoteVideoWidths()).filter((w) => w > 0).length).toBe(1);

  // The media went through node A's SFU; node B holds no room for the session.
  expect((await a.rooms.get(seed.sessionId))?.peerCount).toBe(2);
  expect(b.rooms.get(seed.sessionId)).toBeUndefined();
});
