// The main thread's handle on the bots' RTP thread (rtpThread.mjs), and loss from its counters.
import { Worker } from 'node:worker_threads';

export async function startRtpBots({ receivers = 8 } = {}) {
  const thread = new Worker(new URL('./rtpThread.mjs', import.meta.url), { workerData: { receivers } });
  const pending = new Map();
  let next = 0;
  thread.on('message', ({ id, result }) => {
    pending.get(id)?.(result);
    pending.delete(id);
  });
  const failed = new Promise((_, reject) => thread.once('error', reject));
  const ask = (op, args) => Promise.race([failed, new Promise((resolve) => { const id = next++; pending.set(id, resolve); thread.postMessage({ id, op, args }); })]);
  const ports = await ask('ports');
  let ssrc = 0x10000000 + Math.floor(Math.random() * 0x1000000);
  return {
    senderPort: ports.sender,
    receiverPorts: ports.receivers,
    recording: ports.recording,
    /** Fresh SSRCs for a bot: one for its microphone, one per camera layer. */
    ssrcs: () => ({ audio: ssrc++, video: [ssrc++, ssrc++] }),
    addBot: (bot) => ask('addBot', bot),
    setLevel: (ids, level) => ask('setLevel', { ids, level }),
    removeBots: (ids) => ask('removeBots', { ids }),
    /** Bots that stop sending for a while and go on later, as a muted sender does. */
    pauseBots: (ids) => ask('pauseBots', { ids }),
    resumeBots: (ids) => ask('resumeBots', { ids }),
    counters: () => ask('counters'),
    async stop() {
      await ask('stop');
      await thread.terminate();
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
