import { test, expect, type Participant } from '../fixtures/hearth.js';
import type { InboundStream } from '../pages/CallPage.js';

const byTrack = (streams: InboundStream[]) => new Map(streams.map((s) => [s.trackIdentifier, s]));

/** Every inbound stream of `kind` that existed at `before` has received more bytes since. */
async function expectBytesGrow(p: Participant, kind: 'audio' | 'video', count: number) {
  const before = byTrack((await p.call.inbound()).filter((s) => s.kind === kind && s.bytesReceived > 0));
  expect(before.size, `${p.name} receives ${count} ${kind} streams: ${JSON.stringify([...before.values()])}`).toBe(count);
  await expect
    .poll(async () => {
      const now = byTrack(await p.call.inbound());
      return [...before].filter(([id, s]) => (now.get(id)?.bytesReceived ?? 0) > s.bytesReceived).length;
    }, { message: `${p.name}'s inbound ${kind} bytes grow` })
    .toBe(count);
}

test('three participants see and hear each other; one leaves and the others drop to one tile', async ({ openParticipant }) => {
  const room = `three-${Date.now().toString(36)}`;
  const people = [
    await openParticipant(room, 'Ana'),
    await openParticipant(room, 'Ben'),
    await openParticipant(room, 'Cy'),
  ];
  const [first, second, third] = people as [Participant, Participant, Participant];
  await first.call.join(first.name);
  await second.call.join(second.name);
  // Someone is already the active speaker (the fake microphones beep) before the third
  // arrives: a newcomer must be told who it is, not wait for it to change.
  for (const p of [first, second]) await expect(p.page.locator('.tile.speaking')).toHaveCount(1);
  await third.call.join(third.name);
  await expect(third.page.locator('.tile.speaking')).toHaveCount(1);

  for (const p of people) {
    await expect(p.call.remoteTiles).toHaveCount(2);
    const others = people.filter((o) => o !== p).map((o) => o.name);
    for (const name of others) await expect(p.call.remoteTiles.filter({ hasText: name })).toHaveCount(1);
    // A rendered frame, not just a <video> element.
    await expect.poll(() => p.call.remoteVideoWidths(), { message: `${p.name} renders two remote videos` }).toEqual([
      expect.any(Number),
      expect.any(Number),
    ]);
    await expect.poll(async () => (await p.call.remoteVideoWidths()).every((w) => w > 0)).toBe(true);
  }

  for (const p of people) {
    // The first browser trap: the DTLS handshake with the SFU completes on every transport.
    const states = await p.call.dtlsStates();
    expect(states.length).toBeGreaterThanOrEqual(2);
    expect(states.every((s) => s === 'connected')).toBe(true);
    await expectBytesGrow(p, 'audio', 2);
    await expectBytesGrow(p, 'video', 2);
  }

  await third.call.leave();
  for (const p of [first, second]) {
    await expect(p.call.remoteTiles).toHaveCount(1);
    await expect(p.call.remoteTiles.filter({ hasText: 'Cy' })).toHaveCount(0);
  }
});
