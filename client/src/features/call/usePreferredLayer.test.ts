import { describe, expect, it } from 'vitest';
import { layerForWidth } from './usePreferredLayer';

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
