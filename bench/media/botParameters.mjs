// What a load bot declares when it produces: the recording's payload types and SSRCs.
import { randomBytes } from 'node:crypto';

export const micParameters = (ssrc) => ({
  codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 } }],
  headerExtensions: [{ uri: 'urn:ietf:params:rtp-hdrext:ssrc-audio-level', id: 1 }],
  encodings: [{ ssrc }],
  rtcp: { cname: `bot${ssrc}` },
});

export const cameraParameters = (ssrcs) => ({
  codecs: [{ mimeType: 'video/VP8', payloadType: 101, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }] }],
  encodings: ssrcs.map((ssrc) => ({ ssrc })),
  rtcp: { cname: `bot${ssrcs[0]}` },
});

/**
 * What the SFU sends a bot is SRTP-encrypted, as for a browser (AES-256-GCM, what mediasoup
 * prefers in DTLS-SRTP), so each forwarded packet costs the worker its encryption too. The bots
 * count packets by their clear headers and never decrypt. What bots send is plain RTP: the
 * worker skips one decryption per packet it receives (one in every 16 it forwards in a full group).
 */
export const srtpForBot = () => ({ cryptoSuite: 'AEAD_AES_256_GCM', keyBase64: randomBytes(44).toString('base64') });

/**
 * What a bot can receive: the router's codecs without bandwidth estimation (transport-cc,
 * REMB, abs-send-time). A bot sends no feedback, and with estimation on, the SFU would take
 * its silence for a link with no room and thin the video down; without it, each consumer is
 * sent the layer its viewer asked for, as a browser on a fast loopback link would be.
 */
export function botRtpCapabilities(routerCapabilities) {
  const estimation = (uri) => /transport-wide-cc|abs-send-time/.test(uri);
  return {
    ...routerCapabilities,
    codecs: routerCapabilities.codecs.map((c) => ({ ...c, rtcpFeedback: (c.rtcpFeedback ?? []).filter((f) => f.type !== 'transport-cc' && f.type !== 'goog-remb') })),
    headerExtensions: (routerCapabilities.headerExtensions ?? []).filter((e) => !estimation(e.uri)),
  };
}
