/**
 * A short two-note chime made with WebAudio (no sound file to download): soft, rising, under
 * half a second, so it draws the ear without alarming anyone who overhears it.
 */
let context: AudioContext | undefined;

export function playChime(): void {
  if (typeof window.AudioContext !== 'function') return;
  context ??= new AudioContext();
  const ctx = context;
  // The facilitator has clicked in the page (Join), so resuming is allowed by autoplay rules.
  void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.01;
  [659.25, 880].forEach((frequency, i) => {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + i * 0.16;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.32);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.35);
  });
}
