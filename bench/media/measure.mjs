// One measurement window over the bots: the worker's CPU, loss per consumer, and where packets
// were dropped (the SFU's sockets or the bots' own).
import { cpuSeconds, lossBetween, udpDrops } from './rtpBots.mjs';

export async function measureWindow({ bots, pid, ssrcs, seconds, during = async () => {} }) {
  const snapshot = async () => ({
    at: performance.now(),
    cpu: await cpuSeconds(pid),
    counters: await bots.counters(),
    sfuDrops: await udpDrops({ pid }),
    botDrops: await udpDrops({ ports: [bots.senderPort, ...bots.receiverPorts] }),
    bench: process.cpuUsage(),
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
    benchCpu: (after.bench.user + after.bench.system - before.bench.user - before.bench.system) / 1e6 / wall,
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
