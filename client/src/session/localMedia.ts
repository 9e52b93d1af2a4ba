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

/** Which way getUserMedia failed, from the error's name (the only part browsers agree on). */
export function classifyMediaError(err: unknown): MediaProblem {
  if (err instanceof LocalMediaError) return err.problem;
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'no-device';
    case 'NotReadableError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'unknown';
  }
}

const EXPLANATION: Record<MediaProblem, string> = {
  denied:
    'Your browser blocked the camera and microphone for Hearth. Allow them in the site settings (the icon left of the address), then try again — or join without them.',
  'no-device': 'No camera or microphone was found. Plug one in and try again, or join without them.',
  'in-use': 'Your camera or microphone is in use by another app. Close it and try again.',
  unknown: 'The camera and microphone could not be started. Try again, or join without them.',
};

/** Words a participant can act on, for each way getUserMedia fails. */
export function explainMediaError(err: unknown): LocalMediaError {
  const problem = classifyMediaError(err);
  return new LocalMediaError(problem, EXPLANATION[problem]);
}

/**
 * `exact` when the participant picked the device (anything else would be a surprise);
 * `ideal` for a remembered one, so a device that is gone falls back to the default.
 */
function deviceConstraint(deviceId: string | undefined, exact: boolean): Pick<MediaTrackConstraints, 'deviceId'> {
  if (!deviceId) return {};
  return { deviceId: exact ? { exact: deviceId } : { ideal: deviceId } };
}

export function videoConstraints(profile: CaptureProfile, deviceId?: string, exact = false): MediaTrackConstraints {
  return {
    ...deviceConstraint(deviceId, exact),
    width: { ideal: profile.width },
    height: { ideal: profile.height },
    frameRate: { ideal: profile.frameRate },
  };
}

export function audioConstraints(deviceId?: string, exact = false): MediaTrackConstraints {
  return { ...deviceConstraint(deviceId, exact), echoCancellation: true, noiseSuppression: true, autoGainControl: true };
}

/** Which inputs the browser already allows: a refused camera does not mean a refused microphone. */
export async function grantedInputs(permissions: Permissions | undefined): Promise<{ camera: boolean; mic: boolean }> {
  const granted = async (name: 'camera' | 'microphone') => {
    try {
      return (await permissions?.query({ name: name as PermissionName }))?.state === 'granted';
    } catch {
      return false; // Not every browser can be asked about cameras.
    }
  };
  const [camera, mic] = await Promise.all([granted('camera'), granted('microphone')]);
  return { camera, mic };
}

/** A camera track for turning the camera on during a call: the chosen camera if it is still here. */
export async function getCameraTrack(profile: CaptureProfile, deviceId?: string): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: videoConstraints(profile, deviceId) });
  const [track] = stream.getVideoTracks();
  if (!track) throw new LocalMediaError('no-device', 'No camera was found.');
  return track;
}

export async function getLocalMedia(
  profile: CaptureProfile,
  want: { audio: boolean; video: boolean },
  devices: { cameraId?: string; micId?: string; exact?: boolean } = {},
): Promise<MediaStream> {
  try {
    if (!navigator.mediaDevices?.getUserMedia) throw new LocalMediaError('unknown', EXPLANATION.unknown);
    return await navigator.mediaDevices.getUserMedia({
      audio: want.audio ? audioConstraints(devices.micId, devices.exact) : false,
      video: want.video ? videoConstraints(profile, devices.cameraId, devices.exact) : false,
    });
  } catch (err) {
    throw explainMediaError(err);
  }
}
