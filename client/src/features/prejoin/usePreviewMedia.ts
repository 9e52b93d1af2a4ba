import { useEffect, useState, useSyncExternalStore } from 'react';
import { PreviewMedia, type PreviewState } from '../../session/PreviewMedia';
import type { CaptureProfile } from '../../session/localMedia';

const STARTING: PreviewState = {
  status: 'starting',
  camera: { track: undefined, deviceId: undefined, problem: undefined },
  mic: { track: undefined, deviceId: undefined, problem: undefined },
  devices: { camera: [], mic: [], speaker: [] },
  speakerId: undefined,
  notice: undefined,
};
const noSubscription = () => () => undefined;
const startingState = () => STARTING;

/**
 * The pre-join camera and microphone for as long as the screen is shown: opened on mount,
 * stopped on unmount and when the page is hidden for good (unless handed to the session).
 */
export function usePreviewMedia(capture: CaptureProfile): { preview: PreviewMedia | undefined; state: PreviewState } {
  const [preview, setPreview] = useState<PreviewMedia>();
  // A page restored from the back/forward cache opens the devices again.
  const [restored, setRestored] = useState(0);
  const { width, height, frameRate } = capture;

  useEffect(() => {
    const media = new PreviewMedia({ width, height, frameRate });
    setPreview(media);
    void media.start();
    const onPageHide = () => media.close();
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) setRestored((n) => n + 1);
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      media.close();
    };
  }, [width, height, frameRate, restored]);

  const state = useSyncExternalStore(preview?.subscribe ?? noSubscription, preview?.getState ?? startingState);
  return { preview, state };
}
