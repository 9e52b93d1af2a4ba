import { describe, expect, it } from 'vitest';
import { deviceNoticeText, joinChoices, mediaMessage } from './mediaMessages';

describe('mediaMessage', () => {
  it('says nothing when camera and microphone work', () => {
    expect(mediaMessage('ok', 'ok')).toBeUndefined();
  });
  it('explains a blocked camera and microphone, how to allow them, and that joining to listen is fine', () => {
    const m = mediaMessage('denied', 'denied')!;
    expect(m.problem).toBe('denied');
    expect(m.text).toContain('blocked the camera and microphone');
    expect(m.text).toContain('Allow');
    expect(m.text).toContain('Try again');
    expect(m.next).toContain('join now to see and hear the group');
  });
  it('offers the microphone when only the camera is missing', () => {
    const m = mediaMessage('no-device', 'ok')!;
    expect(m.problem).toBe('no-device');
    expect(m.text).toMatch(/^No camera was found/);
    expect(m.next).toContain('microphone only');
  });
  it('says a microphone is missing while the camera works', () => {
    const m = mediaMessage('ok', 'no-device')!;
    expect(m.text).toMatch(/^No microphone was found/);
    expect(m.next).toContain('they will not hear you');
  });
  it('names a camera busy in another app', () => {
    const m = mediaMessage('in-use', 'ok')!;
    expect(m.problem).toBe('in-use');
    expect(m.text).toContain('camera is being used by another app');
  });
  it('tells the fixable problem first when the two differ', () => {
    const m = mediaMessage('no-device', 'denied')!;
    expect(m.problem).toBe('denied');
    expect(m.text).toMatch(/^Your browser blocked the microphone.*No camera was found/);
  });
  it('covers both missing in one sentence', () => {
    expect(mediaMessage('no-device', 'no-device')!.text).toMatch(/^No camera or microphone was found/);
  });
  it('has a message for anything else', () => {
    expect(mediaMessage('unknown', 'unknown')!.problem).toBe('unknown');
  });
});

describe('joinChoices', () => {
  it('joins with everything by default, or with the camera off', () => {
    expect(joinChoices(true, true)).toEqual({
      primary: { label: 'Join', camera: true },
      secondary: { label: 'Join with camera off', camera: false },
    });
  });
  it('makes audio-only the main action without a camera', () => {
    expect(joinChoices(false, true)).toEqual({ primary: { label: 'Join with microphone only', camera: false }, secondary: undefined });
  });
  it('joins with the camera only, or with nothing, without a microphone', () => {
    const choices = joinChoices(true, false);
    expect(choices.primary).toEqual({ label: 'Join with camera only', camera: true });
    expect(choices.secondary?.label).toBe('Join without camera and microphone');
  });
  it('still lets someone with neither join to listen', () => {
    expect(joinChoices(false, false).primary).toEqual({ label: 'Join without camera and microphone', camera: false });
  });
});

describe('deviceNoticeText', () => {
  it('says which device is used instead of the usual one', () => {
    expect(deviceNoticeText({ kind: 'camera', reason: 'fell-back', using: 'Built-in camera' })).toBe(
      'Your usual camera is not connected, so Hearth is using “Built-in camera”.',
    );
  });
  it('says when a device was unplugged, and what took over', () => {
    expect(deviceNoticeText({ kind: 'mic', reason: 'disconnected', using: undefined })).toBe(
      'Your microphone was disconnected, so Hearth switched to the default one.',
    );
    expect(deviceNoticeText({ kind: 'speaker', reason: 'lost', using: undefined })).toBe('Your speaker was disconnected.');
  });
});
