import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PreviewMedia, type PreviewEnv } from './PreviewMedia';
import { DEFAULT_CAPTURE } from './localMedia';

type Kind = 'audio' | 'video';
type Device = { kind: MediaDeviceKind; deviceId: string; label: string };

class FakeTrack extends EventTarget {
  readyState: MediaStreamTrackState = 'live';
  constructor(
    readonly kind: Kind,
    readonly deviceId: string,
    readonly label: string,
  ) {
    super();
  }
  stop() {
    this.readyState = 'ended';
  }
  getSettings() {
    return { deviceId: this.deviceId };
  }
}

const named = (name: string) => Object.assign(new Error(name), { name });

/** Enough of navigator.mediaDevices: devices to list, and getUserMedia that opens them. */
class FakeMediaDevices extends EventTarget {
  devices: Device[] = [
    { kind: 'videoinput', deviceId: 'cam-a', label: 'Camera A' },
    { kind: 'videoinput', deviceId: 'cam-b', label: 'Camera B' },
    { kind: 'audioinput', deviceId: 'default', label: 'Default microphone' },
    { kind: 'audioinput', deviceId: 'mic-b', label: 'Microphone B' },
    { kind: 'audiooutput', deviceId: 'default', label: 'Default speaker' },
  ];
  /** Device labels and ids show only after permission, as in browsers. */
  permitted = true;
  failures: Partial<Record<Kind, string>> = {};
  opened: FakeTrack[] = [];
  requests: MediaStreamConstraints[] = [];
  hold: Promise<void> | undefined;

  async enumerateDevices() {
    return this.devices.map((d) => ({ ...d, deviceId: this.permitted ? d.deviceId : '', label: this.permitted ? d.label : '' }));
  }

  async getUserMedia(constraints: MediaStreamConstraints) {
    this.requests.push(constraints);
    await this.hold;
    const tracks: FakeTrack[] = [];
    for (const kind of ['video', 'audio'] as const) {
      const c = constraints[kind];
      if (!c) continue;
      const failure = this.failures[kind];
      if (failure) throw named(failure);
      const wanted = typeof c === 'object' ? (c.deviceId as { exact?: string } | undefined)?.exact : undefined;
      const candidates = this.devices.filter((d) => d.kind === (kind === 'video' ? 'videoinput' : 'audioinput'));
      // Like Chrome, only an exact device id is honoured; otherwise the first (default) device.
      const device = wanted ? candidates.find((d) => d.deviceId === wanted) : candidates[0];
      if (!device) throw named(wanted ? 'OverconstrainedError' : 'NotFoundError');
      tracks.push(new FakeTrack(kind, device.deviceId, device.label));
    }
    this.permitted = true;
    this.opened.push(...tracks);
    return { getTracks: () => tracks };
  }

  live() {
    return this.opened.filter((t) => t.readyState === 'live').map((t) => `${t.kind}:${t.deviceId}`);
  }
}

class FakeStream {
  constructor(readonly tracks: FakeTrack[]) {}
  getTracks() {
    return this.tracks;
  }
}

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  } as Storage;
}

let media: FakeMediaDevices;
let env: PreviewEnv;

