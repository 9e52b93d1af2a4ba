import { describe, expect, it } from 'vitest';
import { captureProfileFromUrl, DEFAULT_CAPTURE, explainMediaError, simulcastEncodings } from './localMedia';

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
