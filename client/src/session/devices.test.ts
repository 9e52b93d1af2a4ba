import { describe, expect, it } from 'vitest';
import {
  chooseDevice,
  deviceOptions,
  hasDevice,
  isPreferred,
  loadDevicePreferences,
  reconcileInput,
  saveDevicePreference,
  type InputNow,
} from './devices';

const info = (kind: MediaDeviceKind, deviceId: string, label = '') => ({ kind, deviceId, label });

describe('deviceOptions', () => {
  it('lists one kind, without the Windows "communications" twin or duplicates', () => {
    const listed = [
      info('audioinput', 'default', 'Default - Headset'),
      info('audioinput', 'communications', 'Communications - Headset'),
      info('audioinput', 'h1', 'Headset'),
      info('audioinput', 'h1', 'Headset'),
      info('videoinput', 'c1', 'Webcam'),
    ];
    expect(deviceOptions(listed, 'mic')).toEqual([
      { id: 'default', label: 'Default - Headset' },
      { id: 'h1', label: 'Headset' },
    ]);
    expect(deviceOptions(listed, 'camera')).toEqual([{ id: 'c1', label: 'Webcam' }]);
    expect(deviceOptions(listed, 'speaker')).toEqual([]);
  });
  it('numbers devices whose names the browser hides', () => {
    expect(deviceOptions([info('videoinput', 'a'), info('videoinput', 'b')], 'camera').map((o) => o.label)).toEqual(['Camera 1', 'Camera 2']);
  });
});

describe('hasDevice', () => {
  it('knows a kind is missing only from a list that says something', () => {
    expect(hasDevice([], 'camera')).toBe(true);
    expect(hasDevice([info('audioinput', '')], 'camera')).toBe(false);
    expect(hasDevice([info('audioinput', '')], 'mic')).toBe(true);
  });
});

describe('chooseDevice', () => {
  const available = [
    { id: 'default', label: 'Default' },
    { id: 'cam-2', label: 'USB camera' },
  ];
  it('uses the default when nothing was chosen', () => {
    expect(chooseDevice(undefined, available)).toEqual({ deviceId: undefined, fellBack: false });
  });
  it('finds the remembered device by id', () => {
    expect(chooseDevice({ id: 'cam-2', label: 'USB camera' }, available)).toEqual({ deviceId: 'cam-2', fellBack: false });
  });
  it('finds it by name when the browser gave it a new id', () => {
    expect(chooseDevice({ id: 'old-id', label: 'USB camera' }, available)).toEqual({ deviceId: 'cam-2', fellBack: false });
  });
  it('falls back to the default when the remembered device is gone', () => {
    expect(chooseDevice({ id: 'gone', label: 'Old camera' }, available)).toEqual({ deviceId: undefined, fellBack: true });
  });
  it('tries the remembered id before permission, when the list has no ids', () => {
    expect(chooseDevice({ id: 'cam-2', label: 'USB camera' }, [{ id: '', label: 'Camera 1' }])).toEqual({ deviceId: 'cam-2', fellBack: false });
  });
  it('never matches an unnamed device by its empty name', () => {
    expect(chooseDevice({ id: 'gone', label: '' }, [{ id: 'x', label: '' }])).toEqual({ deviceId: undefined, fellBack: true });
  });
});

describe('isPreferred', () => {
  it('is true without a preference, and by id or name otherwise', () => {
    expect(isPreferred(undefined, undefined)).toBe(true);
    expect(isPreferred({ id: 'a', label: 'A' }, { id: 'a', label: 'renamed' })).toBe(true);
    expect(isPreferred({ id: 'a', label: 'A' }, { id: 'b', label: 'A' })).toBe(true);
    expect(isPreferred({ id: 'a', label: 'A' }, { id: 'b', label: 'B' })).toBe(false);
    expect(isPreferred({ id: 'a', label: 'A' }, undefined)).toBe(false);
  });
});

describe('reconcileInput', () => {
  const live = (deviceId: string): InputNow => ({ hasTrack: true, live: true, deviceId, problem: undefined });
  const builtIn = { id: 'built-in', label: 'Built-in' };
  const usb = { id: 'usb', label: 'USB' };

  it('keeps a device that is still here', () => {
    expect(reconcileInput(live('built-in'), undefined, [builtIn, usb])).toEqual({ action: 'keep' });
  });
  it('moves to the default when the device in use is unplugged', () => {
    expect(reconcileInput(live('usb'), undefined, [builtIn])).toEqual({ action: 'switch', deviceId: undefined, reason: 'disconnected' });
  });
  it('moves off a track that ended even if its device is still listed', () => {
    const ended = { ...live('usb'), live: false };
    expect(reconcileInput(ended, { id: 'usb', label: 'USB' }, [builtIn, usb])).toEqual({ action: 'switch', deviceId: 'usb', reason: 'disconnected' });
  });
  it('says the input is lost when no device of its kind is left', () => {
    expect(reconcileInput(live('usb'), undefined, [])).toEqual({ action: 'lost' });
  });
  it('goes back to the chosen device when it is plugged in again', () => {
    expect(reconcileInput(live('built-in'), { id: 'usb', label: 'USB' }, [builtIn, usb])).toEqual({
      action: 'switch',
      deviceId: 'usb',
      reason: 'preferred-back',
    });
  });
  it('stays on the fallback while the chosen device is still away', () => {
    expect(reconcileInput(live('built-in'), { id: 'usb', label: 'USB' }, [builtIn])).toEqual({ action: 'keep' });
  });
  it('opens a device plugged in where there was none', () => {
    const none: InputNow = { hasTrack: false, live: false, deviceId: undefined, problem: 'no-device' };
    expect(reconcileInput(none, undefined, [usb])).toEqual({ action: 'switch', deviceId: undefined, reason: 'plugged-in' });
  });
  it('leaves a blocked or busy input to the participant (Try again)', () => {
    const denied: InputNow = { hasTrack: false, live: false, deviceId: undefined, problem: 'denied' };
    expect(reconcileInput(denied, undefined, [usb])).toEqual({ action: 'keep' });
  });
});

describe('device preferences', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
  };
  it('remembers each kind separately', () => {
    const storage = memory();
    saveDevicePreference(storage, 'camera', { id: 'c', label: 'Cam' });
    saveDevicePreference(storage, 'speaker', { id: 's', label: 'Speaker' });
    expect(loadDevicePreferences(storage)).toEqual({ camera: { id: 'c', label: 'Cam' }, speaker: { id: 's', label: 'Speaker' } });
  });
  it.each(['not json', '[]', 'null', '{"camera":{"id":3}}'])('forgets an unreadable entry %j', (stored) => {
    expect(loadDevicePreferences({ getItem: () => stored })).toEqual({});
  });
  it('still applies a choice when storage refuses to save it', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveDevicePreference(full, 'mic', { id: 'm', label: 'Mic' })).toEqual({ mic: { id: 'm', label: 'Mic' } });
  });
  it('works without storage at all', () => {
    expect(loadDevicePreferences(undefined)).toEqual({});
  });
});
