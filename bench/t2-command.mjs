// T2: a facilitator's command until every client of a 16-member group (1 facilitator,
// 15 participants, all admitted) has received the snapshot carrying it. Real server, real
// Socket.IO clients over loopback, real credentials (the demo seed and its invite links).
import { ms, percentile } from './stats.mjs';
import { call, snapshotsOf, startRig } from './rig.mjs';

export async function runT2({ participants = 15, rounds = 300, warmup = 20, log = console.log } = {}) {
  const rig = await startRig({ participants });
  try {
    const sockets = [rig.facilitator, ...rig.members.map((m) => m.socket)];
    // Every client resolves the round once it holds a snapshot of at least that version.
    const { allAt } = snapshotsOf(sockets);

    const samples = [];
    for (let i = 0; i < warmup + rounds; i++) {
      const started = performance.now();
      // Lock and unlock the room: each is a real moderation command that changes the state.
      const { version } = await call(rig.facilitator, 'session:command', { type: 'lockRoom', locked: i % 2 === 0 });
      await allAt(version);
      if (i >= warmup) samples.push(performance.now() - started);
    }
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    log(
      `T2 facilitator command → all ${sockets.length} clients have the new state (${samples.length} commands): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${ms(Math.max(...samples))}  [target p99 ≤ 30 ms: ${p99 <= 30 ? 'met' : 'NOT met'}]`,
    );
    return { p50, p99 };
  } finally {
    await rig.close();
  }
}
