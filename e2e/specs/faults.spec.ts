import { test, expect, type Participant } from '../fixtures/hearth.js';

/** Inbound video streams that have decoded frames, by track. */
async function decodedVideoTracks(p: Participant): Promise<Set<string>> {
  return new Set((await p.call.inbound()).filter((s) => s.kind === 'video' && s.framesDecoded > 0).map((s) => s.trackIdentifier));
}

test('a killed media worker costs seconds of video, not the call: both see each other again within 3 s, without a click', async ({ openParticipant, hearth }) => {
  const room = `fault-${Date.now().toString(36)}`;
  const ana = await openParticipant(room, 'Ana');
  const ben = await openParticipant(room, 'Ben');
  await ana.call.join('Ana');
  await ben.call.join('Ben');
  for (const p of [ana, ben]) await expect.poll(async () => (await decodedVideoTracks(p)).size).toBe(1);
  const before = new Map([
    [ana, await decodedVideoTracks(ana)],
    [ben, await decodedVideoTracks(ben)],
  ]);

  const [host] = hearth.pool.report().filter((w) => !w.closed && w.routers > 0);
  process.kill(host!.pid, 'SIGKILL');

  // A new router on a new worker, and each browser receiving the other's camera through it:
  // a new inbound track with decoded frames, within 3 s of the kill.
  for (const p of [ana, ben]) {
    await expect
      .poll(async () => [...(await decodedVideoTracks(p))].filter((t) => !before.get(p)!.has(t)).length, { timeout: 3_000, intervals: [100] })
      .toBe(1);
  }
  await expect(ana.call.remoteTiles).toHaveCount(1);
  await expect(ben.call.remoteTiles).toContainText('Ana');
  expect(hearth.pool.report().some((w) => w.pid === host!.pid && !w.closed)).toBe(false);
});
