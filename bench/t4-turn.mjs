// T4: a facilitator advances the turn in a speaker-only round, until the previous speaker's
// microphone is paused and the next one's resumed on the SFU. The command's answer is sent
// only after the media layer has applied the change on the mediasoup worker, so the round
// trip of the command is the figure (loopback adds well under a millisecond).
import { percentile } from './stats.mjs';
import { call, startRig } from './rig.mjs';

export async function runT4({ participants = 8, turns = 300, warmup = 20, log = console.log } = {}) {
  const rig = await startRig({ participants, produce: true });
  try {
    const startRound = () =>
      call(rig.facilitator, 'session:command', { type: 'startRound', prompt: 'check-in', order: 'roster', turnSeconds: 600, feedbackSeconds: null, speakerOnly: true });
    await startRound();
    const samples = [];
    for (let i = 0; i < warmup + turns; i++) {
      if (!(await rig.server.sessions.get(rig.sessionId)).snapshot.round) await startRound();
      const started = performance.now();
      await call(rig.facilitator, 'session:command', { type: 'skipTurn' });
      if (i >= warmup) samples.push(performance.now() - started);
    }
    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    log(
      `T4 turn advanced → previous speaker paused and next resumed on the SFU (${participants} microphones, ${samples.length} turns): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms  [target p99 ≤ 50 ms: ${p99 <= 50 ? 'met' : 'NOT met'}]`,
    );
    return { p50, p99 };
  } finally {
    await rig.close();
  }
}
