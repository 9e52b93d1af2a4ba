// The load bots' RTP, in a process of its own (rtpBots.mjs starts one or a few), so neither the
// Hearth server's event loop (in the benchmark's main process) nor one thread's capacity is
// what paces it: senders replay the recording with each bot's own SSRCs, sequence numbers and
// timestamps; receivers count packets per SSRC (each consumer has its own).
import dgram from 'node:dgram';
import { loadRecording } from './recording.mjs';

const workerData = JSON.parse(process.argv[2] ?? '{}');
// Bounded: the process ends with the benchmark that started it, even if that one is killed.
process.on('disconnect', () => process.exit(0));

const AUDIO_PT = 100;
const VIDEO_PT = 101;
const AUDIO_LEVEL_EXT_ID = 1;
const TICK_MS = 5;

const rec = loadRecording();
rec.audio = rec.audio.filter((p) => p.at < rec.durationMs);
const started = performance.now();

function udp(port = 0) {
  const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 8 * 2 ** 20, sendBufferSize: 8 * 2 ** 20 });
  return new Promise((resolve) => socket.bind(port, '127.0.0.1', () => resolve(socket)));
}

const sender = await udp();
sender.on('message', () => {}); // RTCP from the SFU (receiver reports, PLI): a camera would answer PLI; the recording has regular keyframes.
const receivers = await Promise.all(Array.from({ length: workerData.receivers }, () => udp()));

/** Per SSRC received: count, first and highest extended sequence number. */
const received = new Map();
function onRtp(buf) {
  if (buf.length < 12 || buf[1] >= 200 && buf[1] <= 206) return; // RTCP (SR from the SFU)
  const ssrc = buf.readUInt32BE(8);
  const seq = buf.readUInt16BE(2);
  let s = received.get(ssrc);
  if (!s) {
    received.set(ssrc, (s = { count: 0, highest: seq, first: seq }));
  } else {
    // Extended sequence number: the candidate nearest to the highest seen (wraps every 65536).
    let ext = (s.highest & ~0xffff) | seq;
    if (ext < s.highest - 32768) ext += 65536;
    else if (ext > s.highest + 32768) ext -= 65536;
    if (ext > s.highest) s.highest = ext;
  }
  s.count++;
}
for (const r of receivers) r.on('message', onRtp);

/** A bot's microphone and camera layers, each a stream replaying the recording in a loop. */
const bots = new Map();
let sent = 0;

function stream(kind, packets, ssrc, phaseMs) {
  return { kind, packets, ssrc, seq: Math.floor(Math.random() * 30000), tsBase: Math.floor(Math.random() * 2 ** 30), index: 0, loop: 0, phaseMs, sentPackets: 0, sentBytes: 0 };
}

function packet(s, p, level) {
  const audio = s.kind === 'audio';
  const header = audio ? 20 : 12;
  const buf = Buffer.allocUnsafe(header + p.payload.length);
  buf[0] = audio ? 0x90 : 0x80;
  buf[1] = (p.marker ? 0x80 : 0) | (audio ? AUDIO_PT : VIDEO_PT);
  buf.writeUInt16BE(s.seq, 2);
  s.seq = (s.seq + 1) & 0xffff;
  const clock = audio ? 48 : 90;
  buf.writeUInt32BE((s.tsBase + p.ts + s.loop * rec.durationMs * clock) >>> 0, 4);
  buf.writeUInt32BE(s.ssrc, 8);
  if (audio) {
    // One-byte header extension (RFC 8285): the audio level the SFU's speaker detection reads.
    buf.writeUInt32BE(0xbede0001, 12);
    buf[16] = (AUDIO_LEVEL_EXT_ID << 4) | 0;
    buf[17] = (level < 127 ? 0x80 : 0) | Math.min(127, Math.max(0, -level));
    buf[18] = 0;
    buf[19] = 0;
  }
  p.payload.copy(buf, header);
  return buf;
}

const NTP_EPOCH_OFFSET_S = 2_208_988_800;
const SR_EVERY_MS = 1000;

/**
 * An RTCP sender report: which RTP timestamp of the stream is this wall-clock instant. The SFU
 * lines simulcast layers up by them and switches a viewer to another layer only once it has
 * them, as a browser sends them.
 */
