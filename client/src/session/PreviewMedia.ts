import {
  chooseDevice,
  deviceOptions,
  hasDevice,
  isPreferred,
  loadDevicePreferences,
  reconcileInput,
  saveDevicePreference,
  type DeviceKind,
  type DeviceOption,
  type DevicePreferences,
  type InputKind,
} from './devices';
import { audioConstraints, classifyMediaError, grantedInputs, videoConstraints, type CaptureProfile, type MediaProblem } from './localMedia';

export type InputState = {
  /** The open track, if any. */
  track: MediaStreamTrack | undefined;
  /** The device it comes from, as the picker names it. */
  deviceId: string | undefined;
  /** Why there is no track. */
  problem: MediaProblem | undefined;
};

/** Something about the devices the participant should know, worded by the screen. */
export type DeviceNotice = {
  kind: DeviceKind;
  /** fell-back: the remembered device is not here; disconnected: the one in use went away; lost: none is left. */
  reason: 'fell-back' | 'disconnected' | 'lost';
  /** The label of the device now in use. */
  using: string | undefined;
};

export type PreviewStatus = 'starting' | 'ready' | 'switching' | 'handed-off' | 'closed';

export type PreviewState = {
  status: PreviewStatus;
  camera: InputState;
  mic: InputState;
  devices: Record<DeviceKind, DeviceOption[]>;
  speakerId: string | undefined;
  notice: DeviceNotice | undefined;
};

export type PreviewEnv = {
  mediaDevices: MediaDevices | undefined;
  storage: Storage | undefined;
  permissions: Permissions | undefined;
};

/** A device to open: exactly this one (picked, or listed as present) or only as a hint. */
type DeviceRequest = { deviceId: string | undefined; exact: boolean };

const NO_INPUT: InputState = { track: undefined, deviceId: undefined, problem: undefined };

function browserEnv(): PreviewEnv {
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined; // Blocked storage (some private modes) throws on access.
  }
  return { mediaDevices: navigator.mediaDevices, storage, permissions: navigator.permissions };
}

/**
 * The camera and microphone of the pre-join screen: opens them (the remembered devices if
 * they are here), switches when the participant picks another or a device comes or goes,
 * and either hands the tracks to the session or stops every one of them. Operations run one
 * at a time; anything that finishes after close() is stopped at once, so no camera light
 * stays on behind the participant's back.
 */
export class PreviewMedia {
  #state: PreviewState;
  readonly #listeners = new Set<() => void>();
  #prefs: DevicePreferences;
  #queue: Promise<void> = Promise.resolve();
  #done = false;
  #watching = false;
  #listedOnce = false;

