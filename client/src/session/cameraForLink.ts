/** The camera's bitrate on a poor link: a small, smooth picture, and room left for the voice. */
export const POOR_LINK_VIDEO_BPS = 100_000;

/**
 * On a poor link the camera sends only its smallest layer, at most POOR_LINK_VIDEO_BPS, so the
 * voice keeps the room it needs: the browser's own estimate overshoots on a lossy link, and a
 * full queue at the bottleneck delays and drops voice packets along with the video's. The
 * camera's own layers and bitrates (`own`, per encoding) come back once the link is better.
 */
export function fitCameraToLink(sender: RTCRtpSender, poor: boolean, own: readonly (number | undefined)[]): void {
  const params = sender.getParameters();
  params.encodings.forEach((e, i) => {
    e.active = !poor || i === 0;
    const full = own[i];
    const limit = poor ? Math.min(full ?? POOR_LINK_VIDEO_BPS, POOR_LINK_VIDEO_BPS) : full;
    if (limit === undefined) delete e.maxBitrate;
    else e.maxBitrate = limit;
  });
  // A sender closing meanwhile is not a problem: nothing is sent on it any more.
  sender.setParameters(params).catch(() => undefined);
}
