import { EventEmitter } from 'node:events';
import type { types } from 'mediasoup';
import { describe, expect, it } from 'vitest';
import { KEYFRAME_REQUEST_INTERVAL_MS, KeyFrameRequester, onVideoReturn } from './keyFramesOnReturn.js';

/** A consumer as far as the requester reads it; counts the keyframes asked of it. */
function consumer(state: Partial<{ kind: string; paused: boolean; producerPaused: boolean; closed: boolean }> = {}) {
  const c = { kind: 'video', paused: false, producerPaused: false, closed: false, ...state, asked: 0 };
  return Object.assign(c, { requestKeyFrame: async () => void c.asked++ });
}

describe('keyframes on a network’s return', () => {
  it('asks each playing video consumer at most once a second', () => {
    let now = 0;
    const keyFrames = new KeyFrameRequester(() => now);
    const camera = consumer();
    const others = [consumer({ kind: 'audio' }), consumer({ paused: true }), consumer({ producerPaused: true }), consumer({ closed: true })];
    const all = [camera, ...others] as unknown as types.Consumer[];
    keyFrames.request(all);
    expect(camera.asked).toBe(1);
    expect(others.map((c) => c.asked)).toEqual([0, 0, 0, 0]);
    now += KEYFRAME_REQUEST_INTERVAL_MS - 1;
    keyFrames.request(all);
    expect(camera.asked).toBe(1);
    now += 1;
    keyFrames.request(all);
    expect(camera.asked).toBe(2);
  });

  it('tells of a video producer heard again after all its streams fell silent, and of nothing else', () => {
    const producer = Object.assign(new EventEmitter(), { kind: 'video' });
    let returns = 0;
    onVideoReturn(producer as unknown as types.Producer, () => returns++);
    const score = (...scores: number[]) => producer.emit('score', scores.map((s) => ({ score: s })));
    score(10, 10);
    score(10, 0); // one layer silent (the sender dropped it on a weak link): not a drop
    score(10, 10);
    expect(returns).toBe(0);
    score(0, 0);
    score(10, 0);
    expect(returns).toBe(1);
    score(10, 10);
    expect(returns).toBe(1);
  });
});
