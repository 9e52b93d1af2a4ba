import { useSyncExternalStore } from 'react';

/**
 * Whether the console chimes for a new alert: on unless the facilitator turned it off, and
 * remembered in this browser (a setting of the device, not of the session).
 */
const KEY = 'hearth.console.alert-sound';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setAlertSound(on: boolean): void {
  try {
    window.localStorage.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  current = on;
  for (const listener of listeners) listener();
}

let current: boolean | undefined;

export function alertSoundOn(): boolean {
  current ??= read();
  return current;
}

export function useAlertSound(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    alertSoundOn,
  );
}
