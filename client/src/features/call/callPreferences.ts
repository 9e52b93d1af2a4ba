import { useSyncExternalStore } from 'react';

/*
 * How this device likes its call laid out, remembered between evenings (localStorage): the
 * layout, the self view, and whether the start of your turn makes a sound. Only what the person
 * chose is stored; the rest follows the device (a phone starts with a small self view).
 */

export type LayoutMode = 'gallery' | 'speaker';
export type SelfView = 'shown' | 'small' | 'hidden';
export type CallPreferences = { layout: LayoutMode; selfView: SelfView; soundCues: boolean };

const KEY = 'hearth.callPreferences';
const LAYOUTS: readonly LayoutMode[] = ['gallery', 'speaker'];
const SELF_VIEWS: readonly SelfView[] = ['shown', 'small', 'hidden'];

export function defaultPreferences(phone: boolean): CallPreferences {
  return { layout: 'gallery', selfView: phone ? 'small' : 'shown', soundCues: true };
}

/** What was stored, field by field; anything unreadable (another version, a hand edit) is ignored. */
export function parseStored(raw: string | null): Partial<CallPreferences> {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : {};
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const stored: Partial<CallPreferences> = {};
  if (LAYOUTS.includes(v['layout'] as LayoutMode)) stored.layout = v['layout'] as LayoutMode;
  if (SELF_VIEWS.includes(v['selfView'] as SelfView)) stored.selfView = v['selfView'] as SelfView;
  if (typeof v['soundCues'] === 'boolean') stored.soundCues = v['soundCues'];
  return stored;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** A tiny store: components read it through useCallPreferences; session code may read it directly. */
export class PreferenceStore {
  #stored: Partial<CallPreferences>;
  #value: CallPreferences;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly storage: Storage | undefined,
    private phone: boolean,
  ) {
    this.#stored = parseStored(safely(() => storage?.getItem(KEY) ?? null) ?? null);
    this.#value = { ...defaultPreferences(phone), ...this.#stored };
  }

  get = (): CallPreferences => this.#value;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  set = (patch: Partial<CallPreferences>): void => {
    this.#stored = { ...this.#stored, ...patch };
    // Private browsing may refuse to store: the choice still holds for this page.
    safely(() => this.storage?.setItem(KEY, JSON.stringify(this.#stored)));
    this.#update();
  };

  /** The screen became phone-sized (or stopped being): what was not chosen follows it. */
  setPhone = (phone: boolean): void => {
    this.phone = phone;
    this.#update();
  };

  #update(): void {
    this.#value = { ...defaultPreferences(this.phone), ...this.#stored };
    for (const listener of this.#listeners) listener();
  }
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

let store: PreferenceStore | undefined;

/** This page's preferences (made on first use, so importing this module touches no browser API). */
export function callPreferences(): PreferenceStore {
  if (!store) {
    const phone = window.matchMedia('(max-width: 600px)');
    const made = new PreferenceStore(
      safely(() => window.localStorage),
      phone.matches,
    );
    phone.addEventListener('change', (e) => made.setPhone(e.matches));
    store = made;
  }
  return store;
}

export function useCallPreferences(): [CallPreferences, (patch: Partial<CallPreferences>) => void] {
  const s = callPreferences();
  return [useSyncExternalStore(s.subscribe, s.get), s.set];
}
