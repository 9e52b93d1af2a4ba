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
    expect(server.asked('producer:create')).toHaveLength(2);
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
