/** What the camera captures. Phones on weak networks are the norm, so the default is modest. */
export type CaptureProfile = { width: number; height: number; frameRate: number };

export const DEFAULT_CAPTURE: CaptureProfile = { width: 640, height: 360, frameRate: 24 };

/**
 * `?video=320x240@15` overrides the capture size; the end-to-end tests use it so several
 * browsers fit on two cores.
 */
export function captureProfileFromUrl(search: string): CaptureProfile {
  const match = /^(\d{2,4})x(\d{2,4})@(\d{1,2})$/.exec(new URLSearchParams(search).get('video') ?? '');
  if (!match) return DEFAULT_CAPTURE;
  return { width: Number(match[1]), height: Number(match[2]), frameRate: Number(match[3]) };
}

/**
 * Chrome sends no more simulcast layers than a resolution warrants (one below 480×270, two
 * up to 960×540, three above) and drops the top ones first, so asking for more would lose
 * the full-size picture. Each layer is half the size of the next.
 */
export function simulcastEncodings(settings: { width?: number; height?: number }): RTCRtpEncodingParameters[] {
  const pixels = (settings.width ?? 0) * (settings.height ?? 0);
  const layers = pixels >= 960 * 540 ? 3 : pixels >= 480 * 270 ? 2 : 1;
  // Bitrates for the full-size layer by its size; each lower layer gets about a third.
  const topBitrate = pixels >= 1280 * 720 ? 1_500_000 : pixels >= 960 * 540 ? 900_000 : pixels >= 640 * 360 ? 600_000 : 300_000;
  return Array.from({ length: layers }, (_, i) => {
    const stepsDown = layers - 1 - i;
    return {
      scaleResolutionDownBy: 2 ** stepsDown,
      maxBitrate: Math.round(topBitrate / 3 ** stepsDown),
      // No temporal layers (L1T3): with them, a new viewer's first frame came about a
      // second later (measured by `npm run bench`, T1), since the SFU starts on a
      // temporal layer the receiver cannot decode from until the next keyframe.
    } as RTCRtpEncodingParameters;
  });
}

export type MediaProblem = 'denied' | 'no-device' | 'in-use' | 'unknown';

export class LocalMediaError extends Error {
  constructor(
    readonly problem: MediaProblem,
    message: string,
  ) {
    super(message);
    this.name = 'LocalMediaError';
  }
}

/** Words a participant can act on, for each way getUserMedia fails. */
export function explainMediaError(err: unknown): LocalMediaError {
  const name = err instanceof Error ? err.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return new LocalMediaError(
        'denied',
        'Your browser blocked the camera and microphone for Hearth. Allow them in the site settings (the icon left of the address), then try again — or join without them.',
      );
    case 'NotFoundError':
    case 'OverconstrainedError':
      return new LocalMediaError('no-device', 'No camera or microphone was found. Plug one in and try again, or join without them.');
    case 'NotReadableError':
    case 'AbortError':
      return new LocalMediaError('in-use', 'Your camera or microphone is in use by another app. Close it and try again.');
    default:
      return new LocalMediaError('unknown', 'The camera and microphone could not be started. Try again, or join without them.');
  }
}

export async function getCameraTrack(profile: CaptureProfile): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: profile.width }, height: { ideal: profile.height }, frameRate: { ideal: profile.frameRate } },
  });
  const [track] = stream.getVideoTracks();
  if (!track) throw new LocalMediaError('no-device', 'No camera was found.');
  return track;
}

export async function getLocalMedia(profile: CaptureProfile, want: { audio: boolean; video: boolean }): Promise<MediaStream> {
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: want.audio ? { echoCancellation: true, noiseSuppression: true, autoGainControl: true } : false,
      video: want.video
        ? { width: { ideal: profile.width }, height: { ideal: profile.height }, frameRate: { ideal: profile.frameRate } }
        : false,
    });
  } catch (err) {
    throw explainMediaError(err);
  }
}
