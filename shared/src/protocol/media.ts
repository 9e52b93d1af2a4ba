import { z } from 'zod';

/**
 * Shapes of the WebRTC/ORTC objects mediasoup-client sends. They are checked for
 * structure here; mediasoup's own ortc validation then checks their meaning.
 * Objects are loose so newer mediasoup-client fields pass through unchanged.
 */
const Id = z.string().min(1).max(128);
const Str = z.string().max(512);
// Codec parameters (fmtp) are scalars; mediasoup checks each value's type itself.
const Params = z.record(z.string().max(128), z.unknown());

export const MediaKind = z.enum(['audio', 'video']);
export type MediaKind = z.infer<typeof MediaKind>;

/** What a producer carries; the grid needs to tell a camera from a microphone. */
export const MediaSource = z.enum(['mic', 'camera']);
export type MediaSource = z.infer<typeof MediaSource>;

export const DtlsParameters = z.looseObject({
  role: z.enum(['auto', 'client', 'server']).optional(),
  fingerprints: z
    .array(z.looseObject({ algorithm: Str, value: Str }))
    .min(1)
    .max(8),
});

const RtcpFeedback = z.looseObject({ type: Str, parameter: Str.optional() });

const RtpCodecCapability = z.looseObject({
  kind: MediaKind,
  mimeType: Str,
  preferredPayloadType: z.number().int().min(0).max(127).optional(),
  clockRate: z.number().int().positive(),
  channels: z.number().int().positive().optional(),
  parameters: Params.optional(),
  rtcpFeedback: z.array(RtcpFeedback).max(32).optional(),
});

const RtpHeaderExtension = z.looseObject({
  kind: MediaKind,
  uri: Str,
  preferredId: z.number().int().min(1).max(255),
  preferredEncrypt: z.boolean().optional(),
  direction: z.enum(['sendrecv', 'sendonly', 'recvonly', 'inactive']).optional(),
});

export const RtpCapabilities = z.looseObject({
  codecs: z.array(RtpCodecCapability).max(64).optional(),
  headerExtensions: z.array(RtpHeaderExtension).max(64).optional(),
});

const RtpCodecParameters = z.looseObject({
  mimeType: Str,
  payloadType: z.number().int().min(0).max(127),
  clockRate: z.number().int().positive(),
  channels: z.number().int().positive().optional(),
  parameters: Params.optional(),
  rtcpFeedback: z.array(RtcpFeedback).max(32).optional(),
});

const RtpEncodingParameters = z.looseObject({
  ssrc: z.number().int().nonnegative().optional(),
  rid: Str.optional(),
  codecPayloadType: z.number().int().optional(),
  rtx: z.looseObject({ ssrc: z.number().int().nonnegative() }).optional(),
  dtx: z.boolean().optional(),
  scalabilityMode: Str.optional(),
  scaleResolutionDownBy: z.number().positive().optional(),
  maxBitrate: z.number().positive().optional(),
  maxFramerate: z.number().positive().optional(),
  active: z.boolean().optional(),
});

export const RtpParameters = z.looseObject({
  mid: Str.optional(),
  codecs: z.array(RtpCodecParameters).min(1).max(16),
  headerExtensions: z
    .array(z.looseObject({ uri: Str, id: z.number().int().min(1).max(255), encrypt: z.boolean().optional(), parameters: Params.optional() }))
    .max(32)
    .optional(),
  encodings: z.array(RtpEncodingParameters).max(8).optional(),
  rtcp: z.looseObject({ cname: Str.optional(), reducedSize: z.boolean().optional() }).optional(),
  msid: Str.optional(),
});

export const IceParameters = z.looseObject({ usernameFragment: Str, password: Str, iceLite: z.boolean().optional() });
export const IceCandidate = z.looseObject({
  foundation: Str,
  priority: z.number(),
  address: Str,
  protocol: z.enum(['udp', 'tcp']),
  port: z.number().int(),
  type: Str,
  tcpType: Str.optional(),
});

export type DtlsParameters = z.infer<typeof DtlsParameters>;
export type RtpCapabilities = z.infer<typeof RtpCapabilities>;
export type RtpParameters = z.infer<typeof RtpParameters>;

export { Id };
