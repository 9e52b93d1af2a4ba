import { describe, expect, it } from 'vitest';
import { participantInRoom, PARTICIPANT } from './testing/inRoom';

/*
 * The call's media on the client tier (fake socket pair, mediasoup-client's FakeHandler): what
 * the member hears and sends when the server loses its media, mutes them, or holds a track.
 */

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
});
