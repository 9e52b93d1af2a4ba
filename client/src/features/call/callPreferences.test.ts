import { describe, expect, it } from 'vitest';
import { parseStored, PreferenceStore } from './callPreferences';

function memoryStorage(initial?: string) {
  const data = new Map<string, string>(initial ? [['hearth.callPreferences', initial]] : []);
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('call preferences', () => {
  it('start small on a phone and shown on a laptop, in the gallery, with sound cues on', () => {
    expect(new PreferenceStore(memoryStorage(), true).get()).toEqual({ layout: 'gallery', selfView: 'small', soundCues: true });
    expect(new PreferenceStore(memoryStorage(), false).get()).toEqual({ layout: 'gallery', selfView: 'shown', soundCues: true });
  });

  it('are remembered on the device, only what was chosen', () => {
    const storage = memoryStorage();
    const first = new PreferenceStore(storage, true);
    first.set({ selfView: 'hidden' });
    first.set({ soundCues: false });
    expect(JSON.parse(storage.data.get('hearth.callPreferences')!)).toEqual({ selfView: 'hidden', soundCues: false });
    expect(new PreferenceStore(storage, true).get()).toEqual({ layout: 'gallery', selfView: 'hidden', soundCues: false });
  });

  it('follow the screen where nothing was chosen', () => {
    const store = new PreferenceStore(memoryStorage(), false);
    store.setPhone(true);
    expect(store.get().selfView).toBe('small');
    store.set({ selfView: 'shown' });
    store.setPhone(false);
    store.setPhone(true);
    expect(store.get().selfView).toBe('shown');
  });

  it('tell their listeners', () => {
    const store = new PreferenceStore(memoryStorage(), false);
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.set({ layout: 'speaker' });
    stop();
    store.set({ layout: 'gallery' });
    expect(calls).toBe(1);
  });

  it('ignore what they cannot read', () => {
    expect(parseStored('not json')).toEqual({});
    expect(parseStored('[1]')).toEqual({});
    expect(parseStored(JSON.stringify({ layout: 'tiles', selfView: 'small', soundCues: 'yes' }))).toEqual({ selfView: 'small' });
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    const store = new PreferenceStore(refusing, false);
    store.set({ selfView: 'small' });
    expect(store.get().selfView).toBe('small');
  });
});
