/**
 * The microphone level a person sees, from an AnalyserNode's waveform. The scale is in
 * decibels, as hearing is: a quiet room sits at the bottom and normal speech near the
 * middle, so the bar moves visibly when someone talks at an ordinary volume.
 */

/** At or below this the bar is empty (a quiet room with noise suppression on). */
export const SILENCE_DBFS = -60;
/** At or above this the bar is full (talking loudly close to the microphone). */
export const LOUD_DBFS = -10;
/** How fast the bar falls back, in full bars per second; it rises at once. */
export const RELEASE_PER_SECOND = 1.5;

/** 0 (silence) … 1 (loud), from samples in -1 … 1. */
export function levelFromSamples(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sumOfSquares = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    sumOfSquares += s * s;
  }
  const rms = Math.sqrt(sumOfSquares / samples.length);
  if (rms === 0) return 0;
  const dbfs = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (dbfs - SILENCE_DBFS) / (LOUD_DBFS - SILENCE_DBFS)));
}

/** Rises at once and falls gently, so a word stays visible long enough to be seen. */
export function smoothLevel(shown: number, measured: number, elapsedMs: number): number {
  if (measured >= shown) return measured;
  return Math.max(measured, shown - (RELEASE_PER_SECOND * elapsedMs) / 1000);
}
