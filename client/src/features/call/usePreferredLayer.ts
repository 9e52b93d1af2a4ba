import { useEffect, useRef, type RefObject } from 'react';
import { DEFAULT_CAPTURE } from '../../session/localMedia';
import type { MediaClient } from '../../session/MediaClient';

/**
 * The simulcast layer a tile needs, from its width on screen in device pixels: a phone
 * showing twelve thumbnails should not download twelve full-size streams. Each layer is
 * half the width of the one above (see simulcastEncodings); the lowest one that is at
 * least about as wide as the tile is enough, since a slight upscale is not visible.
 */
export function layerForWidth(tileDevicePixels: number, topLayerWidth: number, layers: number): number {
  for (let layer = 0; layer < layers - 1; layer++) {
    const width = topLayerWidth / 2 ** (layers - 1 - layer);
    if (width >= tileDevicePixels * 0.8) return layer;
  }
  return layers - 1;
}

const TOP_LAYER_WIDTH = DEFAULT_CAPTURE.width;

/** Watches a tile's size and asks the SFU for the layer that fits it, only when that changes. */
export function usePreferredLayer(
  client: MediaClient,
  video: { consumerId: string; spatialLayers: number } | undefined,
  tile: RefObject<HTMLElement | null>,
): void {
  const consumerId = video?.consumerId;
  const layers = video?.spatialLayers ?? 1;
  const requested = useRef<number>(undefined);
  useEffect(() => {
    const element = tile.current;
    if (!consumerId || !element || layers < 2) return;
    requested.current = undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const layer = layerForWidth(entry.contentRect.width * window.devicePixelRatio, TOP_LAYER_WIDTH, layers);
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
  }, [client, consumerId, layers, tile]);
}
