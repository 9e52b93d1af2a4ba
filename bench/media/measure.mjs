// One measurement window over the bots: the worker's CPU, loss per consumer, where packets were
// dropped (the SFU's sockets or the bots' own), and where the machine's CPU went (the worker,
// the benchmark's main process with Hearth's Node, each bots' process, everything else), so a
// figure can say which process was the limit.
import { readFileSync } from 'node:fs';
import { cpuSeconds, lossBetween, udpDrops } from './rtpBots.mjs';

/** Busy and total CPU seconds of the whole machine so far (/proc/stat, all cores). */
function machineSeconds() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0); // idle + iowait
  return { busy: (total - idle) / 100, total: total / 100 };
}

export async function measureWindow({ bots, pid, ssrcs, seconds, during = async () => {} }) {
  const snapshot = async () => ({
    at: performance.now(),
    cpu: await cpuSeconds(pid),
    counters: await bots.counters(),
    sfuDrops: await udpDrops({ pid }),
    botDrops: await udpDrops({ ports: bots.ports ?? [bots.senderPort, ...bots.receiverPorts] }),
    bench: process.cpuUsage(),
    botsCpu: bots.cpuSeconds?.() ?? [],
    machine: machineSeconds(),
  });
  const before = await snapshot();
  const until = before.at + seconds * 1000;
  await during(until);
  const left = until - performance.now();
  if (left > 0) await new Promise((r) => setTimeout(r, left));
  const after = await snapshot();
  const wall = (after.at - before.at) / 1000;
  const loss = lossBetween(before.counters, after.counters, ssrcs());
  return {
    seconds: wall,
    workerCpu: (after.cpu - before.cpu) / wall,
    // The benchmark's main process: Hearth's Node (signalling, sessions) and the benchmark's clients.
    benchCpu: (after.bench.user + after.bench.system - before.bench.user - before.bench.system) / 1e6 / wall,
    // Each bots' process, in cores.
    botsCpu: after.botsCpu.map((s, i) => (s - (before.botsCpu[i] ?? 0)) / wall),
    // The whole machine, in cores busy (other people's work included).
    machineBusy: (after.machine.busy - before.machine.busy) / wall,
    consumers: loss.active,
    packetsPerSecond: loss.received / wall,
    sentPerSecond: (after.counters.sent - before.counters.sent) / wall,
    loss: loss.loss,
    lost: loss.lost,
    // A packet the bots' own full socket dropped is one consumer packet lost outside the SFU;
    // what is left is the SFU's (a packet dropped at its socket is lost to every consumer of it).
    sfuLoss: loss.expected > 0 ? Math.max(0, loss.lost - (after.botDrops - before.botDrops)) / loss.expected : 0,
    sfuDrops: after.sfuDrops - before.sfuDrops,
    botDrops: after.botDrops - before.botDrops,
  };
}

export const pct = (x, digits = 2) => `${(x * 100).toFixed(digits)} %`;