beforeEach(() => {
  vi.stubGlobal('MediaStream', FakeStream);
  media = new FakeMediaDevices();
  env = { mediaDevices: media as unknown as MediaDevices, storage: memoryStorage(), permissions: undefined };
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function started(): Promise<PreviewMedia> {
  const preview = new PreviewMedia(DEFAULT_CAPTURE, env);
  await preview.start();
  return preview;
}

describe('PreviewMedia', () => {
  it('opens the camera and microphone with one request and lists the devices', async () => {
    const preview = await started();
    const state = preview.getState();
    expect(media.requests).toHaveLength(1);
    expect(media.live()).toEqual(['video:cam-a', 'audio:default']);
    expect(state.status).toBe('ready');
    expect(state.camera.deviceId).toBe('cam-a');
    expect(state.devices.camera.map((d) => d.label)).toEqual(['Camera A', 'Camera B']);
    expect(state.notice).toBeUndefined();
  });

  it('stops every track when closed, and closing twice is harmless', async () => {
    const preview = await started();
    preview.close();
    preview.close();
    expect(media.live()).toEqual([]);
    expect(preview.getState().status).toBe('closed');
  });

  it('hands only the microphone to the session when joining with the camera off, and stops the camera', async () => {
    const preview = await started();
    const stream = preview.handOff({ camera: false }) as unknown as FakeStream;
    expect(stream.getTracks().map((t) => t.kind)).toEqual(['audio']);
    expect(media.live()).toEqual(['audio:default']);
    // The session owns the microphone now; unmounting the screen must not stop it.
    preview.close();
    expect(media.live()).toEqual(['audio:default']);
  });

  it('stops tracks that arrive after the screen was left', async () => {
    let release!: () => void;
    media.hold = new Promise((resolve) => (release = resolve));
    const preview = new PreviewMedia(DEFAULT_CAPTURE, env);
    const starting = preview.start();
    await vi.waitFor(() => expect(media.requests).toHaveLength(1));
    preview.close();
    release();
    await starting;
    expect(media.opened).toHaveLength(2);
    expect(media.live()).toEqual([]);
  });

  it('opens the remembered devices', async () => {
    env.storage = memoryStorage({
      'hearth.devices': JSON.stringify({ camera: { id: 'cam-b', label: 'Camera B' }, mic: { id: 'mic-b', label: 'Microphone B' } }),
    });
    const preview = await started();
    expect(media.live()).toEqual(['video:cam-b', 'audio:mic-b']);
    expect(preview.getState().notice).toBeUndefined();
  });

  it('switches to the remembered device once permission reveals it (first visit of the day)', async () => {
    media.permitted = false;
    env.storage = memoryStorage({ 'hearth.devices': JSON.stringify({ mic: { id: 'mic-b', label: 'Microphone B' } }) });
    const preview = await started();
    expect(media.live()).toEqual(['video:cam-a', 'audio:mic-b']);
    expect(preview.getState().mic.deviceId).toBe('mic-b');
  });

  it('uses the default with a notice when the remembered camera is gone', async () => {
    env.storage = memoryStorage({ 'hearth.devices': JSON.stringify({ camera: { id: 'cam-old', label: 'Old camera' } }) });
    const preview = await started();
    expect(media.live()).toEqual(['video:cam-a', 'audio:default']);
    expect(preview.getState().notice).toEqual({ kind: 'camera', reason: 'fell-back', using: 'Camera A' });
  });

  it('keeps the microphone when the camera is busy in another app', async () => {
    media.failures.video = 'NotReadableError';
    const preview = await started();
    expect(media.live()).toEqual(['audio:default']);
    expect(preview.getState().camera.problem).toBe('in-use');
    expect(preview.getState().mic.problem).toBeUndefined();
  });

  it('does not ask for a camera when none is listed', async () => {
    media.devices = media.devices.filter((d) => d.kind !== 'videoinput');
    const preview = await started();
    expect(media.requests).toEqual([{ video: false, audio: expect.any(Object) }]);
    expect(preview.getState().camera.problem).toBe('no-device');
    expect(media.live()).toEqual(['audio:default']);
  });

  it('reports both blocked when the browser refuses, without asking twice', async () => {
    media.failures = { video: 'NotAllowedError', audio: 'NotAllowedError' };
    const preview = await started();
    expect(media.requests).toHaveLength(1);
    expect(preview.getState().camera.problem).toBe('denied');
    expect(preview.getState().mic.problem).toBe('denied');
  });

  it('opens the microphone alone when only the camera is blocked', async () => {
    media.failures = { video: 'NotAllowedError' };
    env.permissions = {
      query: async ({ name }: { name: string }) => ({ state: name === 'microphone' ? 'granted' : 'denied' }),
    } as unknown as Permissions;
    const preview = await started();
    expect(media.live()).toEqual(['audio:default']);
    expect(preview.getState().camera.problem).toBe('denied');
  });

  it('switches device on request: the old track stops and the choice is remembered', async () => {
    const preview = await started();
    await preview.select('camera', 'cam-b');
    expect(media.live()).toEqual(['audio:default', 'video:cam-b']);
    expect(preview.getState().camera.deviceId).toBe('cam-b');
    expect(JSON.parse(env.storage!.getItem('hearth.devices')!)).toEqual({ camera: { id: 'cam-b', label: 'Camera B' } });
  });

  it('moves to another camera with a notice when the one in use is unplugged, and says so when none is left', async () => {
    const preview = await started();
    media.devices = media.devices.filter((d) => d.deviceId !== 'cam-a');
    media.opened.find((t) => t.deviceId === 'cam-a')!.stop();
    media.dispatchEvent(new Event('devicechange'));
    await vi.waitFor(() => expect(preview.getState().camera.deviceId).toBe('cam-b'));
    await vi.waitFor(() => expect(preview.getState().status).toBe('ready'));
    expect(preview.getState().notice).toEqual({ kind: 'camera', reason: 'disconnected', using: 'Camera B' });

    media.devices = media.devices.filter((d) => d.kind !== 'videoinput');
    media.dispatchEvent(new Event('devicechange'));
    await vi.waitFor(() => expect(preview.getState().camera.problem).toBe('no-device'));
    expect(preview.getState().notice).toEqual({ kind: 'camera', reason: 'lost', using: undefined });
    expect(media.live()).toEqual(['audio:default']);
  });
});
