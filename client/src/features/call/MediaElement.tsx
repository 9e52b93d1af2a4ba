import { useEffect, useRef } from 'react';
import { loadDevicePreferences } from '../../session/devices';

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
    const audio = ref.current as (HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }) | null;
    if (!audio) return;
    audio.srcObject = new MediaStream([track]);
    // The speaker chosen before joining, where the browser lets a page choose one.
    const speaker = loadDevicePreferences(localStorage).speaker?.id;
    if (speaker && audio.setSinkId) audio.setSinkId(speaker).catch(() => undefined);
    audio.play().catch(() => undefined);
  }, [track]);
  return <audio ref={ref} autoPlay data-testid="remote-audio" />;
}
