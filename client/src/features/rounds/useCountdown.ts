import { useEffect, useState } from 'react';

/**
 * Seconds left of a turn, counted from when the snapshot arrived (the server sends the time
 * left, so the device's clock does not matter).
 */
export function useCountdown(remainingMs: number | undefined, paused: boolean, key: string | undefined): number | undefined {
  const [received, setReceived] = useState(() => performance.now());
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    setReceived(performance.now());
  }, [remainingMs, key]);
  useEffect(() => {
    if (remainingMs === undefined || paused) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [remainingMs, paused]);
  if (remainingMs === undefined) return undefined;
  const left = paused ? remainingMs : remainingMs - Math.max(0, now - received);
  return Math.max(0, Math.ceil(left / 1000));
}

export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
