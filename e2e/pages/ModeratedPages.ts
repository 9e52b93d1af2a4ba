import { expect, type Page } from '@playwright/test';
import { CallPage } from './CallPage.js';

/** A participant's way in through an invite link: pre-join, consent, waiting room, the call. */
export class ParticipantFlow {
  readonly call: CallPage;

  constructor(readonly page: Page) {
    this.call = new CallPage(page);
  }

  async throughConsent(details: { location: string; callbackNumber: string; atHome?: boolean } = { location: 'Home, Springfield', callbackNumber: '+1 555 0100' }): Promise<void> {
    await expect(this.page.getByTestId('fixed-name')).toBeVisible();
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
    await this.page.getByLabel('I agree to keep the group confidential').check();
    await this.page.getByLabel('Where are you right now?').fill(details.location);
    await this.answerAtHome(details.atHome ?? true);
    await this.page.getByLabel('A phone number we can call you back on').fill(details.callbackNumber);
    await this.page.getByRole('button', { name: 'Continue to the waiting room' }).click();
  }

  /** "Are you at home?" on the consent gate: the place of service (10 home, 02 elsewhere). */
  async answerAtHome(atHome: boolean): Promise<void> {
    await this.page.getByRole('group', { name: 'Are you at home?' }).getByLabel(atHome ? 'Yes, I am at home' : 'No, I am somewhere else').check();
  }

  waitingRoom() {
    return this.page.getByTestId('waiting-room');
  }

  /** What a participant sees once out of the session; its data-reason says why (ended, removed…). */
  closedNotice() {
    return this.page.getByTestId('closed-notice');
  }

  /** The page a link that did not open the session shows; its data-problem says why (INVITE_EXPIRED…). */
  linkProblem() {
    return this.page.getByTestId('credential-problem');
  }

  /** Entering refused for now (a locked room, a full server); its data-problem says which. */
  refused() {
    return this.page.getByTestId('refused');
  }

  /** The crisis resources shown in place on a notice page. */
  crisisList() {
    return this.page.getByTestId('crisis-list');
  }

  /** The waiting room's word on whether the facilitator is there (data-present). */
  facilitatorPresence() {
    return this.page.getByTestId('facilitator-presence');
  }

  /** The clinic's name across the top of the participant's pages. */
  clinicName() {
    return this.page.getByTestId('clinic-name');
  }

  /** Opens the crisis resources from their button; answers with the dialog. */
  async openCrisisResources() {
    await this.page.getByRole('button', { name: 'Crisis resources' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Crisis resources' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Leaves the call through its Leave button and the confirm, as a participant would. */
  async leaveCall(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Call controls' }).getByRole('button', { name: 'Leave' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Leave' }).click();
    await expect(this.closedNotice()).toHaveAttribute('data-reason', 'left');
  }

  /** Bytes of audio received from one member, read from WebRTC stats through their tile's track. */
  audioBytesFrom(memberId: string): Promise<number> {
    return this.page.evaluate(async (id) => {
      const audio = document.querySelector(`[data-peer-id="${id}"] audio`) as HTMLAudioElement | null;
      const trackId = (audio?.srcObject as MediaStream | null)?.getAudioTracks()[0]?.id;
      if (!trackId) return -1;
      const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
      let bytes = -1;
      for (const pc of pcs) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((s: Record<string, unknown>) => {
          if (s['type'] === 'inbound-rtp' && s['trackIdentifier'] === trackId) bytes = Number(s['bytesReceived'] ?? 0);
        });
      }
      return bytes;
    }, memberId);
  }
}

/** The facilitator's console: the alert area, the tools in tabs, a menu per member, the room's settings in the header. */
export class FacilitatorConsole {
  readonly call: CallPage;

  constructor(readonly page: Page) {
    this.call = new CallPage(page);
  }

  async enter(): Promise<void> {
    await expect(this.page.getByTestId('fixed-name')).toBeVisible();
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(this.page.getByTestId('facilitator-panel')).toBeVisible();
  }

  /** What needs a facilitator now (help, pairs asking, arrivals), pinned at the top of the console. */
  alerts() {
    return this.page.getByTestId('console-alerts');
  }

  /** The console's scrolling part, under the alerts. */
  scrollingPart() {
    return this.page.getByTestId('console-scroll');
  }

  waiting(name: string) {
    return this.page.getByTestId('waiting-member').filter({ hasText: name });
  }

  helpAlert(name: string) {
    return this.page.getByTestId('help-alert').filter({ hasText: name });
  }

  member(name: string) {
    return this.page.getByTestId('room-member').filter({ hasText: name });
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async admit(name: string): Promise<void> {
    await this.button(`Admit ${name}`).click();
  }

  async admitAll(): Promise<void> {
    await this.page.getByRole('button', { name: /^Admit all/ }).click();
  }

  /** Opens one of the console's tools: People, Round, Pairs, Pulse, Chat, Notes. */
  async tab(name: 'People' | 'Round' | 'Pairs' | 'Pulse' | 'Chat' | 'Notes'): Promise<void> {
    const tab = this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  /** One action from a member's menu, as a facilitator picks it: open the row's menu, choose. */
  async memberAction(name: string, action: string): Promise<void> {
    await this.tab('People');
    await this.page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
    await this.page.getByRole('menuitem', { name: action, exact: true }).click();
  }

  async removeMember(name: string, reason: string): Promise<void> {
    await this.memberAction(name, 'Remove…');
    const dialog = this.page.getByTestId('remove-dialog');
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** A room setting from the header's Room menu, left as `on`; answers with the checkbox, still open, for assertions. */
  async roomSetting(name: 'Lock the room' | 'Lock unmuting' | 'Group chat' | 'Alert sound', on: boolean) {
    await this.page.getByRole('button', { name: 'Room settings' }).click();
    const item = this.page.getByRole('menuitemcheckbox', { name });
    if ((await item.getAttribute('aria-checked')) !== String(on)) await item.click();
    return item;
  }

  async closeMenu(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('menu')).toHaveCount(0);
  }

  /** Ends the session for everyone through its confirm step; answers with when the confirm was pressed (epoch ms). */
  async endSession(): Promise<number> {
    await this.page.getByRole('button', { name: 'End session for everyone' }).click();
    const confirm = this.page.getByTestId('end-session-dialog').getByRole('button', { name: 'End session', exact: true });
    await expect(confirm).toBeVisible();
    const at = Date.now();
    await confirm.click();
    return at;
  }
}
