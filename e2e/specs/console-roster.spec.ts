import { expect, type Page } from '@playwright/test';
import path from 'node:path';
import { expectAccessible, lookAt, painted, SCREENS_DIR } from '../fixtures/look.js';
import { browserParticipant, facilitatorIn, inView, MORE_MEMBERS, newEvening, protocolParticipants, test, whyNotInView } from '../fixtures/fullGroup.js';
import type { FacilitatorConsole } from '../pages/ModeratedPages.js';

/** On a phone or an upright tablet the console is a drawer: open it from the header. */
async function consoleShown(page: Page): Promise<void> {
  const panel = page.getByTestId('facilitator-panel');
  // Its button says how many things need a facilitator ("Console 2 new").
  const toggle = page.getByRole('button', { name: /^Console/ });
  if (!(await panel.isVisible()) && (await toggle.isVisible())) await toggle.click();
  await expect(panel).toBeVisible();
}

/** Tab (the key) until the element named `label` (its label or its text) has the focus; a bounded number of presses. */
async function tabTo(page: Page, label: string): Promise<number> {
  for (let presses = 1; presses <= 60; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim();
    });
    if (focused === label) return presses;
  }
  throw new Error(`${label} was not reached with the Tab key`);
}

async function screen(f: FacilitatorConsole, name: string, tab?: Parameters<FacilitatorConsole['tab']>[0]) {
  await lookAt(f.page, name, {
    ready: async (page) => {
      await consoleShown(page);
      if (tab) await f.tab(tab);
    },
  });
}

