import { useEffect, useRef, type RefObject } from 'react';
import type { SessionClient } from '../../session/SessionClient';

/**
 * The simulcast layer a tile needs, from its size on screen in device pixels: a phone
 * showing twelve thumbnails should not download twelve full-size streams.
 */
export function layerForWidth(devicePixels: number): number {
  if (devicePixels <= 200) return 0;
  if (devicePixels <= 420) return 1;
  return 2;
}

/** Watches a tile's size and asks the SFU for the layer that fits it, only when that changes. */
export function usePreferredLayer(client: SessionClient, consumerId: string | undefined, tile: RefObject<HTMLElement | null>): void {
  const requested = useRef<number>(undefined);
  useEffect(() => {
    const element = tile.current;
    if (!consumerId || !element) return;
    requested.current = undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const layer = layerForWidth(entry.contentRect.width * window.devicePixelRatio);
      if (layer === requested.current) return;
      clearTimeout(timer);
      // A window being dragged fires many resizes; ask once it settles.
      timer = setTimeout(() => {
        requested.current = layer;
        client.setPreferredLayer(consumerId, layer).catch(() => {
          requested.current = undefined;
        });
      }, 150);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [client, consumerId, tile]);
}
