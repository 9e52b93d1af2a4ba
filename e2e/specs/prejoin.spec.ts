import { test, expect, type Participant } from '../fixtures/hearth.js';
import { PrejoinPage, recordCapturedTracks } from '../pages/PrejoinPage.js';

const room = (name: string) => `${name}-${test.info().testId.slice(0, 6)}-${Date.now().toString(36)}`;

/** Reloads with getUserMedia recorded, so the test can see which devices are still open. */
async function recording(p: Participant): Promise<PrejoinPage> {
  await p.context.addInitScript(recordCapturedTracks);
  await p.page.reload();
  return new PrejoinPage(p.page);
}

test('the pre-join screen lists the devices, shows the microphone working and plays a test sound', async ({ openParticipant }) => {
  const ana = await openParticipant(room('devices'), 'Ana');
  const prejoin = new PrejoinPage(ana.page);
  await expect(prejoin.preview).toBeVisible();
  await expect(prejoin.mediaError).toHaveCount(0);

  await prejoin.openDeviceSettings();
  await expect.poll(() => prejoin.options(prejoin.cameraPicker)).toContain('fake_device_0');
  expect((await prejoin.options(prejoin.micPicker)).length).toBeGreaterThanOrEqual(1);
  // Chromium can send sound to a chosen device, so the speaker picker is offered too.
  expect((await prejoin.options(prejoin.speakerPicker)).length).toBeGreaterThanOrEqual(1);

  // The fake microphone beeps about once a second: the bar moves with it.
  await expect.poll(() => prejoin.micLevelNow(), { message: 'the microphone bar moves' }).toBeGreaterThan(0);
  await expect(ana.page.getByText('Your microphone is working.')).toBeVisible();

  await prejoin.testSpeaker.click();
  await expect(ana.page.getByText('Did you hear a soft chime?')).toBeVisible();
});

test('joining with the camera off sends audio only, turns the camera light off, and the camera can start later', async ({ openParticipant }) => {
  const name = room('camoff');
  const ana = await openParticipant(name, 'Ana');
  const ben = await openParticipant(name, 'Ben');
  const prejoin = await recording(ana);

  await prejoin.joinCameraOff('Ana');
  await expect(ana.page.getByRole('button', { name: 'Start camera' })).toBeVisible();
  // The preview's camera was stopped, not just hidden; the microphone went into the call.
  expect((await prejoin.captured()).filter((t) => t.kind === 'video' && t.live)).toEqual([]);
  expect((await prejoin.captured()).filter((t) => t.kind === 'audio' && t.live)).toHaveLength(1);

  await ben.call.join('Ben');
  const anaAtBen = ben.call.remoteTiles.filter({ hasText: 'Ana' });
  await expect(anaAtBen).toBeVisible();
  const inboundAtBen = async (kind: 'audio' | 'video') =>
    (await ben.call.inbound()).filter((s) => s.kind === kind).reduce((sum, s) => sum + s.bytesReceived, 0);
  await expect.poll(() => inboundAtBen('audio'), { message: 'Ben hears Ana' }).toBeGreaterThan(0);
  const audioSoFar = await inboundAtBen('audio');
  await expect.poll(() => inboundAtBen('audio')).toBeGreaterThan(audioSoFar);
  // By now any video of Ana's would have been consumed beside her audio.
  expect((await ben.call.inbound()).filter((s) => s.kind === 'video')).toEqual([]);
  await expect(anaAtBen.getByTestId('remote-video')).toHaveCount(0);

  await ana.page.getByRole('button', { name: 'Start camera' }).click();
  await expect(ana.page.getByRole('button', { name: 'Stop camera' })).toBeVisible();
  await expect(anaAtBen.getByTestId('remote-video')).toHaveCount(1);
  await expect.poll(() => ben.call.remoteVideoWidths(), { message: 'Ana’s video reaches Ben' }).toEqual([expect.any(Number)]);
  await expect.poll(async () => (await ben.call.remoteVideoWidths())[0]).toBeGreaterThan(0);
  const videoSoFar = await inboundAtBen('video');
  await expect.poll(() => inboundAtBen('video')).toBeGreaterThan(videoSoFar);
});

test('a chosen microphone and speaker are remembered after a reload, and the one left behind is stopped', async ({ openParticipant }) => {
  const ana = await openParticipant(room('remember'), 'Ana');
  const prejoin = await recording(ana);
  await expect(prejoin.preview).toBeVisible();
  await prejoin.openDeviceSettings();

  const micId = await prejoin.choose(prejoin.micPicker, 'Fake Audio Input 2');
  const speakerId = await prejoin.choose(prejoin.speakerPicker, 'Fake Audio Output 1');
  await expect.poll(async () => (await prejoin.captured()).filter((t) => t.kind === 'audio' && t.live).map((t) => t.label)).toEqual([
    'Fake Audio Input 2',
  ]);

  await ana.page.reload();
  await expect(prejoin.preview).toBeVisible();
  await prejoin.openDeviceSettings();
  await expect(prejoin.micPicker).toHaveValue(micId);
  await expect(prejoin.speakerPicker).toHaveValue(speakerId);
  await expect.poll(async () => (await prejoin.captured()).filter((t) => t.kind === 'audio' && t.live).map((t) => t.label)).toEqual([
    'Fake Audio Input 2',
  ]);
  await expect.poll(() => prejoin.micLevelNow()).toBeGreaterThan(0);
  await expect(ana.page.getByRole('status')).toHaveCount(0);
});

test('a camera busy in another app is explained, and the microphone alone is offered as the way in', async ({ openParticipant }) => {
  const ana = await openParticipant(room('busy'), 'Ana');
  // Another app holds the camera: the browser refuses to open it, the microphone still works.
  await ana.context.addInitScript(() => {
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      if (constraints?.video) throw new DOMException('Could not start video source', 'NotReadableError');
      return original(constraints);
    };
  });
  await ana.page.reload();
  const prejoin = new PrejoinPage(ana.page);

  await expect(prejoin.mediaError).toHaveAttribute('data-problem', 'in-use');
  await expect(prejoin.mediaError).toContainText('camera is being used by another app');
  await expect(prejoin.preview).toHaveCount(0);
  await expect.poll(() => prejoin.micLevelNow()).toBeGreaterThan(0);
  await expect(prejoin.join).toHaveCount(0);

  await prejoin.name.fill('Ana');
  await ana.page.getByRole('button', { name: 'Join with microphone only' }).click();
  await expect(ana.page.getByTestId('self-tile')).toContainText('Ana (you)');
  await expect(ana.page.getByRole('button', { name: 'Mute' })).toBeEnabled();
  await expect(ana.page.getByRole('button', { name: 'Start camera' })).toBeVisible();
});
