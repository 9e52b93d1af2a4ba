// The bench server in a process of its own (forked by startBenchServerProcess in
// server-process.mjs), so its CPU and memory are measured apart from the clients driving it.
// It answers the parent's requests over the IPC channel: prepare a group, report its usage.
import { prepareGroup, startBenchServer } from './rig.mjs';
import { residentBytes } from './stats.mjs';

const limits = JSON.parse(process.argv[2] ?? '{}');
// T6 puts three full groups on one worker: past the pool's allowance for new groups
// (MEDIA_MAX_STREAMS_PER_WORKER), which is T5's business, not what memory or latency measure.
const bench = await startBenchServer({ limits, env: { MEDIA_MAX_STREAMS_PER_WORKER: '1000000' } });

async function usage() {
  const workers = await bench.server.pool.usage();
  return {
    cpu: process.cpuUsage(),
    rss: process.memoryUsage().rss,
    workers: workers.map((w) => ({ pid: w.pid, cpuSeconds: w.userSeconds + w.systemSeconds, rss: residentBytes(w.pid) })),
  };
}

const handlers = {
  prepare: ({ participants }) => prepareGroup(bench, participants),
  usage,
  close: async () => {
    await bench.close();
    setImmediate(() => process.exit(0));
    return {};
  },
};

process.on('message', async ({ id, op, ...args }) => {
  try {
    process.send({ id, ok: true, data: await handlers[op](args) });
  } catch (err) {
    process.send({ id, ok: false, error: String(err?.stack ?? err) });
  }
});
process.send({ ready: true, url: bench.server.url, cookie: bench.cookie });
