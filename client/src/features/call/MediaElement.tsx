import { useEffect, useRef } from 'react';

/** Plays one track; re-attaches only when the track itself changes. */
export function VideoElement({ track, mirrored, testId }: { track: MediaStreamTrack; mirrored?: boolean; testId: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = new MediaStream([track]);
  }, [track]);
  return <video ref={ref} autoPlay playsInline muted className={mirrored ? 'mirrored' : undefined} data-testid={testId} />;
}

export function AudioElement({ track }: { track: MediaStreamTrack }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    ref.current.srcObject = new MediaStream([track]);
    ref.current.play().catch(() => undefined);
  }, [track]);
  return <audio ref={ref} autoPlay data-testid="remote-audio" />;
}
