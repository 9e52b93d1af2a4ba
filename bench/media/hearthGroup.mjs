// A group of bots in Hearth: a facilitator and participants entered, admitted and in the media
// room through Hearth's own signalling (real Socket.IO, real credentials), each producing the
// recording's microphone and camera over a plain RTP transport (bench-only transport:createPlain)
// and consuming what the session's policy and its own screen let it.
import { PROTOCOL_VERSION } from '../../shared/dist/index.js';
import { call, connect, consent, prepareGroup } from '../rig.mjs';
import { botRtpCapabilities, cameraParameters, micParameters, srtpForBot } from './botParameters.mjs';
import { tilesFor } from './viewing.mjs';

/** Opens a group of `size` bots (one facilitator) on the bench server. */
export async function openHearthGroup(bench, bots, { size, layout }) {
  const { server, cookie, sockets } = bench;
  const { sessionId, invites } = await prepareGroup(bench, size - 1);
  const facilitator = await connect(server.url, { sessionId }, cookie);
  sockets.push(facilitator);
  await call(facilitator, 'session:enter', { consent: null });
  const members = [{ socket: facilitator, id: undefined }];
  for (const invite of invites) {
    const socket = await connect(server.url, { invite: invite.token });
    sockets.push(socket);
    await call(socket, 'session:enter', { consent });
    members.push({ socket, id: invite.memberId });
  }
  await call(facilitator, 'session:command', { type: 'admitAll' });

  const group = { sessionId, facilitator, members, layout, speaker: null, consumers: new Map(), botIds: [] };
  for (const [i, m] of members.entries()) {
    const joined = await call(m.socket, 'room:join', { protocolVersion: PROTOCOL_VERSION, roomId: sessionId, displayName: `bot${i}` });
    m.id = joined.peerId;
    m.tiles = new Map();
    // Consumers offered: voices are always played; a camera only when a tile shows it.
    m.socket.on('consumer:created', (c) => {
      const consumer = { id: c.id, senderId: c.peerId, kind: c.kind, ssrc: c.rtpParameters.encodings[0].ssrc, viewer: m, shown: false, layer: undefined };
      group.consumers.set(c.id, consumer);
      void applyView(consumer).catch(() => undefined);
    });
    m.socket.on('consumer:closed', ({ consumerId }) => group.consumers.delete(consumerId));
    const port = bots.receiverPorts[i % bots.receiverPorts.length];
    await call(m.socket, 'transport:createPlain', { direction: 'recv', ip: '127.0.0.1', port, srtp: srtpForBot() });
    const { routerRtpCapabilities } = await call(m.socket, 'media:capabilities', {});
    await call(m.socket, 'peer:ready', { rtpCapabilities: botRtpCapabilities(routerRtpCapabilities) });
  }
  const roster = members.map((m) => m.id);
  for (const m of members) m.tiles = tilesFor(layout, m.id, roster, null);
  for (const m of members) {
    const send = await call(m.socket, 'transport:createPlain', { direction: 'send', ip: '127.0.0.1', port: bots.senderPort });
    const ssrcs = bots.ssrcs();
    await call(m.socket, 'producer:create', { transportId: send.id, kind: 'audio', source: 'mic', rtpParameters: micParameters(ssrcs.audio) });
    await call(m.socket, 'producer:create', { transportId: send.id, kind: 'video', source: 'camera', rtpParameters: cameraParameters(ssrcs.video) });
    const bot = { id: `${sessionId}:${m.id}`, port: send.port, audioSsrc: ssrcs.audio, videoSsrcs: ssrcs.video, level: -60 };
    group.botIds.push(bot.id);
    await bots.addBot(bot);
  }

  /** Brings one consumer in line with its viewer's screen, as the browser's client does. */
  async function applyView(c) {
    const socket = c.viewer.socket;
    if (c.kind === 'audio') {
      if (!c.shown) {
        c.shown = true;
        await call(socket, 'consumer:resume', { consumerId: c.id }).catch(() => undefined); // held by the session: plays once allowed
      }
      return;
    }
    const layer = c.viewer.tiles.get(c.senderId);
    if (layer === undefined) {
      if (c.shown) await call(socket, 'consumer:pause', { consumerId: c.id });
      c.shown = false;
      return;
    }
    if (c.layer !== layer) {
      c.layer = layer;
      await call(socket, 'consumer:setPreferredLayers', { consumerId: c.id, spatialLayer: layer });
    }
    if (!c.shown) {
      c.shown = true;
      await call(socket, 'consumer:resume', { consumerId: c.id }).catch(() => undefined);
    }
  }

  const command = (cmd) => call(facilitator, 'session:command', cmd);
  /** The screens after the round's speaker changed (speaker view on phones). */
  const speakerIs = async (speaker) => {
    group.speaker = speaker;
    for (const m of members) m.tiles = tilesFor(layout, m.id, roster, speaker);
    await Promise.all([...group.consumers.values()].map((c) => applyView(c).catch(() => undefined)));
    await bots.setLevel(group.botIds, -60);
    if (speaker) await bots.setLevel([`${sessionId}:${speaker}`], -25);
  };
  const participants = roster.slice(1);
  Object.assign(group, {
    roster,
    /** Every consumer of this group's viewers, by SSRC (what the bots' receivers count). */
    ssrcs: () => [...group.consumers.values()].map((c) => c.ssrc),
    async startRound() {
      await command({ type: 'startRound', prompt: 'check-in', order: 'roster', turnSeconds: 600, feedbackSeconds: null, speakerOnly: true });
      await speakerIs((await server.sessions.get(sessionId)).snapshot.round?.turn.speakerId ?? null);
    },
    async nextTurn() {
      await command({ type: 'skipTurn' });
      const round = (await server.sessions.get(sessionId)).snapshot.round;
      await speakerIs(round?.turn.speakerId ?? null);
    },
    async endRound() {
      if ((await server.sessions.get(sessionId)).snapshot.round) await command({ type: 'endRound' });
      await speakerIs(null);
    },
    async pairs() {
      const groups = [];
      for (let i = 0; i + 1 < participants.length; i += 2) groups.push(participants.slice(i, i + 2));
      await command({ type: 'startBreakout', prompt: 'p', durationSeconds: 600, groups });
    },
    async back() {
      await command({ type: 'endBreakout' });
      bench.time.offset += 11_000;
      const session = await server.sessions.get(sessionId);
      await session.run({ type: 'breakoutTick' }, { kind: 'system' });
    },
    /** The bots stop sending (their producers go quiet), and start again. */
    stopSending: () => bots.pauseBots(group.botIds),
    startSending: () => bots.resumeBots(group.botIds),
    async close() {
      await bots.removeBots(group.botIds);
      for (const m of members) m.socket.disconnect();
    },
  });
  return group;
}
