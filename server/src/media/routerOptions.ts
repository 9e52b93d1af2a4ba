import type { types } from 'mediasoup';
import { generateRouterRtpCapabilities } from 'mediasoup/ortc';

/** Opus for speech, VP8 for video: what every browser and phone decodes in software. */
export const mediaCodecs: types.RouterRtpCodecCapability[] = [
  {
    kind: 'audio',
    mimeType: 'audio/opus',
    clockRate: 48000,
    channels: 2,
    parameters: { useinbandfec: 1, usedtx: 1 },
  },
  {
    kind: 'video',
    mimeType: 'video/VP8',
    clockRate: 90000,
    parameters: { 'x-google-start-bitrate': 600 },
  },
];

/**
 * mediasoup 3.27 takes its capture-time reference from abs-capture-time whenever it is
 * negotiated, and Chrome never sends it, so simulcast layer switching stalled in a
 * measurement (../shared/notes/mediasoup-offline-worker.md). Chromium 156 with
 * mediasoup-client 3.24.1 does not negotiate it here even when offered (checked with the
 * layer-switching e2e test); leaving it out of what clients see keeps any client that
 * would from walking into the stall.
 */
const OMITTED_HEADER_EXTENSIONS = new Set(['http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time']);

export function clientRtpCapabilities(routerCapabilities: types.RtpCapabilities): types.RtpCapabilities {
  return {
    ...routerCapabilities,
    headerExtensions: (routerCapabilities.headerExtensions ?? []).filter(
      (ext) => !OMITTED_HEADER_EXTENSIONS.has(ext.uri),
    ),
  };
}

let clientCapabilities: types.RtpCapabilities | undefined;

/**
 * What every router of this node offers clients (media:capabilities): the same for every room,
 * since every router is made from `mediaCodecs`. Worked out as mediasoup's createRouter does
 * (its own ortc function, on a copy of the list), without a worker; Room.test.ts checks it
 * against a real router's.
 */
export function routerClientCapabilities(): types.RtpCapabilities {
  clientCapabilities ??= clientRtpCapabilities(generateRouterRtpCapabilities(structuredClone(mediaCodecs)));
  return clientCapabilities;
}
