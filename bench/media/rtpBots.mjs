// The main process's handle on the bots' RTP processes (rtpProcess.mjs): one or a few, each
// sending and counting for the groups given to it, so what one thread can send and count is not
// the limit a benchmark measures. The main process keeps the signalling and collects the counts.
import { fork } from 'node:child_process';
import { cpuSecondsOf } from '../stats.mjs';
import { loadRecording } from './recording.mjs';

/** One bots' process: its own sender socket, `receivers` receiving sockets, its bots. */
async function startShard({ receivers }) {
  const child = fork(new URL('./rtpProcess.mjs', import.meta.url), [JSON.stringify({ receivers })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let next = 0;
  let ready;
  const started = new Promise((resolve) => (ready = resolve));
  const failed = new Promise((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`a bots' RTP process exited (${code ?? signal})`)));
  });
  failed.catch(() => undefined); // answered through ask(), or not at all once stopped
  child.on('message', (m) => {
    if (m.ready) return ready();
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  const ask = (op, args) => Promise.race([failed, new Promise((resolve) => { const id = next++; pending.set(id, resolve); child.send({ id, op, args }); })]);
  await Promise.race([failed, started]);
  const ports = await ask('ports');
  return {
    pid: child.pid,
    ports,
    ask,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask('stop').catch(() => undefined);
      child.disconnect();
      await exited;
    },
  };
}

/** A handle on one process's bots: what a group (hearthGroup.mjs, bareGroup.mjs) uses. */
function botsOf(shard, nextSsrcs) {
  return {
    pid: shard.pid,
    senderPort: shard.ports.sender,
    receiverPorts: shard.ports.receivers,
    recording: shard.ports.recording,
    /** Fresh SSRCs for a bot: one for its microphone, one per camera layer. */
    ssrcs: nextSsrcs,
    addBot: (bot) => shard.ask('addBot', bot),
    setLevel: (ids, level) => shard.ask('setLevel', { ids, level }),
    removeBots: (ids) => shard.ask('removeBots', { ids }),
    /** Bots that stop sending for a while and go on later, as a muted sender does. */
    pauseBots: (ids) => shard.ask('pauseBots', { ids }),
    resumeBots: (ids) => shard.ask('resumeBots', { ids }),
  };
}

/**
 * `processes` bots' processes. The handle is itself the first process's bots (what a benchmark
 * of one group uses); `shard(i)` is the i-th process's (groups spread over them); `counters`
 * and `cpuSeconds` are over all of them.
 */
export async function startRtpBots({ receivers = 8, processes = 1 } = {}) {
  const rec = loadRecording(); // encoded once here, before the processes read it from the cache
  const perSecond = (packets) => packets.filter((p) => p.at < rec.durationMs).length / (rec.durationMs / 1000);
  const shards = await Promise.all(Array.from({ length: processes }, () => startShard({ receivers })));
  let ssrc = 0x10000000 + Math.floor(Math.random() * 0x1000000);
  // One SSRC sequence for every process: a consumer's packets are counted by SSRC.
  const nextSsrcs = () => ({ audio: ssrc++, video: [ssrc++, ssrc++] });
  const handles = shards.map((s) => botsOf(s, nextSsrcs));
  return {
    ...handles[0],
    processes,
    /** Packets per second of the clip's microphone and of each camera layer (what a bot sends, what a consumer of it gets). */
    packetRates: { audio: perSecond(rec.audio), video: rec.video.map(perSecond) },
    shard: (i) => handles[i % handles.length],
    pids: shards.map((s) => s.pid),
    /** Every bots' socket (the sender's and the receivers'), for the drops at them. */
    ports: shards.flatMap((s) => [s.ports.sender, ...s.ports.receivers]),
    /** Each process's CPU seconds so far. */
    cpuSeconds: () => shards.map((s) => cpuSecondsOf(s.pid)),
    /** Packets sent and, per SSRC received, count, first and highest sequence number: all processes'. */
    async counters() {
      const each = await Promise.all(shards.map((s) => s.ask('counters')));
      return { sent: each.reduce((n, c) => n + c.sent, 0), received: Object.assign({}, ...each.map((c) => c.received)) };
    },
    async stop() {
      await Promise.all(shards.map((s) => s.stop()));
    },
  };
}

/**
 * Loss between two counter snapshots, for the SSRCs given (the consumers measured): per SSRC,
 * expected = the advance of its highest sequence number (RFC 3550's interval loss), received =
 * the advance of its count. The SFU numbers each consumer's packets without gaps (also across
 * pauses and layer switches), so a gap is a packet lost on the way: at the SFU's socket, in
 * the SFU, or at the bots' own sockets (dropsAt tells those apart).
 */
export function lossBetween(before, after, ssrcs) {
  let expected = 0;
  let got = 0;
  let active = 0;
  for (const ssrc of ssrcs) {
    const a = after.received[ssrc];
    if (!a) continue;
    const b = before.received[ssrc];
    const e = b ? a.highest - b.highest : a.highest - a.first + 1;
    const r = b ? a.count - b.count : a.count;
    if (r > 0) active++;
    expected += e;
    got += r;
  }
  return { expected, received: got, lost: Math.max(0, expected - got), loss: expected > 0 ? Math.max(0, expected - got) / expected : 0, active };
}

/**
 * Packets the kernel dropped because a UDP socket's buffer was full (/proc/net/udp), at the
 * sockets of process `pid` (the SFU's worker) or at the local `ports` given (the bots').
 */
export async function udpDrops({ pid, ports = [] }) {
  const { readFile, readdir, readlink } = await import('node:fs/promises');
  const inodes = new Set();
  if (pid !== undefined) {
    for (const fd of await readdir(`/proc/${pid}/fd`)) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const m = /^socket:\[(\d+)\]$/.exec(link);
      if (m) inodes.add(m[1]);
    }
  }
  const wanted = new Set(ports);
  let drops = 0;
  for (const line of (await readFile('/proc/net/udp', 'utf8')).split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 13) continue;
    const port = parseInt(cols[1].split(':')[1], 16);
    if (wanted.has(port) || inodes.has(cols[9])) drops += Number(cols[cols.length - 1]);
  }
  return drops;
}

/** CPU seconds a process has used (utime + stime, /proc/<pid>/stat). */
export async function cpuSeconds(pid) {
  const { readFile } = await import('node:fs/promises');
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
}