function senderReport(s, now) {
  const buf = Buffer.alloc(28);
  buf[0] = 0x80;
  buf[1] = 200;
  buf.writeUInt16BE(6, 2);
  buf.writeUInt32BE(s.ssrc, 4);
  const wallMs = performance.timeOrigin + started + now;
  const seconds = Math.floor(wallMs / 1000);
  buf.writeUInt32BE((seconds + NTP_EPOCH_OFFSET_S) >>> 0, 8);
  buf.writeUInt32BE(Math.floor(((wallMs % 1000) / 1000) * 2 ** 32) >>> 0, 12);
  const clock = s.kind === 'audio' ? 48 : 90;
  buf.writeUInt32BE((s.tsBase + Math.floor((now - s.phaseMs) * clock)) >>> 0, 16);
  buf.writeUInt32BE(s.sentPackets >>> 0, 20);
  buf.writeUInt32BE(s.sentBytes >>> 0, 24);
  return buf;
}

function tick() {
  const now = performance.now() - started;
  for (const bot of bots.values()) {
    if (bot.paused) continue;
    if (now - bot.reportedAt >= SR_EVERY_MS) {
      bot.reportedAt = now;
      for (const s of bot.streams) sender.send(senderReport(s, now), bot.port, '127.0.0.1');
    }
    for (const s of bot.streams) {
      const t = now - s.phaseMs;
      // Bounded: at most one loop's worth of packets per stream per tick.
      for (let n = 0; n < s.packets.length; n++) {
        const p = s.packets[s.index];
        if (s.loop * rec.durationMs + p.at > t) break;
        const rtp = packet(s, p, bot.level);
        sender.send(rtp, bot.port, '127.0.0.1');
        sent++;
        s.sentPackets++;
        s.sentBytes += rtp.length;
        if (++s.index === s.packets.length) {
          s.index = 0;
          s.loop++;
        }
      }
    }
  }
}
const timer = setInterval(tick, TICK_MS);

function addBot({ id, port, audioSsrc, videoSsrcs, level = -127 }) {
  const now = performance.now() - started;
  // Each bot starts at its own point of the clip (keyframes not all at once), from now.
  const offset = Math.random() * rec.durationMs;
  const streams = [];
  const start = (kind, packets, ssrc) => {
    const s = stream(kind, packets, ssrc, now - offset);
    s.index = packets.findIndex((p) => p.at >= offset);
    if (s.index < 0) s.index = 0;
    streams.push(s);
  };
  if (audioSsrc !== undefined) start('audio', rec.audio, audioSsrc);
  (videoSsrcs ?? []).forEach((ssrc, layer) => start('video', rec.video[layer], ssrc));
  bots.set(id, { port, level, streams, reportedAt: -Infinity });
}

process.on('message', ({ id, op, args }) => {
  let result;
  switch (op) {
    case 'ports':
      result = { sender: sender.address().port, receivers: receivers.map((r) => r.address().port), recording: rec.describe() };
      break;
    case 'addBot':
      addBot(args);
      break;
    case 'setLevel':
      for (const bot of args.ids.map((i) => bots.get(i))) if (bot) bot.level = args.level;
      break;
    case 'removeBots':
      for (const i of args.ids) bots.delete(i);
      break;
    case 'pauseBots':
      for (const bot of args.ids.map((i) => bots.get(i))) if (bot) bot.paused = true;
      break;
    case 'resumeBots': {
      // As a muted sender comes back: its streams go on where they stopped (sequence numbers
      // without a gap), timed from now.
      const now = performance.now() - started;
      for (const bot of args.ids.map((i) => bots.get(i))) {
        if (!bot?.paused) continue;
        bot.paused = false;
        for (const s of bot.streams) s.phaseMs = now - (s.loop * rec.durationMs + s.packets[s.index].at);
      }
      break;
    }
    case 'counters':
      result = { sent, received: Object.fromEntries([...received].map(([ssrc, s]) => [ssrc, { count: s.count, highest: s.highest, first: s.first }])) };
      break;
    case 'stop':
      clearInterval(timer);
      sender.close();
      for (const r of receivers) r.close();
      break;
    default:
      throw new Error(`unknown op ${op}`);
  }
  process.send({ id, result });
});
// Set up: the parent may ask now (messages sent before the listener above would be lost).
process.send({ ready: true });
