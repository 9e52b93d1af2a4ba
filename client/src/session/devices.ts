/**
 * Choosing cameras, microphones and speakers: what the browser lists, what the participant
 * chose last time, and what to do when a device comes or goes. Pure functions, so the rules
 * are tested without a browser; PreviewMedia applies them.
 */

export type InputKind = 'camera' | 'mic';
export type DeviceKind = InputKind | 'speaker';

/** One entry of a device picker. */
export type DeviceOption = { id: string; label: string };

/** A remembered choice. The label too: some browsers hand out a new id after a reboot. */
export type StoredDevice = { id: string; label: string };
export type DevicePreferences = Partial<Record<DeviceKind, StoredDevice>>;

const MEDIA_KIND: Record<DeviceKind, MediaDeviceKind> = { camera: 'videoinput', mic: 'audioinput', speaker: 'audiooutput' };
const FALLBACK_LABEL: Record<DeviceKind, string> = { camera: 'Camera', mic: 'Microphone', speaker: 'Speaker' };

/**
 * The picker entries of one kind. Windows adds a "communications" twin of a real device;
 * it would only confuse. A browser that hides labels (no permission yet) gets numbered names.
 */
export function deviceOptions(devices: readonly Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>[], kind: DeviceKind): DeviceOption[] {
  const seen = new Set<string>();
  const options: DeviceOption[] = [];
  for (const device of devices) {
    if (device.kind !== MEDIA_KIND[kind] || device.deviceId === 'communications' || seen.has(device.deviceId)) continue;
    seen.add(device.deviceId);
    options.push({ id: device.deviceId, label: device.label || `${FALLBACK_LABEL[kind]} ${options.length + 1}` });
  }
  return options;
}

/** Whether any device of `kind` is listed. An empty list means the browser said nothing yet. */
export function hasDevice(devices: readonly Pick<MediaDeviceInfo, 'kind'>[], kind: DeviceKind): boolean {
  return devices.length === 0 || devices.some((d) => d.kind === MEDIA_KIND[kind]);
}

export type DeviceChoice = {
  /** The device to ask for; undefined: the browser's default. */
  deviceId: string | undefined;
  /** A device was remembered but is not here now. */
  fellBack: boolean;
};

/**
 * The device to open: the remembered one if it is here (by id, else by its name), otherwise
 * the default. Before permission the browser lists devices without ids; then the remembered
 * id is the best guess and the browser picks the default if it is gone.
 */
export function chooseDevice(preferred: StoredDevice | undefined, available: readonly DeviceOption[]): DeviceChoice {
  if (!preferred) return { deviceId: undefined, fellBack: false };
  if (!available.some((d) => d.id !== '')) return { deviceId: preferred.id, fellBack: false };
  const match = available.find((d) => d.id === preferred.id) ?? available.find((d) => d.label !== '' && d.label === preferred.label);
  return match ? { deviceId: match.id, fellBack: false } : { deviceId: undefined, fellBack: true };
}

/** Whether the device in use is the one the participant chose (always true when they chose none). */
export function isPreferred(preferred: StoredDevice | undefined, inUse: DeviceOption | undefined): boolean {
  if (!preferred) return true;
  if (!inUse) return false;
  return inUse.id === preferred.id || (preferred.label !== '' && inUse.label === preferred.label);
}

export type InputNow = {
  /** A track is open for this kind (live or ended). */
  hasTrack: boolean;
  /** The open track still delivers media (an unplugged device ends it). */
  live: boolean;
  deviceId: string | undefined;
  /** Why there is no track, if there is none. */
  problem: string | undefined;
};

export type Reconcile =
  | { action: 'keep' }
  | { action: 'switch'; deviceId: string | undefined; reason: 'disconnected' | 'preferred-back' | 'plugged-in' }
  | { action: 'lost' };

/**
 * What to do with one kind of input after the device list changed: move off a device that
 * went away (to the remembered one or the default), go back to the remembered one when it
 * returns, open a device that was plugged in where there was none, or say it is lost.
 */
export function reconcileInput(now: InputNow, preferred: StoredDevice | undefined, available: readonly DeviceOption[]): Reconcile {
  const choice = chooseDevice(preferred, available);
  if (!now.hasTrack) {
    return now.problem === 'no-device' && available.length > 0
      ? { action: 'switch', deviceId: choice.deviceId, reason: 'plugged-in' }
      : { action: 'keep' };
  }
  const present = now.deviceId !== undefined && available.some((d) => d.id === now.deviceId);
  if (!now.live || !present) {
    return available.length > 0 ? { action: 'switch', deviceId: choice.deviceId, reason: 'disconnected' } : { action: 'lost' };
  }
  const inUse = available.find((d) => d.id === now.deviceId);
  if (preferred && choice.deviceId !== undefined && !isPreferred(preferred, inUse)) {
    return { action: 'switch', deviceId: choice.deviceId, reason: 'preferred-back' };
  }
  return { action: 'keep' };
}

const STORAGE_KEY = 'hearth.devices';

function isStoredDevice(value: unknown): value is StoredDevice {
  return typeof value === 'object' && value !== null && typeof (value as StoredDevice).id === 'string' && typeof (value as StoredDevice).label === 'string';
}

/** The remembered devices; anything unreadable is forgotten rather than trusted. */
export function loadDevicePreferences(storage: Pick<Storage, 'getItem'> | undefined): DevicePreferences {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const prefs: DevicePreferences = {};
  for (const kind of ['camera', 'mic', 'speaker'] as const) {
    const value = (parsed as Record<string, unknown>)[kind];
    if (isStoredDevice(value)) prefs[kind] = { id: value.id, label: value.label };
  }
  return prefs;
}

/** Remembers a choice. Storage may be full or disabled (private browsing): then it is just not remembered. */
export function saveDevicePreference(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  kind: DeviceKind,
  device: StoredDevice,
): DevicePreferences {
  const prefs = { ...loadDevicePreferences(storage), [kind]: device };
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Not remembered; the choice still applies now.
  }
  return prefs;
}

/** Whether audio can be sent to a chosen speaker (Safari cannot). */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && typeof HTMLMediaElement.prototype.setSinkId === 'function';
}
