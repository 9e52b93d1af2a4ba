import { z } from 'zod';
import { ackSchema, type Ack } from './ack.js';
import {
  DtlsParameters,
  IceCandidate,
  IceParameters,
  Id,
  MediaKind,
  MediaSource,
  RtpCapabilities,
  RtpParameters,
} from './media.js';
import { MemberCommand } from '../session/commands.js';
import { ConsentInput, DisplayName } from './people.js';
import type { SessionView } from '../session/views.js';

export { PROTOCOL_VERSION } from './version.js';

/** A room is a session: ids are URL-safe (base64url session ids, or a chosen slug). */
export const RoomId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{3,64}$/, 'room ids are 3–64 letters, digits, dashes or underscores');

export { DisplayName };

export const PeerInfo = z.object({ id: Id, displayName: z.string() });
export type PeerInfo = z.infer<typeof PeerInfo>;

export const Direction = z.enum(['send', 'recv']);
export type Direction = z.infer<typeof Direction>;

export const TransportOptions = z.object({
  id: Id,
  iceParameters: IceParameters,
  iceCandidates: z.array(IceCandidate),
  dtlsParameters: DtlsParameters,
});
export type TransportOptions = z.infer<typeof TransportOptions>;

export const ConsumerOptions = z.object({
  id: Id,
  producerId: Id,
  peerId: Id,
  kind: MediaKind,
  source: MediaSource,
  rtpParameters: RtpParameters,
  producerPaused: z.boolean(),
});
export type ConsumerOptions = z.infer<typeof ConsumerOptions>;

