import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { layerForWidth, settledLayerRequests } from './usePreferredLayer';

describe('layerForWidth', () => {
  it('picks the half-size layer for a tile up to about its width', () => {
    expect(layerForWidth(200, 640, 2)).toBe(0);
    expect(layerForWidth(400, 640, 2)).toBe(0);
  });
  it('picks the full picture for a large tile', () => {
    expect(layerForWidth(401, 640, 2)).toBe(1);
    expect(layerForWidth(1920, 640, 2)).toBe(1);
  });
  it('walks three layers', () => {
    expect(layerForWidth(150, 640, 3)).toBe(0);
    expect(layerForWidth(300, 640, 3)).toBe(1);
    expect(layerForWidth(600, 640, 3)).toBe(2);
  });
  it('has nothing to choose with one layer', () => {
    expect(layerForWidth(50, 640, 1)).toBe(0);
  });
});

describe('settledLayerRequests', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const requester = () => {
    const sent: number[] = [];
    const requests = settledLayerRequests(async (layer) => {
      sent.push(layer);
    }, 150);
    return { sent, requests };
  };

  it('asks once the size has held, for the last layer seen', () => {
    const { sent, requests } = requester();
    requests.observe(0);
    requests.observe(1);
    vi.advanceTimersByTime(149);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1]);
  });

  it('does not ask again for the layer it already has', () => {
    const { sent, requests } = requester();
    requests.observe(1);
    vi.advanceTimersByTime(150);
    requests.observe(1);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([1]);
  });

  it('a size that returns to the layer already asked for cancels the one waiting', () => {
    // Seen in Chromium under load: a resize to a phone passed through a wide layout first.
    const { sent, requests } = requester();
    requests.observe(0);
    vi.advanceTimersByTime(150);
    requests.observe(1);
    requests.observe(0);
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([0]);
  });

  it('asks again after a refused request', async () => {
    const sent: number[] = [];
    const requests = settledLayerRequests(async (layer) => {
      sent.push(layer);
      if (sent.length === 1) throw new Error('RATE_LIMITED');
    }, 150);
    requests.observe(0);
    await vi.advanceTimersByTimeAsync(150);
    requests.observe(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual([0, 0]);
  });

  it('asks nothing once stopped', () => {
    const { sent, requests } = requester();
    requests.observe(1);
    requests.stop();
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([]);
  });
});
