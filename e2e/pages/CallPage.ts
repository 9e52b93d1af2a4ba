import { expect, type Locator, type Page } from '@playwright/test';

export type InboundStream = {
  kind: 'audio' | 'video';
  trackIdentifier: string;
  bytesReceived: number;
  framesDecoded: number;
  frameWidth: number;
};

/** The pre-join form and the call grid, as one participant sees them. */
export class CallPage {
  readonly remoteTiles: Locator;
  readonly remoteVideos: Locator;

  constructor(readonly page: Page) {
    this.remoteTiles = page.getByTestId('remote-tile');
    this.remoteVideos = page.getByTestId('remote-video');
  }

  async join(name: string): Promise<void> {
    await expect(this.page.getByTestId('preview')).toBeVisible();
    await this.page.getByLabel('Your first name or a chosen name').fill(name);
    await this.page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(this.page.getByTestId('self-tile')).toBeVisible();
  }

  /** Leave asks first; the confirm is the dialog's own Leave button. */
  async leave(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Call controls' }).getByRole('button', { name: 'Leave' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Leave' }).click();
    await expect(this.page.getByText('You left the room.')).toBeVisible();
  }

  /** Width of every remote video as decoded and rendered (0 until a frame arrives). */
  remoteVideoWidths(): Promise<number[]> {
    return this.remoteVideos.evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).videoWidth));
  }

  /** inbound-rtp entries from the page's receiving peer connections, read through WebRTC getStats. */
  inbound(): Promise<InboundStream[]> {
    return this.page.evaluate(async () => {
      const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
      const streams: InboundStream[] = [];
      for (const pc of pcs) {
        if (pc.connectionState === 'closed') continue;
        const report = await pc.getStats();
        report.forEach((s: Record<string, unknown>) => {
          // mediasoup's bandwidth probe arrives as its own stream; it is nobody's media.
          if (s['type'] !== 'inbound-rtp' || s['trackIdentifier'] === 'probator') return;
          streams.push({
            kind: s['kind'] as 'audio' | 'video',
            trackIdentifier: String(s['trackIdentifier']),
            bytesReceived: Number(s['bytesReceived'] ?? 0),
            framesDecoded: Number(s['framesDecoded'] ?? 0),
            frameWidth: Number(s['frameWidth'] ?? 0),
          });
        });
      }
      return streams;
    });
  }

  /** DTLS state of every transport of every open peer connection. */
  dtlsStates(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
      const states: string[] = [];
      for (const pc of pcs) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((s: Record<string, unknown>) => {
          if (s['type'] === 'transport') states.push(String(s['dtlsState']));
        });
      }
      return states;
    });
  }
}