test('a full group of 15 and a co-facilitator: every row and the alert area in view at 1280×800, actions by keyboard, each tool and dialog looked at, and the end leads to the record', async ({ browser, contexts, members, clinic }) => {
  test.setTimeout(400_000);
  const { sessionId, invite } = await newEvening(clinic);
  const f = await facilitatorIn(browser, contexts, clinic.server.url, sessionId, clinic.lead);
  const co = await facilitatorIn(browser, contexts, clinic.server.url, sessionId, clinic.co);
  // Two participants in real browsers, thirteen as protocol clients with their own invites.
  const alex = await browserParticipant(browser, contexts, clinic.server.url, invite('Alex').url);
  const blake = await browserParticipant(browser, contexts, clinic.server.url, invite('Blake').url);
  members.push(...(await protocolParticipants(clinic.server.url, ['Casey', 'Drew', ...MORE_MEMBERS].map(invite))));
  await expect(f.page.getByTestId('waiting-member')).toHaveCount(15);
  await f.admitAll();

  // Sixteen rows (15 participants and the co-facilitator), every one of them and the alert
  // area on screen, nothing scrolled, no horizontal scroll anywhere.
  const rows = f.page.getByTestId('room-member');
  await expect(rows).toHaveCount(16);
  await expect(f.alerts()).toHaveAttribute('data-count', '0');
  const outOfView = async () => {
    const out = [];
    for (const row of await rows.all()) {
      const why = await whyNotInView(row);
      if (why) out.push(`${await row.getAttribute('data-name')}: ${why}`);
    }
    return out;
  };
  // Once the layout has settled (polled), the alert area and each row are checked once more,
  // saying why one is not seen.
  await expect.poll(async () => (await whyNotInView(f.alerts())) ?? (await outOfView()).length).toBe(0).catch(() => undefined);
  expect(await whyNotInView(f.alerts()), 'the alert area is in view').toBeNull();
  expect(await outOfView(), 'rows not in view').toEqual([]);
  for (const row of await rows.all()) {
    const menu = await row.getByRole('button', { name: /^Actions for / }).boundingBox();
    expect(Math.min(menu!.width, menu!.height), 'the menu button is a 44 px target').toBeGreaterThanOrEqual(44);
  }
  const overflow = await f.page.evaluate(() => {
    const scrolling = document.querySelector('[data-testid="console-scroll"]')!;
    return {
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      consoleWide: scrolling.scrollWidth - scrolling.clientWidth,
      consoleTall: scrolling.scrollHeight - scrolling.clientHeight,
    };
  });
  expect(overflow).toEqual({ page: 0, consoleWide: 0, consoleTall: 0 });
  await expect(co.page.getByTestId('room-member')).toHaveCount(16);
  await screen(f, 'console-full-roster');

  // A tablet held sideways: the console still beside the stage, nothing wider than the screen.
  await f.page.setViewportSize({ width: 1024, height: 768 });
  await painted(f.page);
  expect(await f.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await expect.poll(() => inView(f.alerts())).toBe(true);
  await f.page.screenshot({ path: path.join(SCREENS_DIR, 'console-full-roster-tablet.png'), animations: 'disabled', caret: 'hide' });
  await expectAccessible(f.page, 'console-full-roster (tablet)');
  await f.page.setViewportSize({ width: 1280, height: 800 });

  // By keyboard alone: Tab to Casey's menu button, open it, choose Mute; the row says so.
  await f.page.getByRole('tab', { name: /^People/ }).focus();
  await tabTo(f.page, 'Actions for Casey');
  await f.page.keyboard.press('Enter');
  await expect(f.page.getByRole('menuitem', { name: 'Mute', exact: true })).toBeFocused();
  await f.page.keyboard.press('Enter');
  await expect(f.member('Casey')).toContainText('muted by a facilitator');
  await expect(co.member('Casey')).toContainText('muted by a facilitator');
  await expect(f.page.getByRole('button', { name: 'Actions for Casey' })).toBeFocused();

  // Alerts: Alex asks for help and Frankie is sent back to the waiting room.
  await alex.page.getByRole('button', { name: 'I need help' }).click();
  await f.memberAction('Frankie', 'Send to the waiting room');
  await expect(f.alerts().getByRole('article')).toHaveCount(2);
  await screen(f, 'console-alerts');
  await f.helpAlert('Alex').getByRole('button', { name: /^Acknowledge/ }).click();
  await f.admit('Frankie');
  await expect(f.alerts()).toHaveAttribute('data-count', '0');

  // Each tool: a round set up and running, a pulse check with answers, the chat, the notes.
  await screen(f, 'console-round', 'Round');
  await f.page.getByRole('button', { name: 'Start round' }).click();
  await expect(f.page.getByTestId('round-now')).toContainText('is sharing');
  await screen(f, 'console-round-running', 'Round');
  await f.page.getByRole('button', { name: 'End round' }).click();

  await f.tab('Pulse');
  await f.page.getByRole('button', { name: 'Mood right now' }).click();
  await Promise.all(members.slice(0, 8).map((m, i) => m.command({ type: 'answerPulse', value: [6, 7, 4, 8, 5, 7, 3, 6][i]! })));
  await expect(f.page.getByTestId('pulse-answers')).toContainText('8 of 15 answered');
  await screen(f, 'console-pulse', 'Pulse');
  await f.page.getByRole('button', { name: 'Close pulse check' }).click();

  await members[0]!.chat('Running five minutes late tomorrow, sorry.');
  await members[1]!.chat('I would rather not share tonight.', 'facilitators');
  await co.page.getByRole('tab', { name: /^Chat/ }).click();
  await co.page.getByRole('textbox', { name: 'Message' }).fill('Welcome, everyone.');
  await co.page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(f.page.getByRole('tab', { name: /^Chat/ })).toContainText('3');
  await screen(f, 'console-chat', 'Chat');

  // Location and callback on demand, then a private note.
  await f.memberAction('Alex', 'Show contact');
  const contact = f.page.getByTestId('contact-dialog');
  await expect(contact).toContainText('Home, Springfield');
  await expect(contact.getByRole('link', { name: '+1 555 0100' })).toHaveAttribute('href', 'tel:+15550100');
  await contact.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(f.page.getByRole('button', { name: 'Actions for Alex' })).toBeFocused();
  await f.memberAction('Drew', 'Private note…');
  await f.page.getByTestId('note-dialog').getByLabel('Note').fill('Quiet tonight; check in after the break.');
  await lookAt(f.page, 'console-note-dialog');
  await f.page.getByTestId('note-dialog').getByRole('button', { name: 'Add note' }).click();
  await expect(f.page.getByRole('button', { name: 'Actions for Drew' })).toBeFocused();
  await f.tab('Notes');
  await expect(f.page.getByTestId('member-notes').filter({ hasText: 'Drew' })).toContainText('Quiet tonight');
  await screen(f, 'console-notes', 'Notes');

  // Pairs: proposed, then running.
  await f.tab('Pairs');
  await f.page.getByRole('button', { name: 'Propose pairs' }).click();
  await expect(f.page.getByTestId('proposed-pairs').locator('li')).toHaveCount(7);
  await screen(f, 'console-pairs', 'Pairs');
  await f.page.getByRole('button', { name: 'Start breakouts' }).click();
  await expect(f.page.getByTestId('breakout-group')).toHaveCount(7);
  await screen(f, 'console-pairs-running', 'Pairs');
  await f.page.getByRole('button', { name: 'Bring everyone back' }).click();
  await expect(f.page.getByTestId('breakout-group')).toHaveCount(0, { timeout: 30_000 });

  // The side room: Blake taken aside, the card pinned under the alerts, then back.
  await f.memberAction('Blake', 'Take aside');
  const card = f.page.getByTestId('side-room-card');
  await expect(card).toContainText('Privately with Blake');
  await expect(blake.page.getByTestId('side-room')).toBeVisible();
  await screen(f, 'console-side-room');
  await card.getByRole('button', { name: 'Return Blake to the group' }).click();
  await expect(card).toHaveCount(0);

  // Removing by keyboard: the dialog asks a reason; Casey is gone from both consoles.
  await f.page.getByRole('tab', { name: /^People/ }).focus();
  await tabTo(f.page, 'Actions for Casey');
  await f.page.keyboard.press('Enter');
  await f.page.keyboard.press('End');
  await expect(f.page.getByRole('menuitem', { name: 'Remove…' })).toBeFocused();
  await f.page.keyboard.press('Enter');
  const dialog = f.page.getByTestId('remove-dialog');
  await expect(dialog.getByLabel('Reason')).toBeFocused();
  await f.page.keyboard.type('Left the call to take care of a family matter.');
  await lookAt(f.page, 'console-remove-dialog');
  await tabTo(f.page, 'Remove Casey');
  await f.page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(rows).toHaveCount(15);
  // Focus is not lost with the row: it is on the list, where the next Tab goes on from.
  await expect(f.page.getByRole('group', { name: 'In the room' })).toBeFocused();
  // The co-facilitator was last on the chat: their People tab says the same.
  await co.tab('People');
  await expect(co.page.getByTestId('room-member')).toHaveCount(15);

  // Ending: asked first, then both facilitators go on to the session's record.
  await f.page.getByRole('button', { name: 'End session for everyone' }).click();
  await expect(f.page.getByTestId('end-session-dialog')).toBeVisible();
  await lookAt(f.page, 'console-end-dialog');
  await f.page.getByTestId('end-session-dialog').getByRole('button', { name: 'End session', exact: true }).click();
  await expect(alex.closedNotice()).toHaveAttribute('data-reason', 'ended');
  for (const page of [f.page, co.page]) {
    await expect(page).toHaveURL(new RegExp(`^${clinic.server.url}/clinic/sessions/${sessionId}(\\?|$)`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('Alex').first()).toBeVisible();
  }
  await lookAt(f.page, 'session-record-after-end');
});
