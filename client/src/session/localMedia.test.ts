import { describe, expect, it } from 'vitest';
import {
  audioConstraints,
  captureProfileFromUrl,
  classifyMediaError,
  DEFAULT_CAPTURE,
  explainMediaError,
  grantedInputs,
  LocalMediaError,
  simulcastEncodings,
  videoConstraints,
} from './localMedia';

describe('simulcastEncodings', () => {
  it('sends one stream below 480×270, where Chrome would drop any extra layer', () => {
    expect(simulcastEncodings({ width: 320, height: 240 })).toHaveLength(1);
  });
  it('sends half and full size at 640×360', () => {
    const layers = simulcastEncodings({ width: 640, height: 360 });
    expect(layers.map((l) => l.scaleResolutionDownBy)).toEqual([2, 1]);
    expect(layers[0]!.maxBitrate!).toBeLessThan(layers[1]!.maxBitrate!);
  });
  it('sends three layers from 960×540 up', () => {
    expect(simulcastEncodings({ width: 1280, height: 720 }).map((l) => l.scaleResolutionDownBy)).toEqual([4, 2, 1]);
  });
});

describe('captureProfileFromUrl', () => {
  it('reads ?video=WxH@fps', () => {
    expect(captureProfileFromUrl('?video=320x240@15')).toEqual({ width: 320, height: 240, frameRate: 15 });
  });
  it.each(['', '?video=huge', '?video=1x1@1', '?other=1'])('falls back to the default for %j', (search) => {
    expect(captureProfileFromUrl(search)).toEqual(DEFAULT_CAPTURE);
  });
});

describe('explainMediaError', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });
  it.each([
    ['NotAllowedError', 'denied'],
    ['NotFoundError', 'no-device'],
    ['NotReadableError', 'in-use'],
    ['SomethingElse', 'unknown'],
  ])('%s is explained as %s', (name, problem) => {
    expect(explainMediaError(named(name)).problem).toBe(problem);
  });
});

describe('classifyMediaError', () => {
  it.each([
    ['SecurityError', 'denied'],
    ['OverconstrainedError', 'no-device'],
    ['AbortError', 'in-use'],
  ])('%s is %s', (name, problem) => {
    // Browsers throw DOMExceptions; only the name matters, whatever the object is.
    expect(classifyMediaError({ name, message: 'x' })).toBe(problem);
  });
  it('keeps the problem of an error it already explained', () => {
    expect(classifyMediaError(new LocalMediaError('in-use', 'busy'))).toBe('in-use');
  });
  it('calls anything unrecognisable unknown', () => {
    expect(classifyMediaError(undefined)).toBe('unknown');
    expect(classifyMediaError('NotAllowedError')).toBe('unknown');
  });
});

describe('device constraints', () => {
  it('asks for a picked device exactly and a remembered one as a preference', () => {
    expect(videoConstraints(DEFAULT_CAPTURE, 'cam', true).deviceId).toEqual({ exact: 'cam' });
    expect(audioConstraints('mic').deviceId).toEqual({ ideal: 'mic' });
  });
  it('leaves the choice to the browser without a device', () => {
    expect(audioConstraints(undefined)).not.toHaveProperty('deviceId');
    expect(videoConstraints(DEFAULT_CAPTURE)).toEqual({ width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24 } });
  });
  it('keeps echo cancellation, noise suppression and gain control on', () => {
    expect(audioConstraints('mic', true)).toMatchObject({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
  });
});

describe('grantedInputs', () => {
  const permissions = (states: Record<string, PermissionState>) =>
    ({ query: async ({ name }: { name: string }) => ({ state: states[name] ?? 'prompt' }) }) as unknown as Permissions;
  it('reads each input separately', async () => {
    expect(await grantedInputs(permissions({ camera: 'denied', microphone: 'granted' }))).toEqual({ camera: false, mic: true });
  });
  it('assumes nothing where the browser cannot say', async () => {
    const throwing = { query: async () => Promise.reject(new TypeError('camera is not a valid permission name')) } as unknown as Permissions;
    expect(await grantedInputs(throwing)).toEqual({ camera: false, mic: false });
    expect(await grantedInputs(undefined)).toEqual({ camera: false, mic: false });
  });
});
