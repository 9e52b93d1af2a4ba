import { describe, expect, it } from 'vitest';
import { levelFromSamples, LOUD_DBFS, RELEASE_PER_SECOND, SILENCE_DBFS, smoothLevel } from './micLevel';

const sine = (amplitude: number, n = 1024) => Float32Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * i) / 64));
const atDbfs = (dbfs: number) => sine(Math.SQRT2 * 10 ** (dbfs / 20)); // a sine's RMS is its amplitude / √2

describe('levelFromSamples', () => {
  it('is 0 for silence and for no samples', () => {
    expect(levelFromSamples(new Float32Array(1024))).toBe(0);
    expect(levelFromSamples([])).toBe(0);
  });
  it('is 0 at or below the silence floor and 1 at or above the loud mark', () => {
    expect(levelFromSamples(atDbfs(SILENCE_DBFS - 10))).toBe(0);
    expect(levelFromSamples(atDbfs(LOUD_DBFS + 5))).toBe(1);
    expect(levelFromSamples(sine(1))).toBe(1);
  });
  it('puts ordinary speech (about -35 dBFS) near the middle', () => {
    const level = levelFromSamples(atDbfs(-35));
    expect(level).toBeCloseTo(0.5, 1);
  });
  it('grows with loudness', () => {
    expect(levelFromSamples(atDbfs(-30))).toBeGreaterThan(levelFromSamples(atDbfs(-45)));
  });
});

describe('smoothLevel', () => {
  it('rises at once', () => {
    expect(smoothLevel(0.1, 0.8, 50)).toBe(0.8);
  });
  it('falls gently, never below what is measured', () => {
    expect(smoothLevel(0.8, 0, 100)).toBeCloseTo(0.8 - RELEASE_PER_SECOND * 0.1);
    expect(smoothLevel(0.8, 0.75, 100)).toBe(0.75);
    expect(smoothLevel(0.1, 0, 1000)).toBe(0);
  });
});
