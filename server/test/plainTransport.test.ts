import dgram from 'node:dgram';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/startServer.js';
import { call, capabilities, connectClient, join, send, startTestServer, type TestSocket } from './harness.js';

/*
 * transport:createPlain exists for the load benchmarks only (bench/media/): a production server
 * refuses it and makes nothing, since an SFU that sends media wherever a client names would
 * reflect floods at anyone. A server started for benchmarks forwards real RTP through it.
 */

const sockets: TestSocket[] = [];
const track = (s: TestSocket) => (sockets.push(s), s);
let production: RunningServer;
let bench: RunningServer;

beforeAll(async () => {
  production = await startTestServer();
  bench = await startTestServer({}, { benchPlainTransports: true });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await Promise.all([production?.close(), bench?.close()]);
});

async function udpSocket(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return socket;
}

/** An Opus RTP packet (the payload is not decoded by the SFU). */
function rtp(seq: number, ssrc: number): Buffer {
  const buf = Buffer.alloc(12 + 20, 0xf8);
  buf[0] = 0x80;
  buf[1] = 100;
  buf.writeUInt16BE(seq, 2);
  buf.writeUInt32BE(seq * 960, 4);
  buf.writeUInt32BE(ssrc, 8);
  return buf;
}

describe('plain RTP transports for load bots', () => {
  it('a production server refuses them and makes no transport', async () => {
    const ana = track(await connectClient(production));
    await join(ana, 'plain-refused', 'Ana');
    const ack = await send(ana, 'transport:createPlain', { direction: 'send', ip: '127.0.0.1', port: 40000 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const room = (await production.rooms.get('plain-refused'))!;
    expect((await room.dump()).transportIds).toEqual([]);
  });

  it('only towards this machine, even on a bench server', async () => {
    const ana = track(await connectClient(bench));
    await join(ana, 'plain-elsewhere', 'Ana');
    const ack = await send(ana, 'transport:createPlain', { direction: 'send', ip: '203.0.113.7', port: 40000 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('on a bench server, RTP a bot sends reaches another bot through its consumer', async () => {
    const receiver = await udpSocket();
    const sender = await udpSocket();
    try {
      const ana = track(await connectClient(bench));
      const ben = track(await connectClient(bench));
      await join(ana, 'plain-rtp', 'Ana');
      await join(ben, 'plain-rtp', 'Ben');
      await call(ben, 'transport:createPlain', { direction: 'recv', ip: '127.0.0.1', port: receiver.address().port });
      const created = new Promise<{ id: string; ssrc: number }>((resolve) =>
        ben.once('consumer:created', (c) => resolve({ id: c.id, ssrc: c.rtpParameters.encodings![0]!.ssrc! })),
      );
      await call(ben, 'peer:ready', { rtpCapabilities: await capabilities(ben) });
      const out = await call(ana, 'transport:createPlain', { direction: 'send', ip: '127.0.0.1', port: sender.address().port });
      await call(ana, 'producer:create', {
        transportId: out.id,
        kind: 'audio',
        source: 'mic',
        rtpParameters: { codecs: [{ mimeType: 'audio/opus', payloadType: 100, clockRate: 48000, channels: 2 }], encodings: [{ ssrc: 4242 }], rtcp: { cname: 'bot' } },
      });
      const consumer = await created;
      await call(ben, 'consumer:resume', { consumerId: consumer.id });

      const arrived = new Set<number>();
      receiver.on('message', (msg: Buffer) => {
        if (msg.length >= 12 && msg.readUInt32BE(8) === consumer.ssrc) arrived.add(msg.readUInt16BE(2));
      });
      // Twenty packets, one every 20 ms as a microphone sends them.
      for (let seq = 1; seq <= 20; seq++) {
        sender.send(rtp(seq, 4242), out.port, out.ip);
        await new Promise((r) => setTimeout(r, 20));
      }
      await expect.poll(() => arrived.size).toBe(20);
    } finally {
      receiver.close();
      sender.close();
    }
  });
});
