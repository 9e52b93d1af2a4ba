// A recorded camera and microphone, encoded once by ffmpeg (Debian's package) and cut into RTP
// payloads, so the load bots replay real VP8 and Opus without encoding anything while they run.
// Two VP8 layers as Hearth's phones send at their default capture (client/src/session/localMedia.ts:
// 640×360 at 24 fps, 600 kbit/s, and 320×180 at 200 kbit/s), Opus at 32 kbit/s in 20 ms frames.
// Kept in a cache directory keyed by these settings; a few hundred kB, never committed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SECONDS = 10;
const FPS = 24;
const KEYFRAME_EVERY = 48; // frames: a keyframe every 2 s (a new viewer or layer waits at most that long)
const LAYERS = [
  { width: 320, height: 180, bitrate: '200k' },
  { width: 640, height: 360, bitrate: '600k' },
];
const MAX_PAYLOAD = 1150;
const KEY = `v1-${SECONDS}s-${FPS}fps-g${KEYFRAME_EVERY}-${LAYERS.map((l) => `${l.width}x${l.height}@${l.bitrate}`).join('_')}`;

/** Encodes the clip once into the cache (about 5 s of one core), then reuses it. */
function encode() {
  const dir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'hearth', 'bench-media', KEY);
  const done = path.join(dir, 'audio.ogg');
  if (existsSync(done)) return dir;
  mkdirSync(dir, { recursive: true });
  const video = LAYERS.flatMap((l, i) => [
    '-map', '0:v', '-vf', `scale=${l.width}:${l.height}`, '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8',
    '-b:v', l.bitrate, '-maxrate', l.bitrate, '-bufsize', l.bitrate, '-g', String(KEYFRAME_EVERY), '-keyint_min', String(KEYFRAME_EVERY),
    '-auto-alt-ref', '0', '-f', 'ivf', '-y', path.join(dir, `layer${i}.ivf`),
  ]);
  try {
    execFileSync('ffmpeg', [
      '-hide_banner', '-loglevel', 'error',
      '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=${FPS}:duration=${SECONDS}`,
      '-f', 'lavfi', '-i', `sine=frequency=220:beep_factor=4:duration=${SECONDS}:sample_rate=48000`,
      ...video,
      '-map', '1:a', '-c:a', 'libopus', '-b:a', '32k', '-application', 'voip', '-frame_duration', '20', '-y', path.join(dir, 'audio.tmp.ogg'),
    ]);
    execFileSync('mv', [path.join(dir, 'audio.tmp.ogg'), done]);
  } catch (err) {
    throw new Error('could not encode the bench media with ffmpeg: run `apt-get install -y ffmpeg` (npm run setup -- --with-bench-tools does)', { cause: err });
  }
  return dir;
}

/** VP8 frames of an IVF file: { data, keyframe }. */
function ivfFrames(file) {
  const buf = readFileSync(file);
  const frames = [];
  for (let at = buf.readUInt16LE(6); at + 12 <= buf.length; ) {
    const size = buf.readUInt32LE(at);
    const data = buf.subarray(at + 12, at + 12 + size);
    frames.push({ data, keyframe: (data[0] & 1) === 0 });
    at += 12 + size;
  }
  return frames;
}

/** Opus packets of an Ogg file, without its two header packets. */
function oggPackets(file) {
  const buf = readFileSync(file);
  const packets = [];
  let current = [];
  for (let at = 0; at + 27 <= buf.length; ) {
    if (buf.toString('latin1', at, at + 4) !== 'OggS') throw new Error('not an Ogg page');
    const segments = buf[at + 26];
    let data = at + 27 + segments;
    for (let i = 0; i < segments; i++) {
      const len = buf[at + 27 + i];
      current.push(buf.subarray(data, data + len));
      data += len;
      if (len < 255) {
        packets.push(Buffer.concat(current));
        current = [];
      }
    }
    at = data;
  }
  return packets.slice(2);
}

/**
 * RTP payloads of one VP8 layer (RFC 7741): each frame split into packets of at most
 * MAX_PAYLOAD bytes behind a 4-byte descriptor (15-bit picture id, start bit on a frame's first
 * packet, which the SFU reads to find keyframes). `at` is the frame's time in ms, `ts` its RTP
 * timestamp offset (90 kHz).
 */
function vp8Packets(frames) {
  const packets = [];
  frames.forEach((frame, n) => {
    const pictureId = n & 0x7fff;
    for (let off = 0; off < frame.data.length; off += MAX_PAYLOAD) {
      const chunk = frame.data.subarray(off, off + MAX_PAYLOAD);
      const descriptor = Buffer.from([0x80 | (off === 0 ? 0x10 : 0), 0x80, 0x80 | (pictureId >> 8), pictureId & 0xff]);
      packets.push({
        at: (n * 1000) / FPS,
        ts: n * (90000 / FPS),
        marker: off + MAX_PAYLOAD >= frame.data.length,
        keyframe: frame.keyframe,
        payload: Buffer.concat([descriptor, chunk]),
      });
    }
  });
  return packets;
}

/**
 * The recording, loaded: `audio` and `video[layer]` are lists of packets in send order, each
 * { at (ms into the loop), ts (RTP timestamp offset), marker, payload }; the loop lasts `durationMs`.
 */
export function loadRecording() {
  const dir = encode();
  const audio = oggPackets(path.join(dir, 'audio.ogg')).map((payload, n) => ({ at: n * 20, ts: n * 960, marker: false, payload }));
  const video = LAYERS.map((_, i) => vp8Packets(ivfFrames(path.join(dir, `layer${i}.ivf`))));
  const bytes = (list) => list.reduce((sum, p) => sum + p.payload.length, 0);
  return {
    durationMs: SECONDS * 1000,
    audio,
    video,
    layers: LAYERS,
    describe: () =>
      `Opus ${((bytes(audio) * 8) / SECONDS / 1000).toFixed(0)} kbit/s (${audio.length / SECONDS} packets/s); VP8 ${LAYERS.map((l, i) => `${l.width}×${l.height} ${((bytes(video[i]) * 8) / SECONDS / 1000).toFixed(0)} kbit/s (${(video[i].length / SECONDS).toFixed(0)} packets/s)`).join(', ')}; ${FPS} fps, a keyframe every ${KEYFRAME_EVERY / FPS} s`,
  };
}
