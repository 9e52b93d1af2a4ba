// T3: 16 members into 8 pairs, until every member consumes exactly its partner on the SFU;
// and back to the group. The command is answered only after the consumer diff has been
// applied on the mediasoup worker; the figure is that round trip, checked against the room.
import { percentile } from './stats.mjs';
import { call, startRig } from './rig.mjs';

export async function runT3({ participants = 16, rounds = 20, log = console.log } = {}) {
  const rig = await startRig({ participants, produce: true, consume: true });
  try {
    const room = await rig.server.rooms.get(rig.sessionId);
    const ids = rig.members.map((m) => m.id);
    // Whom a member receives, as the worker forwards it (checked outside the timed steps).
    const receiving = async (id) => (await room.consumerStates(id)).filter((c) => !c.paused).map((c) => c.senderId);
    const receivesAll = async () => (await Promise.all(ids.map(receiving))).every((senders) => senders.length === participants - 1);
    // Wait until every member plays everyone else's microphone.
    for (let tries = 0; !(await receivesAll()); tries++) {
      if (tries > 200) throw new Error('consumers never all resumed');
      await new Promise((r) => setTimeout(r, 50));
    }
    const pairs = [];
    for (let i = 0; i < ids.length; i += 2) pairs.push([ids[i], ids[i + 1]]);
    const split = [];
    const join = [];
    for (let i = 0; i < rounds; i++) {
      let t = performance.now();
      await call(rig.facilitator, 'session:command', { type: 'startBreakout', prompt: 'p', durationSeconds: 600, groups: pairs });
      split.push(performance.now() - t);
      for (const [a, b] of pairs) {
        if ((await receiving(a)).join() !== b || (await receiving(b)).join() !== a) throw new Error('a member receives more than its partner');
      }
      // Back: the facilitator ends, the 10-second return countdown is skipped on the session's
      // clock, and the timer's tick brings everyone back; the figure is that last step.
      await call(rig.facilitator, 'session:command', { type: 'endBreakout' });
      rig.time.offset += 11_000;
      const session = await rig.server.sessions.get(rig.sessionId);
      t = performance.now();
      await session.run({ type: 'breakoutTick' }, { kind: 'system' });
      join.push(performance.now() - t);
      if (!(await receivesAll())) throw new Error('not everyone is back');
    }
    log(
      `T3 ${participants} members → ${participants / 2} pairs until each consumes exactly its partner (${rounds} times, ${participants * (participants - 1)} consumers): p50 ${percentile(split, 50).toFixed(1)} ms, max ${Math.max(...split).toFixed(1)} ms; back to the group: p50 ${percentile(join, 50).toFixed(1)} ms, max ${Math.max(...join).toFixed(1)} ms  [target ≤ 250 ms: ${Math.max(...split, ...join) <= 250 ? 'met' : 'NOT met'}]`,
    );
  } finally {
    await rig.close();
  }
}
