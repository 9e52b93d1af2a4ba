import { callPreferences } from './callPreferences';

/*
 * A short cue made with WebAudio (no sound file to download): a rising two-note chime when your
 * turn starts. Played only while the person has it on (the call's "More" menu). A facilitator's
 * alert chime is the console's own, with its own setting.
 */

export type Cue = 'turn';

const NOTES: Record<Cue, number[]> = { turn: [523.25, 659.25] };
const NOTE_SECONDS = 0.16;
const VOLUME = 0.12;

let context: AudioContext | undefined;

export function playCue(cue: Cue): void {
  if (!callPreferences().get().soundCues) return;
  try {
    context ??= new AudioContext();
    // A page that has not been touched yet may start suspended; the call has had a click (Join).
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime + 0.02;
    NOTES[cue].forEach((frequency, i) => {
      const at = start + i * NOTE_SECONDS;
      const oscillator = context!.createOscillator();
      const gain = context!.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      // A soft attack and decay, so the cue is a chime rather than a click.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(VOLUME, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + NOTE_SECONDS * 1.6);
      oscillator.connect(gain).connect(context!.destination);
      oscillator.start(at);
      oscillator.stop(at + NOTE_SECONDS * 1.7);
    });
  } catch {
    // No audio output (or no WebAudio): the visual cue and the announcement still happen.
  }
}
