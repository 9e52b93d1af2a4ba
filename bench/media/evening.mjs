// An evening on an accelerated clock, for a group of bots in Hearth: together, a check-in round
// with speaker-only turns, breakout pairs, back together. Each step is a real facilitator
// command through Hearth's signalling; the waits between them are the evening's (sped-up)
// clock, not synchronisation: every command's answer comes after the SFU applied it.

/** Runs the evening's steps for `group`, spread over the time until `until` (performance.now()). */
export async function runEvening(group, until, { turns = 3 } = {}) {
  const steps = [
    ['together', async () => {}],
    ['round', () => group.startRound()],
    ...Array.from({ length: turns - 1 }, () => ['turn', () => group.nextTurn()]),
    ['round ends', () => group.endRound()],
    ['pairs', () => group.pairs()],
    ['back', () => group.back()],
  ];
  const slot = Math.max(200, (until - performance.now()) / (steps.length + 1));
  const done = [];
  for (const [name, step] of steps) {
    const started = performance.now();
    await step();
    done.push(name);
    const left = slot - (performance.now() - started);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
  }
  return done;
}
