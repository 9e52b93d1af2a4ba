import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { RunningServer } from '../../server/dist/startServer.js';
import { seedDemo, type DemoSeed } from '../../server/dist/clinic/demo.js';
import { newId } from '../../server/dist/lib/ids.js';
import { signInviteToken } from '../../server/dist/clinic/inviteToken.js';
import { deriveKey } from '../../server/dist/auth/secret.js';
import { instantOfLocalTime, localParts } from '../../shared/dist/index.js';
import { startE2eServer } from '../fixtures/server.js';
import { recordPeerConnections, TEST_VIDEO } from '../fixtures/hearth.js';
import { lookAt } from '../fixtures/look.js';
import { ProtocolFacilitator } from '../fixtures/protocolFacilitator.js';
import { ParticipantFlow } from '../pages/ModeratedPages.js';

/*
 * A participant's way in and out, as they see it: the clinic's name and their group's time,
 * consent, the waiting room, leaving and coming back, and a page of plain words for every way
 * the door can be closed (a link problem, a removal, a denial, a locked room, the end), each
 * with the crisis resources beside it. The facilitator is a protocol-level client here: what
 * is under test is the participant's screen.
 */
let server: RunningServer;
let seed: DemoSeed;
const test = base.extend<{ contexts: BrowserContext[] }>({
  contexts: async ({}, use) => {
    const opened: BrowserContext[] = [];
    await use(opened);
    await Promise.all(opened.map((c) => c.close()));
  },
});

const ZONE = 'America/Chicago';
const DAY = 24 * 60 * 60_000;
/** Admitted → in the call: camera, microphone and transports set up, on a machine shared by several browsers. */
const MEDIA_JOIN_MS = 30_000;
const CLINIC = {
  name: 'Riverside Outpatient',
  country: 'US',
  crisisResources: [
    { label: '988 Suicide & Crisis Lifeline', kind: 'call', value: '988', detail: 'Call or text 988, any time' },
    { label: 'Riverside after-hours line', kind: 'call', value: '+1 555 0199', detail: 'A Riverside clinician, 5 pm to 9 am' },
    { label: 'Crisis Text Line', kind: 'text', value: '741741', detail: 'Text HOME to 741741' },
    { label: 'Emergency services', kind: 'call', value: '911', detail: 'In an emergency, call 911' },
  ],
};

// Known, so the test can sign a link the way the server did when it was issued (an expired one).
const SECRET = 'e2e participant path secret, 32+ characters long';