/** A TURN/STUN server a browser may relay through, with short-lived credentials. */
export const IceServer = z.object({
  urls: z.array(z.string()),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

const Empty = z.object({}).strict();

/**
 * A member's snapshot of the session. Built by the server from its own state
 * (session/views.ts), so clients take its shape from the type rather than re-validating it.
 */
export const SessionViewPayload = z.custom<SessionView>((v) => typeof v === 'object' && v !== null);

/**
 * Client → server commands: each has a request schema (parsed by the server before
 * anything else happens) and the schema of the data in its Ack.
 */
export const commands = {
  /**
   * The router's RTP capabilities: the same for every room on a node (one codec list), so a
   * browser asks for them on the pre-join screen and loads its mediasoup Device there, off the
   * join path. Any connection may ask; nothing about a room or a person is in them.
   */
  'media:capabilities': {
    request: Empty,
    response: z.object({ routerRtpCapabilities: RtpCapabilities }),
  },
  /**
   * Into a room's media. A browser sends its Device's `rtpCapabilities` (loaded from
   * media:capabilities): the server then makes both WebRTC transports and a paused consumer of
   * everything already produced, counts the peer as ready, and answers with all of it: one
   * round trip from Join to consumers. What is produced later arrives as consumer:created.
   * Without them (the tests' signalling clients, the benchmarks' bots) the peer makes its own
   * transports (transport:create, or a bot's transport:createPlain) and says peer:ready.
   */
  'room:join': {
    request: z
      .object({ protocolVersion: z.number().int(), roomId: RoomId, displayName: DisplayName, rtpCapabilities: RtpCapabilities.optional() })
      .strict(),
    response: z.object({
      peerId: Id,
      peers: z.array(PeerInfo),
      /** Who is speaking now; later changes arrive as speaker:changed. */
      activeSpeakerId: Id.nullable(),
      /** Relays for networks that block direct UDP and TCP to the media server. */
      iceServers: z.array(IceServer),
      /** Both WebRTC transports, made with the join: present exactly when `rtpCapabilities` was sent. */
      transports: z.object({ send: TransportOptions, recv: TransportOptions }).optional(),
      /** With the transports: a paused consumer of each track already produced, cameras first (resume each once shown). */
      consumers: z.array(ConsumerOptions).optional(),
    }),
  },
  'room:leave': { request: Empty, response: Empty },
  /**
   * Enter the session the connection's credential (invite link or staff sign-in) is for.
   * Participants bring their consent; the answer is their first snapshot.
   */
  'session:enter': {
    request: z
      .object({
        consent: z.nullable(ConsentInput),
        /**
         * The client applies `session:patched` (viewPatch.ts): after the first snapshot, only
         * the fields of its view that changed are sent. Without it, every change is a full snapshot.
         */
        patches: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ view: SessionViewPayload }),
  },
  /**
   * The member's full snapshot now, for a client whose view a patch does not fit (it holds
   * another version than the patch starts from): patches go on from this one.
   */
  'session:resync': { request: Empty, response: z.object({ view: SessionViewPayload }) },
  /**
   * Leave the session on purpose ("Leave"): the facilitators see the member has left, at once
   * rather than after the reconnect grace. Entering again later goes through the waiting room.
   */
  'session:leave': { request: Empty, response: Empty },
  /** Who this connection's credential says it is, before entering: the pre-join screen shows it. */
  'session:identity': {
    request: Empty,
    response: z.object({
      displayName: z.string(),
      role: z.enum(['facilitator', 'participant']),
      sessionId: Id,
      /** Set when the session runs on another node: the client connects to this address instead. */
      node: z.string().optional(),
      /** CAM2, facilitators only: the cohort's minutes of camera off before the console flags it; absent = no flag. */
      cameraOffFlagMinutes: z.number().int().positive().optional(),
      /** Context for the participant's screens (pre-join, waiting room, the end): what group, when. */
      context: z
        .object({
          /** The cohort's name, e.g. "Tuesday evening IOP". */
          groupName: z.string(),
          /** The session's title. */
          title: z.string(),
          /** Epoch ms; absent for a session without a set time. */
          scheduledStart: z.number().optional(),
          /** The next session of the same group after this one, if one is scheduled (epoch ms). */
          nextSessionStart: z.number().optional(),
          /** The cohort's IANA time zone, to show times on the group's clock. */
          timeZone: z.string(),
        })
        .optional(),
    }),
  },
  /**
   * A facilitator asks for proposed breakout pairs: the server pairs the people in the room,
   * avoiding who met in the cohort's earlier sessions and any pair named in `never`.
   */
  'breakout:propose': {
    request: z
      .object({
        never: z.array(z.tuple([Id, Id])).max(64),
        odd: z.enum(['triad', 'facilitator']),
      })
      .strict(),
    response: z.object({ groups: z.array(z.array(Id)), repeats: z.number().int() }),
  },
  /** A chat message, relayed at once and never stored (to everyone, or privately to the facilitators). */
  'chat:send': {
    request: z
      .object({ to: z.enum(['everyone', 'facilitators']), text: z.string().trim().min(1).max(1000) })
      .strict(),
    response: Empty,
  },
  /** A moderation or self-service command; who may send which is in session/permissions.ts. */
  'session:command': {
    request: MemberCommand,
    response: z.object({ version: z.number().int() }),
  },
  /**
   * One WebRTC transport, for a peer that joined without `rtpCapabilities` (a browser gets both
   * with room:join instead). Refused once the peer has a transport of that direction.
   */
  'transport:create': {
    request: z.object({ direction: Direction }).strict(),
    response: TransportOptions,
  },
  /**
   * Benchmarks only: a plain RTP transport for a load-generating bot on this machine (no ICE,
   * no DTLS), connected at once to the bot's loopback address. Refused with FORBIDDEN unless the
   * server was started for benchmarks (a startServer option, never read from the environment):
   * an SFU that sends media wherever a client names would be a reflector for floods.
   * With `srtp`, the worker encrypts what it sends as it does for a browser (the bot's key
   * decrypts what it sends back).
   */
  'transport:createPlain': {
    request: z
      .object({
        direction: Direction,
        ip: z.literal('127.0.0.1'),
        port: z.number().int().min(1).max(65535),
        srtp: z.object({ cryptoSuite: z.enum(['AEAD_AES_256_GCM', 'AES_CM_128_HMAC_SHA1_80']), keyBase64: z.string().max(100) }).strict().optional(),
      })
      .strict(),
    response: z.object({ id: Id, ip: z.string(), port: z.number().int() }),
  },
  'transport:connect': {
    request: z.object({ transportId: Id, dtlsParameters: DtlsParameters }).strict(),
    response: Empty,
  },
  'transport:restartIce': {
    request: z.object({ transportId: Id }).strict(),
    response: z.object({ iceParameters: IceParameters }),
  },
  /**
   * For a peer that joined without `rtpCapabilities`, once it has a receive transport: the
   * server then offers every existing producer. Refused for one that is ready already.
   */
  'peer:ready': {
    request: z.object({ rtpCapabilities: RtpCapabilities }).strict(),
    response: Empty,
  },
  'producer:create': {
    request: z
      .object({ transportId: Id, kind: MediaKind, source: MediaSource, rtpParameters: RtpParameters })
      .strict(),
    response: z.object({ producerId: Id }),
  },
  'producer:pause': { request: z.object({ producerId: Id }).strict(), response: Empty },
  'producer:resume': { request: z.object({ producerId: Id }).strict(), response: Empty },
  'producer:close': { request: z.object({ producerId: Id }).strict(), response: Empty },
  /**
   * The client shows the consumer's track (attached it, or shows its tile again); until then it
   * stays paused on the SFU. It plays only while the session's subscription policy allows.
   */
  'consumer:resume': { request: z.object({ consumerId: Id }).strict(), response: Empty },
  /**
   * The client is not showing this camera (its tile is on another page): the SFU stops forwarding
   * it, and keeps it stopped whatever the policy says, until `consumer:resume`. Video only: audio
   * is always received.
   */
  'consumer:pause': { request: z.object({ consumerId: Id }).strict(), response: Empty },
  'consumer:setPreferredLayers': {
    request: z
      .object({
        consumerId: Id,
        spatialLayer: z.number().int().min(0).max(3),
        temporalLayer: z.number().int().min(0).max(3).optional(),
      })
      .strict(),
    response: Empty,
  },
} as const;

export type CommandName = keyof typeof commands;
export type CommandRequest<K extends CommandName> = z.input<(typeof commands)[K]['request']>;
export type CommandResponse<K extends CommandName> = z.output<(typeof commands)[K]['response']>;
export const commandAckSchema = <K extends CommandName>(name: K) => ackSchema(commands[name].response);

/** Server → client facts, named in the past tense. */
export const serverEvents = {
  'peer:joined': PeerInfo,
  'peer:left': z.object({ peerId: Id }),
  'consumer:created': ConsumerOptions,
  'consumer:closed': z.object({ consumerId: Id }),
  'consumer:paused': z.object({ consumerId: Id }),
  'consumer:resumed': z.object({ consumerId: Id }),
  'consumer:layersChanged': z.object({
    consumerId: Id,
    spatialLayer: z.number().int().nullable(),
    temporalLayer: z.number().int().nullable(),
  }),
  'speaker:changed': z.object({ peerId: Id.nullable() }),
  /**
   * The room's media was lost on the server (its mediasoup worker died): everything this
   * peer had there is gone. Join again at once: a new router is already being made.
   */
  'room:reset': z.object({}),
  /** The member's new snapshot, after every accepted change; older versions are dropped. */
  'session:updated': z.object({ view: SessionViewPayload }),
  /**
   * To a client that asked for patches: the fields of its view that changed between version
   * `from` (the last it was sent) and `version`. Applied only to a view of version `from`
   * (applyViewPatch); any other asks for `session:resync`.
   */
  'session:patched': z.object({
    from: z.number().int().nonnegative(),
    version: z.number().int().positive(),
    /** New values of the fields that changed or appeared, built by the server like the view's. */
    set: z.record(z.string(), z.unknown()),
    /** Fields the view no longer has. */
    unset: z.array(z.string()),
  }),
  /** To facilitators only: a member pressed "I need help". */
  'session:help': z.object({
    memberId: Id,
    displayName: z.string(),
    location: z.string().nullable(),
    callbackNumber: z.string().nullable(),
    at: z.number(),
  }),
  /** A chat message for this member; it exists only in the clients that received it. */
  'chat:message': z.object({
    fromId: Id,
    fromName: z.string(),
    to: z.enum(['everyone', 'facilitators']),
    text: z.string(),
    at: z.number(),
  }),
  /** Sent just before the server closes this connection. `signed-out`: the staff sign-in it was opened with ended. */
  'session:closed': z.object({ reason: z.enum(['removed', 'denied', 'ended', 'replaced', 'signed-out']) }),
} as const;

export type ServerEventName = keyof typeof serverEvents;
export type ServerEventPayload<K extends ServerEventName> = z.output<(typeof serverEvents)[K]>;

export type ClientToServerEvents = {
  [K in CommandName]: (payload: CommandRequest<K>, ack: (response: Ack<CommandResponse<K>>) => void) => void;
};
export type ServerToClientEvents = {
  [K in ServerEventName]: (payload: ServerEventPayload<K>) => void;
};
