import { describe, expect, it, vi } from 'vitest';
import { generateConsumerRemoteParameters } from 'mediasoup-client/fakeParameters';
import type { ConsumerOptions } from '@hearth/shared';
import { FakeSessionServer } from './testing/FakeSessionServer';
import { byFacilitator, FACILITATOR, participantInRoom, PARTICIPANT } from './testing/inRoom';

/*
 * The call's media on the client tier (fake socket pair, mediasoup-client's FakeHandler): what
 * the member hears and sends when the server loses its media, mutes them, or holds a track.
 */

/** The facilitator's microphone, offered to the participant as the server would. */
function facilitatorMic(): ConsumerOptions {
  const params = generateConsumerRemoteParameters({ codecMimeType: 'audio/opus' });
  return { ...params, peerId: FACILITATOR.id, source: 'mic', producerPaused: false } as unknown as ConsumerOptions;
}

describe('MediaClient on the client tier', () => {
  it('a media reset from the server (its worker died): the media joins again by itself, the microphone still on', async () => {
    const { server, media } = await participantInRoom();
    expect(media.getState().micOn).toBe(true);

    server.send(PARTICIPANT.id, 'room:reset', {});
    await expect.poll(() => server.asked('room:join').length).toBe(2);
    await expect.poll(() => media.getState().status).toBe('joined');
    expect(media.getState()).toMatchObject({ micOn: true, error: undefined });
    await expect.poll(() => server.asked('producer:create').length).toBe(2);
  });

  it('[T1] joining is one round trip: the device was loaded before, the join carries its capabilities and is answered with both transports', async () => {
    const { server } = await participantInRoom();
    const events = server.requests.map((r) => r.event);
    // Loaded while the pre-join screen showed: asked before the member even entered the session.
    expect(events.indexOf('media:capabilities')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('media:capabilities')).toBeLessThan(events.indexOf('session:enter'));
    const [join] = server.asked('room:join') as { rtpCapabilities?: { codecs?: unknown[] } }[];
    expect(join?.rtpCapabilities?.codecs?.length).toBeGreaterThan(0);
    expect(events).not.toContain('transport:create');
    expect(events).not.toContain('peer:ready');
  });

  it("[T1] the room's media carried by the join's answer is set up and asked to play, with no request of its own", async () => {
    const server = new FakeSessionServer();
    server.mediaPeers = [{ id: FACILITATOR.id, displayName: FACILITATOR.displayName }];
    const mic = facilitatorMic();
    server.joinConsumers = [mic];
    const { media } = await participantInRoom(server);
    await expect.poll(() => media.getState().peers.find((p) => p.id === FACILITATOR.id)?.audio).toMatchObject({ consumerId: mic.id, paused: false });
    expect(server.asked('consumer:resume')).toEqual([{ consumerId: mic.id }]);
  });

  it('[T1] the room\'s media offered before the join\'s answer was handled plays once the transports exist', async () => {
    const server = new FakeSessionServer();
    server.mediaPeers = [{ id: FACILITATOR.id, displayName: FACILITATOR.displayName }];
    server.onJoin = (memberId) => server.send(memberId, 'consumer:created', facilitatorMic());
    const { media } = await participantInRoom(server);
    await expect.poll(() => media.getState().peers.find((p) => p.id === FACILITATOR.id)?.audio).toMatchObject({ paused: false });
    expect(server.asked('consumer:resume')).toHaveLength(1);
  });

  it('[T1] the call shows while the microphone is still on its way to the server; switching it waits for it', async () => {
    const server = new FakeSessionServer();
    server.holdProducers = true;
    const { media } = await participantInRoom(server);
    expect(media.getState()).toMatchObject({ status: 'joined', micOn: true });
    await expect.poll(() => server.asked('producer:create').length).toBe(1);
    let switched = false;
    void media.setMicOn(false).then(() => (switched = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(switched).toBe(false);
    expect(server.asked('producer:pause')).toEqual([]);
  });

  it('[MUT1] muted by the facilitator: the microphone shows off at once, and nothing is echoed to the server, which already holds it paused', async () => {
    const { server, session, media } = await participantInRoom();
    server.run({ type: 'mute', memberId: PARTICIPANT.id }, byFacilitator);
    expect(session.getState().view?.self.micMuted).toBe(true);
    await expect.poll(() => media.getState().micOn).toBe(false);
    expect(server.asked('producer:pause')).toEqual([]);

    // Turning it on again is the member's own wish, asked of the session and then of the SFU.
    await session.setMicOn(true);
    expect(media.getState().micOn).toBe(true);
    expect(server.asked('producer:resume')).toHaveLength(1);
  });

  it('a track the session holds back (HELD_BY_SESSION) stays paused: no error shown, and it is not asked for again', async () => {
    const server = new FakeSessionServer();
    server.mediaPeers = [{ id: FACILITATOR.id, displayName: FACILITATOR.displayName }];
    server.consumerResume = 'HELD_BY_SESSION';
    const { session, media } = await participantInRoom(server);
    const warn = vi.spyOn(console, 'warn');

    server.send(PARTICIPANT.id, 'consumer:created', facilitatorMic());
    await expect.poll(() => server.asked('consumer:resume').length).toBe(1);
    const facilitator = media.getState().peers.find((p) => p.id === FACILITATOR.id);
    expect(facilitator?.audio).toMatchObject({ paused: false });
    // Nothing more is asked while the session holds it (the server plays it when allowed), and it is no failure.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(server.asked('consumer:resume')).toHaveLength(1);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(media.getState()).toMatchObject({ status: 'joined', error: undefined });
    expect(session.getState().refusal).toBeUndefined();
  });
});
