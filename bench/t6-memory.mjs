// T6: server memory per connected participant. Full groups (a facilitator and 16 members,
// every member sending a microphone and a three-layer camera and receiving everyone else's)
// join a server running in a child process; its memory is the server process's RSS plus its
// media workers' (/proc/<pid>/status), measured idle and with the groups in, divided by the
// people connected. The media objects are real (transports, producers, simulcast consumers
// on the worker) but no RTP flows through them, so the worker's packet buffers stay empty:
// T1 measures the same with real Chromium media for a group of six.
import { MB } from './stats.mjs';
import { joinGroup } from './rig.mjs';
import { startBenchServerProcess } from './server-process.mjs';

const total = (u) => u.rss + u.workers.reduce((sum, w) => sum + w.rss, 0);

export async function runT6({ groups = 3, members = 16, settleMs = 2000, log = console.log } = {}) {
  const server = await startBenchServerProcess();
  try {
    await new Promise((r) => setTimeout(r, settleMs));
    const idle = await server.usage();
    for (let i = 0; i < groups; i++) {
      await joinGroup(server, await server.prepareGroup(members), { produce: true, camera: true, consume: true });
    }
    await new Promise((r) => setTimeout(r, settleMs));
    const full = await server.usage();
    const people = server.sockets.length;
    const perPerson = (total(full) - total(idle)) / people / MB;
    const workers = (u) => u.workers.reduce((sum, w) => sum + w.rss, 0);
    log(
      `T6 server memory per connected participant (${groups} groups of ${members + 1}, ${people} people, each member sending mic + 3-layer camera and receiving all others; no RTP flowing): ` +
        `${perPerson.toFixed(2)} MB (server process ${((full.rss - idle.rss) / people / MB).toFixed(2)}, media worker ${((workers(full) - workers(idle)) / people / MB).toFixed(2)}; ` +
        `idle server ${(total(idle) / MB).toFixed(0)} MB)  [target ≤ 30 MB: ${perPerson <= 30 ? 'met' : 'NOT met'}]`,
    );
    return { perPerson, people };
  } finally {
    await server.close();
  }
}
