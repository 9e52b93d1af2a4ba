import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 3000 and one worker per core', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.media.workers).toBeGreaterThanOrEqual(1);
    expect(config.media.announcedAddress).toBe('127.0.0.1');
  });
  it('reads the worker count and media address', () => {
    const config = loadConfig({ MEDIASOUP_WORKERS: '3', MEDIA_ANNOUNCED_ADDRESS: 'hearth.example.org', MEDIA_PORT: '44444' });
    expect(config.media.workers).toBe(3);
    expect(config.media.announcedAddress).toBe('hearth.example.org');
    expect(config.media.port).toBe(44444);
  });
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ MEDIASOUP_WORKERS: '0' })).toThrow(/MEDIASOUP_WORKERS/);
    expect(() => loadConfig({ RTC_MIN_PORT: '5000', RTC_MAX_PORT: '4000' })).toThrow(/RTC_MIN_PORT/);
  });
});
