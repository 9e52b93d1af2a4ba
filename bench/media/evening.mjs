// An evening on an accelerated clock, for a group of bots in Hearth: together, a check-in round
// with speaker-only turns, breakout pairs, back together. Each step is a real facilitator
// command through Hearth's signalling; the waits between them are the evening's (sped-up)
// clock, not synchronisation: every command's answer comes after the SFU applied it.

/**
 * Runs the evening's steps for `group`, spread over the time until `until` (performance.now()).
 * Answers how long the slowest command took (with the viewers' screens following it) and the
 * steps that failed; a failed step is reported, not thrown, so one slow group does not end the run.
 */
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
  let slowestMs = 0;
  const failed = [];
  for (const [name, step] of steps) {
    const started = performance.now();
    try {
      await step();
    } catch (err) {
      failed.push(`${name}: ${err.message}`);
    }
    const took = performance.now() - started;
    slowestMs = Math.max(slowestMs, took);
    if (slot - took > 0) await new Promise((r) => setTimeout(r, slot - took));
  }
  return { slowestMs, failed };
}

/** The evenings of several groups at once, summed up. */
export async function runEvenings(groups, until) {
  const results = await Promise.all(groups.map((g) => runEvening(g, until)));
  return { slowestMs: Math.max(0, ...results.map((r) => r.slowestMs)), failed: results.flatMap((r) => r.failed) };
}
