import { useEffect, useState } from 'react';
import { levelFromSamples, smoothLevel } from './micLevel';

const SAMPLE_EVERY_MS = 50;

/**
 * The live level (0 … 1, in steps of 0.01) of a microphone track, read with a Web Audio
 * AnalyserNode. The graph only listens: nothing is played back.
 */
export function useMicLevel(track: MediaStreamTrack | undefined): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    setLevel(0);
    if (!track || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);

    // A context made before the page was touched may start suspended (autoplay rules);
    // the first tap or key press, such as typing a name, wakes it.
    const resume = () => {
      if (context.state === 'suspended') context.resume().catch(() => undefined);
    };
    resume();
    document.addEventListener('pointerdown', resume);
    document.addEventListener('keydown', resume);

    let shown = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      analyser.getFloatTimeDomainData(samples);
      shown = smoothLevel(shown, levelFromSamples(samples), now - last);
      last = now;
      setLevel(Math.round(shown * 100) / 100);
    }, SAMPLE_EVERY_MS);

    return () => {
      clearInterval(timer);
      document.removeEventListener('pointerdown', resume);
      document.removeEventListener('keydown', resume);
      source.disconnect();
      // Closing the context leaves the track alone: it may be on its way into the call.
      context.close().catch(() => undefined);
    };
  }, [track]);
  return level;
}
