import { expect, type Locator, type Page } from '@playwright/test';

export type CapturedTrack = { kind: string; label: string; live: boolean };

/**
 * An init script: keeps every track the page gets from getUserMedia, so a test can tell
 * whether a camera or microphone is still open (the camera light) without the app helping.
 */
export function recordCapturedTracks() {
  const captured: MediaStreamTrack[] = [];
  (window as unknown as { __capturedTracks: MediaStreamTrack[] }).__capturedTracks = captured;
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    captured.push(...stream.getTracks());
    return stream;
  };
}

/** The pre-join screen: preview, microphone bar, speaker test, device pickers and the ways to join. */
export class PrejoinPage {
  readonly preview: Locator;
  readonly micLevel: Locator;
  readonly name: Locator;
  readonly join: Locator;
  readonly joinWithCameraOff: Locator;
  readonly deviceSettings: Locator;
  readonly cameraPicker: Locator;
  readonly micPicker: Locator;
  readonly speakerPicker: Locator;
  readonly testSpeaker: Locator;
  readonly mediaError: Locator;

  constructor(readonly page: Page) {
    this.preview = page.getByTestId('preview');
    this.micLevel = page.getByRole('meter', { name: 'Microphone' });
    this.name = page.getByLabel('Your first name or a chosen name');
    this.join = page.getByRole('button', { name: 'Join', exact: true });
    this.joinWithCameraOff = page.getByRole('button', { name: 'Join with camera off' });
    this.deviceSettings = page.locator('details.device-settings');
    this.cameraPicker = this.deviceSettings.getByLabel('Camera', { exact: true });
    this.micPicker = this.deviceSettings.getByLabel('Microphone', { exact: true });
    this.speakerPicker = this.deviceSettings.getByLabel('Speaker', { exact: true });
    this.testSpeaker = page.getByRole('button', { name: 'Play test sound' });
    this.mediaError = page.getByTestId('media-error');
  }

  /** The pickers are folded away on a phone; opens them if they are. */
  async openDeviceSettings(): Promise<void> {
    await expect(this.deviceSettings).toBeVisible();
    if (!(await this.deviceSettings.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await this.deviceSettings.locator('summary').click();
    }
  }

  /** The names a picker offers. */
  options(picker: Locator): Promise<string[]> {
    return picker.locator('option').allTextContents();
  }

  /** Picks a device by its name and waits until it is the one in use. */
  async choose(picker: Locator, label: string): Promise<string> {
    await picker.selectOption({ label });
    const id = await picker.locator('option', { hasText: label }).getAttribute('value');
    await expect(picker).toHaveValue(id ?? '');
    await expect(picker).toBeEnabled();
    return id ?? '';
  }

  /** The microphone bar, 0 … 100. */
  async micLevelNow(): Promise<number> {
    return Number((await this.micLevel.getAttribute('aria-valuenow')) ?? 0);
  }

  async joinCameraOff(name: string): Promise<void> {
    await expect(this.preview).toBeVisible();
    await this.name.fill(name);
    await this.joinWithCameraOff.click();
    await expect(this.page.getByTestId('self-tile')).toBeVisible();
  }

  /** Tracks from getUserMedia (needs recordCapturedTracks as an init script). */
  captured(): Promise<CapturedTrack[]> {
    return this.page.evaluate(() =>
      (window as unknown as { __capturedTracks: MediaStreamTrack[] }).__capturedTracks.map((t) => ({
        kind: t.kind,
        label: t.label,
        live: t.readyState === 'live',
      })),
    );
  }
}
