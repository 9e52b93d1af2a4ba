import dgram from 'node:dgram';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/startServer.js';
import { call, capabilities, connectClient, join, startTestServer, type TestSocket } from './harness.js';

/*
 * T7: a member's network drops for seconds and comes back. What they receive resumes
 * mid-stream and their browser can show nothing until a keyframe; the SFU asks the senders
 * for one as soon as the member's own camera is heard again, instead of leaving it to the
 * browser (about a second later). Real RTP through plain transports (a benchmark server's),
 * a real worker; the sender of what the member receives sees the SFU's PLI on its socket.
 */

let server: RunningServer;
const sockets: TestSocket[] = [];
const udp: dgram.Socket[] = [];
beforeAll(async () => {
  server = await startTestServer({}, { benchPlainTransports: true });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const u of udp) u.close();
  await server?.close();
});

async function udpSocket(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  udp.push(socket);
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  return socket;
}

/** A VP8 RTP packet of a delta frame, one packet per frame (the SFU reads the payload descriptor, not the picture). */
function vp8(seq: number, ssrc: number): Buffer {
  const packet = Buffer.alloc(12 + 5 + 100, 0);
  packet[0] = 0x80;
  packet[1] = 0x80 | 96;
  packet.writeUInt16BE(seq & 0xffff, 2);
  packet.writeUInt32BE((seq * 3000) >>> 0, 4);
  packet.writeUInt32BE(ssrc, 8);
  // Payload descriptor: extended, start of partition 0, a 15-bit picture id; then a delta frame's header.
  packet[12] = 0x90;
  packet[13] = 0x80;
  packet.writeUInt16BE(0x8000 | (seq & 0x7fff), 14);
  packet[16] = 0x01;
  return packet;
}

/** Each RTCP packet in a (compound) datagram: its type, its count/format field and its bytes. */
function* rtcpPackets(datagram: Buffer): Generator<{ type: number; format: number; bytes: Buffer }> {
  let at = 0;
  while (at + 4 <= datagram.length) {
    const type = datagram[at + 1]!;
    if (datagram[at]! >> 6 !== 2 || type < 192 || type > 223) return;
    const length = (datagram.readUInt16BE(at + 2) + 1) * 4;
    yield { type, format: datagram[at]! & 0x1f, bytes: datagram.subarray(at, at + length) };
    at += length;
  }
}

/** The SSRCs a datagram asks a keyframe of (RTCP PLI: payload-specific feedback, format 1). */
function pliSsrcs(datagram: Buffer): number[] {
  return [...rtcpPackets(datagram)].filter((p) => p.type === 206 && p.format === 1).map((p) => p.bytes.readUInt32BE(8));
}

/** Whether a datagram holds the SFU's receiver report on this SSRC: it is receiving that stream. */
function reportsOn(datagram: Buffer, ssrc: number): boolean {
  for (const p of rtcpPackets(datagram)) {
    const blocksAt = p.type === 200 ? 28 : p.type === 201 ? 8 : undefined;
    if (blocksAt === undefined) continue;
    for (let i = 0; i < p.format; i++) if (p.bytes.readUInt32BE(blocksAt + i * 24) === ssrc) return true;
  }
  return false;
}

/** Sends a packet on each SSRC every 30 ms (about a camera's frame rate) until stopped. */
function stream(socket: dgram.Socket, to: { ip: string; port: number }, ssrcs: number[]) {
  let seq = 1;
  const timer = setInterval(() => {
    for (const ssrc of ssrcs) socket.send(vp8(seq, ssrc), to.port, to.ip);
    seq++;
  }, 30);
  return { stop: () => clearInterval(timer) };
}

const vp8Codec = { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] };

describe('keyframes when a member’s network comes back', () => {
  it('asks the senders of what the member receives for a keyframe as soon as the member’s camera is heard again', async () => {
    const [anaRecv, anaSend, benSend] = await Promise.all([udpSocket(), udpSocket(), udpSocket()]);
    const ana = await connectClient(server);
    const ben = await connectClient(server);
    sockets.push(ana, ben);
    await join(ana, 'drop-and-return', 'Ana');
    await join(ben, 'drop-and-return', 'Ben');
    await call(ana, 'transport:createPlain', { direction: 'recv', ip: '127.0.0.1', port: anaRecv.address().port });
    await call(ana, 'peer:ready', { rtpCapabilities: await capabilities(ana) });
    const offered = new Promise<string>((resolve) => ana.once('consumer:created', (c) => resolve(c.id)));

    // Ben's camera, a single stream, flowing throughout; his socket counts the SFU's PLIs on it.
    const benSsrc = 7001;
    const benOut = await call(ben, 'transport:createPlain', { direction: 'send', ip: '127.0.0.1', port: benSend.address().port });
    await call(ben, 'producer:create', {
      transportId: benOut.id,
      kind: 'video',
      source: 'camera',
      rtpParameters: { codecs: [vp8Codec], encodings: [{ ssrc: benSsrc }], rtcp: { cname: 'ben' } },
    });
    let plis = 0;
    benSend.on('message', (datagram: Buffer) => (plis += pliSsrcs(datagram).filter((s) => s === benSsrc).length));
    const benStream = stream(benSend, benOut, [benSsrc]);

    // Ana's camera, two simulcast layers (Hearth's own capture size), and Ben's camera playing at hers.
    const anaSsrcs = [8001, 8002];
    const anaOut = await call(ana, 'transport:createPlain', { direction: 'send', ip: '127.0.0.1', port: anaSend.address().port });
    await call(ana, 'producer:create', {
      transportId: anaOut.id,
      kind: 'video',
      source: 'camera',
      rtpParameters: { codecs: [vp8Codec], encodings: anaSsrcs.map((ssrc) => ({ ssrc })), rtcp: { cname: 'ana' } },
    });
    await call(ana, 'consumer:resume', { consumerId: await offered });
    const heard = new Promise<void>((resolve) => anaSend.on('message', (d: Buffer) => reportsOn(d, anaSsrcs[0]!) && resolve()));
    let anaStream = stream(anaSend, anaOut, anaSsrcs);
    try {
      await heard;

      // Ana's network drops: nothing from her for 2.5 s, long enough for the SFU to mark her
      // camera's streams inactive (1.5 s) and for the keyframe it asked of Ben when she
      // resumed his camera to have been given up (mediasoup waits 1 s, then once more).
      anaStream.stop();
      await new Promise((r) => setTimeout(r, 2_500));
      const before = plis;
      const back = Date.now();
      anaStream = stream(anaSend, anaOut, anaSsrcs);
      // Her browser would ask only once it failed to decode for a while; the SFU asks Ben now.
      await expect.poll(() => plis, { timeout: 1_000, interval: 10 }).toBeGreaterThan(before);
      expect(Date.now() - back).toBeLessThan(500);
    } finally {
      anaStream.stop();
      benStream.stop();
    }
  }, 20_000);
});
