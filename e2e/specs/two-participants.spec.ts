import { test, expect, type Participant } from '../fixtures/hearth.js';

async function audioBytesAtBen(ben: Participant): Promise<number> {
  return (await ben.call.inbound()).filter((s) => s.kind === 'audio').reduce((sum, s) => sum + s.bytesReceived, 0);
}

test.describe('two participants', () => {
  let ana: Participant;
  let ben: Participant;

  test.beforeEach(async ({ openParticipant }) => {
    const room = `two-${test.info().testId.slice(0, 8)}-${Date.now().toString(36)}`;
    ana = await openParticipant(room, 'Ana');
    ben = await openParticipant(room, 'Ben');
    await ana.call.join('Ana');
    await ben.call.join('Ben');
    await expect.poll(() => ben.call.remoteVideoWidths()).toEqual([expect.any(Number)]);
    await expect.poll(async () => (await ben.call.remoteVideoWidths())[0]).toBeGreaterThan(0);
  });

  test('muting stops the audio reaching the other participant, and unmuting brings it back', async () => {
    await expect.poll(() => audioBytesAtBen(ben)).toBeGreaterThan(0);
    await ana.page.getByRole('button', { name: 'Mute' }).click();
    const anaAtBen = ben.call.remoteTiles.filter({ hasText: 'Ana' });
    await expect(anaAtBen).toContainText('muted');

    // Once the pause has reached the SFU, the bytes stop growing: sample twice across a stats interval.
    const settled = await audioBytesAtBen(ben);
    await expect
      .poll(async () => {
        const first = await audioBytesAtBen(ben);
        await ben.page.waitForTimeout(1_000);
        return (await audioBytesAtBen(ben)) - first;
      })
      .toBe(0);
    expect(await audioBytesAtBen(ben)).toBeGreaterThanOrEqual(settled);

    await ana.page.getByRole('button', { name: 'Unmute' }).click();
    await expect(anaAtBen).not.toContainText('muted');
    const resumedFrom = await audioBytesAtBen(ben);
    await expect.poll(() => audioBytesAtBen(ben)).toBeGreaterThan(resumedFrom);
  });
});

test('a small tile gets the half-size simulcast layer and a large one the full picture', async ({ openParticipant }) => {
  // 640×360 is the smallest capture Chrome sends two simulcast layers for (320 and 640 wide).
  const room = `layers-${Date.now().toString(36)}`;
  const ana = await openParticipant(room, 'Ana', { video: '640x360@15' });
  const ben = await openParticipant(room, 'Ben', { video: '320x240@15' });
  await ana.call.join('Ana');
  await ben.call.join('Ben');
  const tile = ben.call.remoteTiles.first();
  const widthAtBen = async () => {
    const video = (await ben.call.inbound()).filter((s) => s.kind === 'video');
    return video.length === 1 ? video[0]!.frameWidth : -1;
  };

  // The second browser trap: layer switching works only while abs-capture-time is not negotiated.
  await ben.page.setViewportSize({ width: 1280, height: 800 });
  await expect(tile).toHaveAttribute('data-spatial-layer', '1');
  await expect.poll(widthAtBen, { timeout: 20_000 }).toBe(640);

  // A phone-sized tile: the SFU switches to the half-size layer.
  await ben.page.setViewportSize({ width: 360, height: 640 });
  await expect(tile).toHaveAttribute('data-spatial-layer', '0');
  await expect.poll(widthAtBen, { timeout: 20_000 }).toBe(320);

  await ben.page.setViewportSize({ width: 1280, height: 800 });
  await expect(tile).toHaveAttribute('data-spatial-layer', '1');
  await expect.poll(widthAtBen, { timeout: 20_000 }).toBe(640);
});
