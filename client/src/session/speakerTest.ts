import { canChooseSpeaker } from './devices';

/** Two soft, rising notes (C5, then E5): a chime, not a beep. */
const NOTES = [
  { frequency: 523.25, at: 0, length: 0.7 },
  { frequency: 659.25, at: 0.45, length: 0.9 },
];
const PEAK_GAIN = 0.18;
const START_DELAY_S = 0.1;

/**
 * Plays a short, gentle tone through `sinkId` (the chosen speaker) where the browser can
 * route audio to a device, else through the default output. Resolves when it has ended.
 */
export async function playTestTone(sinkId: string | undefined): Promise<void> {
  const context = new AudioContext();
  let element: HTMLAudioElement | undefined;
  try {
    let output: AudioNode = context.destination;
    if (sinkId && canChooseSpeaker()) {
      // An <audio> element can be sent to a chosen device everywhere setSinkId exists;
      // AudioContext.setSinkId is newer and Chromium-only.
      const stream = context.createMediaStreamDestination();
      element = new Audio();
      element.srcObject = stream.stream;
      await element.setSinkId(sinkId);
      await element.play();
      output = stream;
    }
    await context.resume();
    const start = context.currentTime + START_DELAY_S;
    let end = start;
    for (const note of NOTES) {
      const t = start + note.at;
      const oscillator = context.createOscillator();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      const envelope = context.createGain();
      envelope.gain.setValueAtTime(0, t);
      envelope.gain.linearRampToValueAtTime(PEAK_GAIN, t + 0.04);
      envelope.gain.exponentialRampToValueAtTime(0.0001, t + note.length);
      oscillator.connect(envelope).connect(output);
      oscillator.start(t);
      oscillator.stop(t + note.length);
      end = Math.max(end, t + note.length);
    }
    await new Promise((resolve) => setTimeout(resolve, (end - context.currentTime) * 1000 + 50));
  } finally {
    element?.pause();
    if (element) element.srcObject = null;
    await context.close().catch(() => undefined);
  }
}
