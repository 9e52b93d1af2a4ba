import { useEffect, type RefObject } from 'react';
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

/** How long a tile's size must hold before its layer is asked for: a dragged window fires many resizes. */
const SETTLE_MS = 150;

/**
 * Asks for the layer a tile needs once its size has settled, and only when that differs from
 * the last one asked for. A size that returns to what was already asked for cancels the request
 * still waiting: otherwise a resize through a large size to a small one (a phone turning, a
 * window snapped) would end on the large layer.
 */
export function settledLayerRequests(send: (layer: number) => Promise<void>, settleMs = SETTLE_MS) {
  let requested: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    observe(layer: number): void {
      clearTimeout(timer);
      if (layer === requested) return;
      timer = setTimeout(() => {
        requested = layer;
        send(layer).catch(() => {
          // Not applied: ask again at the next resize.
          requested = undefined;
        });
      }, settleMs);
    },
    stop(): void {
      clearTimeout(timer);
    },
  };
}

/** Watches a tile's size and asks the SFU for the layer that fits it, only when that changes. */
export function usePreferredLayer(
  client: MediaClient,
  video: { consumerId: string; spatialLayers: number } | undefined,
  tile: RefObject<HTMLElement | null>,
): void {
  const consumerId = video?.consumerId;
  const layers = video?.spatialLayers ?? 1;
  useEffect(() => {
    const element = tile.current;
    if (!consumerId || !element || layers < 2) return;
    const requests = settledLayerRequests((layer) => client.setPreferredLayer(consumerId, layer));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) requests.observe(layerForWidth(entry.contentRect.width * window.devicePixelRatio, TOP_LAYER_WIDTH, layers));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      requests.stop();
    };
  }, [client, consumerId, layers, tile]);
}
