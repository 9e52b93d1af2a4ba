import { expect, type Page } from '@playwright/test';
import { CallPage } from './CallPage.js';

/** A participant's way in through an invite link: pre-join, consent, waiting room, the call. */
export class ParticipantFlow {
  readonly call: CallPage;

  constructor(readonly page: Page) {
    this.call = new CallPage(page);
  }

  async throughConsent(details = { location: 'Home, Springfield', callbackNumber: '+1 555 0100' }): Promise<void> {
    await expect(this.page.getByTestId('fixed-name')).toBeVisible();
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
    await this.page.getByLabel('I agree to keep the group confidential').check();
    await this.page.getByLabel('Where are you right now?').fill(details.location);
    await this.page.getByLabel('A phone number we can call you back on').fill(details.callbackNumber);
    await this.page.getByRole('button', { name: 'Continue to the waiting room' }).click();
  }

  waitingRoom() {
    return this.page.getByTestId('waiting-room');
  }

  /** What a participant sees once out of the session; its data-reason says why (ended, removed…). */
  closedNotice() {
    return this.page.getByTestId('closed-notice');
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

/** The facilitator's console. */
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

  waiting(name: string) {
    return this.page.getByTestId('waiting-member').filter({ hasText: name });
  }

  member(name: string) {
    return this.page.getByTestId('room-member').filter({ hasText: name });
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Ends the session for everyone through its confirm step; answers with when the confirm was pressed (epoch ms). */
  async endSession(): Promise<number> {
    await this.button('End session for everyone').click();
    const confirm = this.button('Yes, end it');
    await expect(confirm).toBeVisible();
    const at = Date.now();
    await confirm.click();
    return at;
  }
}
