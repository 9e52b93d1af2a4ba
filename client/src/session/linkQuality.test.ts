import { describe, expect, it } from 'vitest';
import { classify, LinkLevel, readSample } from './linkQuality';

const report = (...stats: Record<string, unknown>[]) => new Map(stats.map((s, i) => [String(i), s])) as unknown as RTCStatsReport;
const pair = (rtt: number) => ({ type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: rtt });

describe('link quality', () => {
  it('[LNK1] 300 ms round trip or 5 % loss is a poor link; a quiet loopback is good', () => {
    expect(classify({ rttMs: 300, loss: 0 })).toBe('poor');
    expect(classify({ rttMs: 20, loss: 0.05 })).toBe('poor');
    expect(classify({ rttMs: 180, loss: 0 })).toBe('fair');
    expect(classify({ rttMs: 1, loss: 0 })).toBe('good');
    expect(classify({ rttMs: null, loss: 0 })).toBe('good');
  });

  it('[LNK1] reads the round trip and the loss the SFU reports back, not the loss of what others send', () => {
    const send = report(
      pair(0.31),
      { type: 'remote-inbound-rtp', kind: 'video', fractionLost: 0.02 },
      { type: 'remote-inbound-rtp', kind: 'video', fractionLost: 0.01 },
      { type: 'remote-inbound-rtp', kind: 'audio', fractionLost: 0.1 },
    );
    const recv = report(pair(0.01), { type: 'inbound-rtp', packetsReceived: 100, packetsLost: 50 });
    expect(readSample([send, recv])).toEqual({ rttMs: 310, loss: 0.02 });
    expect(readSample([undefined, undefined])).toEqual({ rttMs: null, loss: 0 });
  });

  it('[LNK1] gets worse after two samples in a row and better only after three', () => {
    const level = new LinkLevel();
    expect(level.take('good')).toBe(true);
    expect(level.take('poor')).toBe(false);
    expect(level.take('good')).toBe(false);
    expect(level.take('poor')).toBe(false);
    expect(level.take('poor')).toBe(true);
    expect(level.take('good')).toBe(false);
    expect(level.take('good')).toBe(false);
    expect(level.take('poor')).toBe(false);
    expect(level.take('good')).toBe(false);
    expect(level.take('good')).toBe(false);
    expect(level.take('fair')).toBe(true);
    expect(level.level).toBe('fair');
  });
});