  constructor(
    private readonly profile: CaptureProfile,
    private readonly env: PreviewEnv = browserEnv(),
  ) {
    this.#prefs = loadDevicePreferences(env.storage);
    this.#state = {
      status: 'starting',
      camera: NO_INPUT,
      mic: NO_INPUT,
      devices: { camera: [], mic: [], speaker: [] },
      speakerId: this.#prefs.speaker?.id,
      notice: undefined,
    };
  }

  getState = (): PreviewState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Opens the camera and microphone and keeps following the device list. */
  start(): Promise<void> {
    if (!this.#watching && !this.#done) {
      this.#watching = true;
      this.env.mediaDevices?.addEventListener('devicechange', this.#onDevicesChanged);
    }
    return this.#run('starting', () => this.#openAll());
  }

  /** After a problem: asks for both again (the participant may have changed a setting). */
  retry(): Promise<void> {
    return this.#run('starting', () => this.#openAll());
  }

  select(kind: DeviceKind, deviceId: string): Promise<void> {
    if (kind === 'speaker') {
      const option = this.#state.devices.speaker.find((d) => d.id === deviceId);
      this.#prefs = saveDevicePreference(this.env.storage, 'speaker', { id: deviceId, label: option?.label ?? '' });
      this.#set({ speakerId: deviceId });
      return Promise.resolve();
    }
    return this.#run('switching', async () => {
      const opened = await this.#open(kind, deviceId, { exact: true, orDefault: false });
      if (opened) {
        const option = this.#state.devices[kind].find((d) => d.id === opened.deviceId);
        this.#prefs = saveDevicePreference(this.env.storage, kind, { id: opened.deviceId ?? deviceId, label: option?.label ?? opened.label });
        if (this.#state.notice?.kind === kind) this.#set({ notice: undefined });
      }
    });
  }

  /**
   * Gives the open tracks to the session, which stops them when it is done. Without the
   * camera, its track is stopped here and only the microphone goes. Nothing is sent when
   * neither is open.
   */
  handOff({ camera }: { camera: boolean }): MediaStream | undefined {
    if (this.#done) return undefined;
    if (!camera) this.#stop('camera');
    this.#finish('handed-off');
    const tracks = [this.#state.mic.track, this.#state.camera.track].filter(
      (t): t is MediaStreamTrack => t !== undefined && t.readyState === 'live',
    );
    return tracks.length > 0 ? new MediaStream(tracks) : undefined;
  }

  /** Stops every track that was not handed off. Safe to call again. */
  close(): void {
    if (this.#done) return;
    this.#stop('camera');
    this.#stop('mic');
    this.#finish('closed');
  }

  #finish(status: 'handed-off' | 'closed'): void {
    this.#done = true;
    this.env.mediaDevices?.removeEventListener('devicechange', this.#onDevicesChanged);
    this.#set({ status });
  }

  #run(status: 'starting' | 'switching', operation: () => Promise<void>): Promise<void> {
    const run = async () => {
      if (this.#done) return;
      this.#set({ status });
      try {
        await operation();
      } finally {
        if (!this.#done) this.#set({ status: 'ready' });
      }
    };
    const next = this.#queue.then(run);
    this.#queue = next.catch((err: unknown) => console.warn('preview media:', err));
    return this.#queue;
  }

  /** Both at once first (one permission prompt); if that fails, each alone, to keep what works. */
  async #openAll(): Promise<void> {
    this.#stop('camera');
    this.#stop('mic');
    this.#set({ camera: NO_INPUT, mic: NO_INPUT, notice: undefined });
    if (!this.env.mediaDevices?.getUserMedia) {
      this.#set({ camera: { ...NO_INPUT, problem: 'unknown' }, mic: { ...NO_INPUT, problem: 'unknown' } });
      return;
    }
    const before = await this.#enumerate();
    const request = { camera: this.#remembered('camera', before), mic: this.#remembered('mic', before) };
    const want = { camera: hasDevice(before, 'camera'), mic: hasDevice(before, 'mic') };
    const problems: Partial<Record<InputKind, MediaProblem>> = {};
    let tracks: MediaStreamTrack[] = [];
    let together: MediaProblem | undefined;
    if (want.camera && want.mic) {
      try {
        tracks = await this.#capture(request);
      } catch (err) {
        together = classifyMediaError(err);
      }
    }
    if (!(want.camera && want.mic) || together) {
      // Denied: ask again only for what the browser says is allowed, never a second prompt.
      const allowed = together === 'denied' ? await grantedInputs(this.env.permissions) : { camera: true, mic: true };
      for (const kind of ['mic', 'camera'] as const) {
        if (!want[kind]) problems[kind] = 'no-device';
        else if (!allowed[kind]) problems[kind] = together;
        else await this.#captureOne(kind, request[kind]).then((t) => void tracks.push(t), (e: unknown) => void (problems[kind] = classifyMediaError(e)));
      }
    }
    if (this.#done) return tracks.forEach((t) => t.stop());

    this.#setDevices(await this.#enumerate());
    for (const kind of ['camera', 'mic'] as const) {
      this.#adopt(kind, tracks.find((t) => t.kind === (kind === 'camera' ? 'video' : 'audio')), problems[kind]);
    }
    // Before permission the list has no ids, so the remembered device could only be hinted
    // at (and Chrome ignores a hinted microphone). Now it can be asked for exactly.
    let notice: DeviceNotice | undefined;
    for (const kind of ['camera', 'mic'] as const) {
      if (!this.#state[kind].track) continue;
      const choice = chooseDevice(this.#prefs[kind], this.#state.devices[kind]);
      if (choice.deviceId !== undefined && !this.#inUseIsPreferred(kind)) await this.#open(kind, choice.deviceId, { exact: true, orDefault: true });
      if (this.#done) return;
      if (this.#state[kind].track && !this.#inUseIsPreferred(kind)) {
        notice ??= { kind, reason: 'fell-back', using: this.#state.devices[kind].find((d) => d.id === this.#state[kind].deviceId)?.label };
      }
    }
    // A note about the speaker (set while listing) matters less than one about a camera or microphone.
    this.#set({ notice: notice ?? this.#state.notice });
  }

  /** The remembered device, asked for exactly when the list shows it is here, else only as a hint. */
  #remembered(kind: InputKind, listed: MediaDeviceInfo[]): DeviceRequest {
    const options = deviceOptions(listed, kind);
    const { deviceId } = chooseDevice(this.#prefs[kind], options);
    return { deviceId, exact: deviceId !== undefined && options.some((o) => o.id === deviceId) };
  }

  #inUseIsPreferred(kind: InputKind): boolean {
    return isPreferred(
      this.#prefs[kind],
      this.#state.devices[kind].find((d) => d.id === this.#state[kind].deviceId),
    );
  }

  /**
   * Replaces one kind's track with one from `deviceId` (undefined: the default). With
   * `orDefault`, a device that cannot be opened gives way to the default one.
   */
  async #open(
    kind: InputKind,
    deviceId: string | undefined,
    { exact, orDefault }: { exact: boolean; orDefault: boolean },
  ): Promise<{ deviceId: string | undefined; label: string } | undefined> {
    // Stop first: many phones cannot open a second camera while one is open.
    this.#stop(kind);
    this.#set({ [kind]: { ...NO_INPUT, deviceId } });
    let track: MediaStreamTrack | undefined;
    let problem: MediaProblem | undefined;
    try {
      track = orDefault ? await this.#captureOne(kind, { deviceId, exact }) : (await this.#capture({ [kind]: { deviceId, exact } }))[0];
    } catch (err) {
      problem = classifyMediaError(err);
    }
    if (this.#done) {
      track?.stop();
      return undefined;
    }
    // Labels can only be read once a device is open, and a new device may have appeared.
    this.#setDevices(await this.#enumerate());
    const state = this.#adopt(kind, track, problem ?? (track ? undefined : 'no-device'));
    if (!track) {
      this.#set({ [kind]: { ...state, deviceId } });
      return undefined;
    }
    return { deviceId: state.deviceId, label: track.label };
  }

  #adopt(kind: InputKind, track: MediaStreamTrack | undefined, problem: MediaProblem | undefined): InputState {
    if (this.#done) {
      track?.stop();
      return this.#state[kind];
    }
    track?.addEventListener('ended', this.#onDevicesChanged);
    const state: InputState = track ? { track, deviceId: track.getSettings().deviceId, problem: undefined } : { ...NO_INPUT, problem };
    this.#set({ [kind]: state });
    return state;
  }

  #stop(kind: InputKind): void {
    const { track } = this.#state[kind];
    if (!track) return;
    track.removeEventListener('ended', this.#onDevicesChanged);
    track.stop();
    this.#set({ [kind]: { ...this.#state[kind], track: undefined } });
  }

  /** A device came or went (or a track ended because its device was unplugged). */
  readonly #onDevicesChanged = (): void => {
    if (this.#done) return;
    void this.#run('switching', async () => {
      const listed = await this.#enumerate();
      if (this.#done) return;
      this.#setDevices(listed);
      for (const kind of ['camera', 'mic'] as const) {
        const current = this.#state[kind];
        const decision = reconcileInput(
          {
            hasTrack: current.track !== undefined,
            live: current.track?.readyState === 'live',
            deviceId: current.deviceId,
            problem: current.problem,
          },
          this.#prefs[kind],
          this.#state.devices[kind],
        );
        switch (decision.action) {
          case 'keep':
            break;
          case 'lost':
            this.#stop(kind);
            this.#set({ [kind]: { ...NO_INPUT, problem: 'no-device' }, notice: { kind, reason: 'lost', using: undefined } });
            break;
          case 'switch': {
            const opened = await this.#open(kind, decision.deviceId, { exact: decision.deviceId !== undefined, orDefault: true });
            if (this.#done) return;
            if (decision.reason === 'disconnected') {
              this.#set({ notice: { kind, reason: opened ? 'disconnected' : 'lost', using: opened?.label } });
            } else if (this.#state.notice?.kind === kind) {
              this.#set({ notice: undefined });
            }
            break;
          }
          default: {
            const unknown: never = decision;
            throw new Error(`unhandled ${JSON.stringify(unknown)}`);
          }
        }
      }
    });
  };

  async #capture(request: Partial<Record<InputKind, DeviceRequest>>): Promise<MediaStreamTrack[]> {
    const stream = await this.env.mediaDevices!.getUserMedia({
      video: request.camera ? videoConstraints(this.profile, request.camera.deviceId, request.camera.exact) : false,
      audio: request.mic ? audioConstraints(request.mic.deviceId, request.mic.exact) : false,
    });
    return stream.getTracks();
  }

  /** One kind; if a particular device fails (gone, or busy), the default may still work. */
  async #captureOne(kind: InputKind, request: DeviceRequest): Promise<MediaStreamTrack> {
    try {
      const [track] = await this.#capture({ [kind]: request });
      if (track) return track;
    } catch (err) {
      if (request.deviceId === undefined || classifyMediaError(err) === 'denied') throw err;
    }
    const [track] = await this.#capture({ [kind]: { deviceId: undefined, exact: false } });
    if (!track) throw Object.assign(new Error(`no ${kind}`), { name: 'NotFoundError' });
    return track;
  }

  async #enumerate(): Promise<MediaDeviceInfo[]> {
    try {
      return (await this.env.mediaDevices?.enumerateDevices()) ?? [];
    } catch {
      return [];
    }
  }

  /** Updates the pickers, and moves the speaker to the default if the chosen one is gone (or back if it returned). */
  #setDevices(listed: MediaDeviceInfo[]): void {
    // Before permission the list has no ids; an empty picker is better than one that cannot be used.
    const usable = (options: DeviceOption[]) => options.filter((d) => d.id !== '');
    const devices = {
      camera: usable(deviceOptions(listed, 'camera')),
      mic: usable(deviceOptions(listed, 'mic')),
      speaker: usable(deviceOptions(listed, 'speaker')),
    };
    // A browser that lists no speakers cannot send sound to a chosen one: use the default.
    const choice = chooseDevice(this.#prefs.speaker, devices.speaker);
    const speakerId = devices.speaker.length > 0 ? choice.deviceId : undefined;
    let notice = this.#state.notice;
    if (choice.fellBack && devices.speaker.length > 0 && this.#state.speakerId !== undefined) {
      notice = { kind: 'speaker', reason: this.#listedOnce ? 'disconnected' : 'fell-back', using: undefined };
    } else if (!choice.fellBack && notice?.kind === 'speaker') {
      notice = undefined;
    }
    this.#listedOnce = true;
    this.#set({ devices, speakerId, notice });
  }

  #set(patch: Partial<PreviewState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }
}
