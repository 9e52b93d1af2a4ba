import { describe, expect, it } from 'vitest';
import { fitCameraToLink, POOR_LINK_VIDEO_BPS } from './cameraForLink';

/** A sender as far as the fitting reads and writes it: its encodings' parameters. */
function fakeSender(encodings: RTCRtpEncodingParameters[]) {
  let params = { encodings } as RTCRtpSendParameters;
  return {
    getParameters: () => structuredClone(params),
    setParameters: async (next: RTCRtpSendParameters) => void (params = next),
    get encodings() {
      return params.encodings;
    },
  };
}

describe('the camera on a poor link', () => {
  it('[LNK1] sends only its smallest layer, capped, and gets its own layers back when the link is better', async () => {
    const own = [200_000, 600_000];
    const sender = fakeSender([{ maxBitrate: 200_000, active: true }, { maxBitrate: 600_000, active: true }]);
    fitCameraToLink(sender as unknown as RTCRtpSender, true, own);
    await Promise.resolve();
    expect(sender.encodings).toEqual([
      { maxBitrate: POOR_LINK_VIDEO_BPS, active: true },
      { maxBitrate: POOR_LINK_VIDEO_BPS, active: false },
    ]);
    fitCameraToLink(sender as unknown as RTCRtpSender, false, own);
    await Promise.resolve();
    expect(sender.encodings).toEqual([
      { maxBitrate: 200_000, active: true },
      { maxBitrate: 600_000, active: true },
    ]);
  });
});
