// The same bots on a bare mediasoup router, no Hearth: what an SFU costs with no control path
// at all (no signalling, no session, no policy, no speaker or talk-time observers). The same
// producers and consumers, shown and paused the same way by the same viewing rules.
import { mediaCodecs } from '../../server/dist/media/routerOptions.js';
import { BOT_SOCKET_BUFFER_BYTES } from '../../server/dist/rooms/Room.js';
import { botRtpCapabilities, cameraParameters, micParameters, srtpForBot } from './botParameters.mjs';
import { tilesFor } from './viewing.mjs';


async function plainTransport(router, port, srtp) {
  const transport = await router.createPlainTransport({
    listenInfo: { protocol: 'udp', ip: '127.0.0.1', recvBufferSize: BOT_SOCKET_BUFFER_BYTES, sendBufferSize: BOT_SOCKET_BUFFER_BYTES },
    rtcpMux: true,
    comedia: false,
    ...(srtp ? { enableSrtp: true, srtpCryptoSuite: srtp.cryptoSuite } : {}),
  });
  await transport.connect({ ip: '127.0.0.1', port, ...(srtp ? { srtpParameters: srtp } : {}) });
  return transport;
}

/** A group of `size` bots on its own router of `worker`, everyone consuming everyone. */
export async function openBareGroup(worker, bots, { size, layout }) {
  const router = await worker.createRouter({ mediaCodecs });
  const caps = botRtpCapabilities(router.rtpCapabilities);
  const members = [];
  for (let i = 0; i < size; i++) {
    const recv = await plainTransport(router, bots.receiverPorts[i % bots.receiverPorts.length], srtpForBot());
    members.push({ id: `bare${i}`, recv, producers: [] });
  }
  const roster = members.map((m) => m.id);
  const consumers = [];
  const botIds = [];
  for (const m of members) {
    const send = await plainTransport(router, bots.senderPort);
    const ssrcs = bots.ssrcs();
    m.producers.push(await send.produce({ kind: 'audio', rtpParameters: micParameters(ssrcs.audio) }));
    m.producers.push(await send.produce({ kind: 'video', rtpParameters: cameraParameters(ssrcs.video) }));
    const bot = { id: `${router.id}:${m.id}`, port: send.tuple.localPort, audioSsrc: ssrcs.audio, videoSsrcs: ssrcs.video, level: -60 };
    botIds.push(bot.id);
    await bots.addBot(bot);
  }
  for (const viewer of members) {
    const tiles = tilesFor(layout, viewer.id, roster, null);
    for (const sender of members) {
      if (sender === viewer) continue;
      for (const producer of sender.producers) {
        const layer = producer.kind === 'video' ? tiles.get(sender.id) : undefined;
        // A hidden camera is made and left paused, as Hearth leaves it.
        const consumer = await viewer.recv.consume({ producerId: producer.id, rtpCapabilities: caps, paused: true });
        if (layer !== undefined) await consumer.setPreferredLayers({ spatialLayer: layer });
        if (producer.kind === 'audio' || layer !== undefined) await consumer.resume();
        consumers.push(consumer);
      }
    }
  }
  return {
    ssrcs: () => consumers.map((c) => c.rtpParameters.encodings[0].ssrc),
    stopSending: () => bots.pauseBots(botIds),
    startSending: () => bots.resumeBots(botIds),
    async close() {
      await bots.removeBots(botIds);
      router.close();
    },
  };
}