test.beforeAll(async () => {
  server = await startE2eServer({ HEARTH_SECRET: SECRET });
  seed = await seedDemo(server.clinic);
  // The clinic's admin sets its name and resources through the API, as the settings page does.
  const admin = { email: 'admin@riverside.example', password: 'admin password 123' };
  await server.clinic.accounts.create({ ...admin, displayName: 'Ada', role: 'admin' });
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const put = await fetch(`${server.url}/api/clinic/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(CLINIC) });
  expect(put.status).toBe(200);
});
test.afterAll(async () => {
  await server?.close();
});

/** 18:00 on the group's clock, `days` from today there. */
function evening(days: number): number {
  const today = localParts(Date.now(), ZONE);
  return instantOfLocalTime(today.year, today.month, today.day + days, 18, 0, ZONE);
}

/**
 * "Tuesday evening group" (named for the screenshots, whatever the day): four members,
 * tonight's session at 18:00 and the next one two days later, each member's invite to tonight.
 */
async function eveningGroup(options: { tonight?: number; status?: 'scheduled' | 'ended' } = {}) {
  const { store, invites, clock } = server.clinic;
  const cohortId = newId();
  await store.cohorts.insert({ id: cohortId, name: 'Tuesday evening group', timeZone: ZONE, createdAt: clock() });
  // Staff reach only their cohorts: the demo facilitator leads this one, as an admin would assign.
  const facilitator = await store.accounts.findByEmail(seed.facilitator.email);
  await store.cohortStaff.assign(cohortId, facilitator!.id);
  for (const pseudonym of ['Alex', 'Blake', 'Casey', 'Drew']) await store.members.insert({ id: newId(), cohortId, pseudonym, createdAt: clock() });
  const session = (title: string, scheduledStart: number) => ({ id: newId(), cohortId, title, scheduledStart, createdBy: 'e2e', createdAt: clock(), status: 'scheduled' as const });
  const tonight = session('Tuesday evening group', options.tonight ?? evening(0));
  const next = session('Thursday evening group', evening(2));
  await store.sessions.insert(tonight);
  await store.sessions.insert(next);
  const links = await invites.issueForSession(tonight.id);
  if (options.status === 'ended') await store.sessions.setStatus(tonight.id, 'ended');
  return { sessionId: tonight.id, cohortId, invites: links, nextStart: next.scheduledStart };
}

/**
 * A link issued some days ago whose time is up: its record and token exactly as the server
 * made them then (the server will not issue one that is already expired).
 */
async function expiredLink(group: { sessionId: string; cohortId: string; invites: { memberId: string }[] }): Promise<string> {
  const { store, clock } = server.clinic;
  const now = clock();
  const invite = { jti: newId(), sessionId: group.sessionId, cohortId: group.cohortId, memberId: group.invites[3]!.memberId, issuedAt: now - 9 * DAY, expiresAt: now - 2 * DAY };
  await store.invites.insert(invite);
  const token = signInviteToken({ v: 1, jti: invite.jti, sessionId: invite.sessionId, cohortId: invite.cohortId, memberId: invite.memberId, exp: invite.expiresAt }, deriveKey(Buffer.from(SECRET, 'utf8'), 'invite-token-v1'));
  return `/join/${token}`;
}

/** What the pages say about the next session: "Your group meets next Wednesday at 18:00." */
const nextSessionWords = (start: number) => `Your group meets next ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: ZONE }).format(start)} at 18:00.`;

async function newContext(browser: Browser, opened: BrowserContext[]): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 800 }, permissions: ['camera', 'microphone'], timezoneId: ZONE });
  await ctx.addInitScript(recordPeerConnections);
  opened.push(ctx);
  return ctx;
}

async function participant(browser: Browser, opened: BrowserContext[], inviteUrl: string) {
  const page = await (await newContext(browser, opened)).newPage();
  await page.goto(`${server.url}${inviteUrl}?video=${TEST_VIDEO}`);
  return { page, flow: new ParticipantFlow(page) };
}

/** The crisis resources the admin set, in place on the page, not behind a click. */
async function expectCrisisResourcesBeside(page: Page) {
  const list = page.getByTestId('crisis-list');
  await expect(list).toBeVisible();
  await expect(list.getByRole('link', { name: 'Call +1 555 0199' })).toHaveAttribute('href', 'tel:+15550199');
  await expect(list).toContainText('Riverside after-hours line');
}

const facilitatorOf = async (sessionId: string) => {
  const f = await ProtocolFacilitator.connect(server.url, sessionId, seed.facilitator);
  await f.enter();
  return f;
};

test('invalid, expired, revoked and ended links each say so in their own words within 2 s, with the crisis resources beside them', async ({ browser, contexts }) => {
  test.setTimeout(180_000);
  const live = await eveningGroup();
  const ended = await eveningGroup({ status: 'ended' });
  const [revoked] = live.invites;
  await server.clinic.invites.revoke(revoked!.jti);
  const cases = [
    // A link cut short in a message: its signature no longer checks out.
    { screen: 'link-invalid', url: live.invites[1]!.url.slice(0, -12), code: 'INVITE_INVALID', title: 'This link does not work' },
    { screen: 'link-expired', url: await expiredLink(live), code: 'INVITE_EXPIRED', title: 'This link has expired' },
    { screen: 'link-revoked', url: revoked!.url, code: 'INVITE_REVOKED', title: 'This link has been replaced' },
    { screen: 'link-ended', url: ended.invites[0]!.url, code: 'SESSION_ENDED', title: 'This session has ended' },
  ];
  const page = await (await newContext(browser, contexts)).newPage();
  const flow = new ParticipantFlow(page);
  // The browser has Hearth's scripts cached (as after any earlier visit): what is timed is the
  // server's reason reaching the page, not how fast a machine shared by several browsers
  // compiles the scripts the first time.
  await page.goto(`${server.url}/join/not-a-link-at-all`);
  await expect(flow.linkProblem()).toBeVisible();
  for (const c of cases) {
    await page.goto(`${server.url}${c.url}`, { waitUntil: 'commit' });
    // On the page's own clock, from the start of the navigation to the words being there.
    const shownAt = await page.waitForFunction(
      (code) => (document.querySelector(`[data-testid="credential-problem"][data-problem="${code}"] h1`) ? performance.now() : false),
      c.code,
      { timeout: 10_000 },
    );
    expect(await shownAt.jsonValue(), `${c.code} shown within 2 s of opening the link`).toBeLessThan(2_000);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(c.title);
    await expectCrisisResourcesBeside(page);
    await expect(page).toHaveTitle(`${c.title} · ${CLINIC.name}`);
    await lookAt(page, c.screen);
  }
});

test('pre-join names the clinic, the group and tonight’s start; consent errors sit under their fields; the waiting room says whether the facilitator is there', async ({ browser, contexts }) => {
  test.setTimeout(240_000);
  const s = await eveningGroup();

  // The facilitator's own pre-join, in a browser: signed in, the name from the account.
  const fCtx = await newContext(browser, contexts);
  expect((await fCtx.request.post(`${server.url}/api/auth/login`, { data: seed.facilitator })).ok()).toBe(true);
  const fPage = await fCtx.newPage();
  await fPage.goto(`${server.url}/facilitate/${s.sessionId}?video=${TEST_VIDEO}`);
  await expect(fPage.getByTestId('fixed-name')).toContainText('Demo Facilitator');
  await expect(fPage.getByTestId('session-about')).toHaveText('Tuesday evening group · today at 18:00 · you are facilitating');
  await expect(fPage.getByTestId('preview')).toBeVisible();
  await lookAt(fPage, 'prejoin-facilitator', { ready: (p) => expect(p.getByTestId('mic-level')).toBeVisible() });
  await fCtx.close();

  const { page, flow } = await participant(browser, contexts, s.invites[0]!.url);
  await expect(flow.clinicName()).toHaveText(CLINIC.name);
  await expect(page.getByTestId('session-about')).toHaveText('Tuesday evening group · today at 18:00');
  await expect(page.getByTestId('fixed-name')).toContainText('Alex');
  await expect(page.getByTestId('preview')).toBeVisible();
  await expect(page).toHaveTitle(`Check your camera and sound · ${CLINIC.name}`);
  await lookAt(page, 'prejoin-participant', { ready: (p) => expect(p.getByTestId('mic-level')).toBeVisible() });

  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Before you join' })).toBeVisible();
  await expect(page.getByTestId('session-about')).toHaveText('Tuesday evening group · today at 18:00');
  await lookAt(page, 'consent');

  // Nothing filled in: every field says what it needs, tied to the field, and focus goes to the first.
  await page.getByRole('button', { name: 'Continue to the waiting room' }).click();
  const agree = page.getByLabel('I agree to keep the group confidential');
  const where = page.getByLabel('Where are you right now?');
  const phone = page.getByLabel('A phone number we can call you back on');
  await expect(agree).toBeFocused();
  await expect(agree).toHaveAccessibleDescription('Please agree to the group agreement to join.');
  await expect(where).toHaveAttribute('aria-invalid', 'true');
  await expect(where).toHaveAccessibleDescription(/Say where you are right now\.$/);
  await expect(phone).toHaveAccessibleDescription('A phone number we can call back.');
  const home = page.getByRole('group', { name: 'Are you at home?' });
  await expect(home).toHaveAccessibleDescription('Your clinic needs this for its records. Please say whether you are at home.');
  await expect(home.getByLabel('Yes, I am at home')).toHaveAttribute('aria-invalid', 'true');
  await lookAt(page, 'consent-errors');
  // Fixing one field clears its error only.
  await where.fill('Home, Springfield');
  await expect(where).not.toHaveAttribute('aria-invalid', 'true');
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await agree.check();
  await flow.answerAtHome(true);
  await expect(home).toHaveAccessibleDescription('Your clinic needs this for its records.');
  await phone.fill('+1 555 0100');
  await page.getByRole('button', { name: 'Continue to the waiting room' }).click();

  // Nobody to let them in yet, and they are told so.
  await expect(flow.waitingRoom()).toBeVisible();
  await expect(flow.facilitatorPresence()).toHaveAttribute('data-present', 'false');
  await expect(flow.facilitatorPresence()).toHaveText('Your facilitator has not arrived yet; they will see you as soon as they do.');
  await expect(page).toHaveTitle(`Waiting room · ${CLINIC.name}`);
  await lookAt(page, 'waiting-room-alone');

  // The crisis resources are one click away, as the clinic set them.
  const dialog = await flow.openCrisisResources();
  await expect(dialog.getByRole('link', { name: 'Call +1 555 0199' })).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'Text 741741' })).toHaveAttribute('href', 'sms:741741');
  await lookAt(page, 'crisis-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Crisis resources' })).toBeFocused();

  // The facilitator arrives: the same line now says they know.
  const f = await facilitatorOf(s.sessionId);
  try {
    await expect(flow.facilitatorPresence()).toHaveAttribute('data-present', 'true');
    await expect(flow.facilitatorPresence()).toHaveText('Your facilitator knows you are here. They will let you in soon.');
    await lookAt(page, 'waiting-room-facilitator-here');
    // And leaves again: back to "not arrived".
    await f.leave();
    await expect(flow.facilitatorPresence()).toHaveAttribute('data-present', 'false');
  } finally {
    f.close();
  }
});

test('a participant who leaves the call can rejoin without retyping anything: back to the waiting room, and admission brings them into the call', async ({ browser, contexts }) => {
  test.setTimeout(150_000);
  const s = await eveningGroup();
  const f = await facilitatorOf(s.sessionId);
  try {
    const alex = s.invites[0]!;
    const { page, flow } = await participant(browser, contexts, alex.url);
    await flow.throughConsent();
    await expect(flow.waitingRoom()).toBeVisible();
    await f.command({ type: 'admit', memberId: alex.memberId });
    await expect(page.getByTestId('self-tile')).toBeVisible({ timeout: MEDIA_JOIN_MS });

    await flow.leaveCall();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You left the session');
    await expect(page.getByTestId('next-session')).toHaveText(nextSessionWords(s.nextStart));
    await expectCrisisResourcesBeside(page);
    await lookAt(page, 'closed-left');

    await page.getByRole('button', { name: 'Rejoin' }).click();
    // Straight to the waiting room: the consent given tonight still stands, nothing to retype.
    await expect(flow.waitingRoom()).toBeVisible();
    await expect(page.getByLabel('Where are you right now?')).toHaveCount(0);
    await expect(flow.facilitatorPresence()).toHaveAttribute('data-present', 'true');
    await f.command({ type: 'admit', memberId: alex.memberId });
    await expect(page.getByTestId('self-tile')).toBeVisible({ timeout: MEDIA_JOIN_MS });
    await expect(flow.waitingRoom()).toHaveCount(0);
  } finally {
    f.close();
  }
});

test('removed, denied, a locked room and the end each say so, with the crisis resources and the next session', async ({ browser, contexts }) => {
  test.setTimeout(240_000);
  const s = await eveningGroup();
  const f = await facilitatorOf(s.sessionId);
  try {
    const [alex, blake, casey, drew] = s.invites as [(typeof s.invites)[number], (typeof s.invites)[number], (typeof s.invites)[number], (typeof s.invites)[number]];
    const a = await participant(browser, contexts, alex.url);
    const b = await participant(browser, contexts, blake.url);
    for (const p of [a, b]) await p.flow.throughConsent();
    await expect(b.flow.waitingRoom()).toBeVisible();

    // Denied from the waiting room: told, and offered to ask again.
    await f.command({ type: 'deny', memberId: blake.memberId });
    await expect(b.flow.closedNotice()).toHaveAttribute('data-reason', 'denied');
    await expect(b.page.getByRole('heading', { level: 1 })).toHaveText('You were not let in this time');
    await expect(b.page.getByRole('button', { name: 'Ask to join again' })).toBeVisible();
    await expectCrisisResourcesBeside(b.page);
    await lookAt(b.page, 'closed-denied');
    // Asking again puts them back in the waiting room, with tonight's consent.
    await b.page.getByRole('button', { name: 'Ask to join again' }).click();
    await expect(b.flow.waitingRoom()).toBeVisible();

    // Removed from the call.
    await f.command({ type: 'admit', memberId: alex.memberId });
    await expect(a.page.getByTestId('self-tile')).toBeVisible({ timeout: MEDIA_JOIN_MS });
    await f.command({ type: 'remove', memberId: alex.memberId, reason: 'asked to step out for tonight' });
    await expect(a.flow.closedNotice()).toHaveAttribute('data-reason', 'removed');
    await expect(a.page.getByRole('alert')).toContainText('A facilitator has removed you from this session');
    await expect(a.page.getByTestId('next-session')).toHaveText(nextSessionWords(s.nextStart));
    // The facilitator's reason is theirs alone.
    await expect(a.page.getByText('asked to step out')).toHaveCount(0);
    await expectCrisisResourcesBeside(a.page);
    await lookAt(a.page, 'closed-removed');

    // A locked room: said at once after consent, and "Try again" gets in once it is open.
    await f.command({ type: 'lockRoom', locked: true });
    const c = await participant(browser, contexts, casey.url);
    await c.flow.throughConsent();
    await expect(c.flow.refused()).toHaveAttribute('data-problem', 'ROOM_LOCKED');
    await expect(c.page.getByRole('heading', { level: 1 })).toHaveText('The room is locked for now');
    await expectCrisisResourcesBeside(c.page);
    await lookAt(c.page, 'room-locked');
    await f.command({ type: 'lockRoom', locked: false });
    await c.page.getByRole('button', { name: 'Try again' }).click();
    await expect(c.flow.waitingRoom()).toBeVisible();

    // The end: everyone still here is thanked and told when the group meets next.
    const d = await participant(browser, contexts, drew.url);
    await d.flow.throughConsent();
    await f.command({ type: 'admit', memberId: drew.memberId });
    await expect(d.page.getByTestId('self-tile')).toBeVisible({ timeout: MEDIA_JOIN_MS });
    await f.command({ type: 'end' });
    for (const p of [b, c, d]) await expect(p.flow.closedNotice()).toHaveAttribute('data-reason', 'ended');
    await expect(d.page.getByRole('heading', { level: 1 })).toHaveText('The session has ended');
    await expect(d.page.getByTestId('next-session')).toHaveText(nextSessionWords(s.nextStart));
    await expectCrisisResourcesBeside(d.page);
    await lookAt(d.page, 'closed-ended');
  } finally {
    f.close();
  }
});
