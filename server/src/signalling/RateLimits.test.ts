import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../config.js';
import { RateLimits, kindOf } from './RateLimits.js';

const limits = { ...DEFAULT_LIMITS, perConnection: { points: 10, seconds: 60 }, chat: { points: 2, seconds: 60 }, session: { points: 3, seconds: 60 } };

describe('RateLimits (in memory)', () => {
  it('gives each kind of request its own share: chat used up leaves session commands', async () => {
    const rl = await RateLimits.open(limits);
    expect(await rl.request('c1', 's:m', 'chat:send')).toBeUndefined();
    expect(await rl.request('c1', 's:m', 'chat:send')).toBeUndefined();
    expect(await rl.request('c1', 's:m', 'chat:send')).toBeGreaterThan(0);
    expect(await rl.request('c1', 's:m', 'session:command')).toBeUndefined();
  });

  it('counts a member’s share across connections, an anonymous one’s per connection', async () => {
    const rl = await RateLimits.open(limits);
    for (const c of ['c1', 'c2', 'c3']) expect(await rl.request(c, 's:m', 'session:command')).toBeUndefined();
    expect(await rl.request('c4', 's:m', 'session:command')).toBeGreaterThan(0);
    for (const c of ['c5', 'c6', 'c7', 'c8']) expect(await rl.request(c, undefined, 'session:command')).toBeUndefined();
  });

  it('counts every event against its connection, also unknown names; a forgotten connection starts afresh', async () => {
    const rl = await RateLimits.open(limits);
    for (let i = 0; i < 10; i++) expect(await rl.request('c1', undefined, 'no:such')).toBeUndefined();
    expect(await rl.request('c1', undefined, 'room:leave')).toBeGreaterThan(0);
    rl.forget('c1');
    expect(await rl.request('c1', undefined, 'room:leave')).toBeUndefined();
  });

  it('shuts out the member it is told to, and nobody else', async () => {
    const rl = await RateLimits.open(limits);
    expect(await rl.isShutOut('s:m')).toBe(false);
    await rl.shutOut('s:m');
    expect(await rl.isShutOut('s:m')).toBe(true);
    expect(await rl.isShutOut('s:other')).toBe(false);
  });

  it('knows the kind of every command and of nothing else', () => {
    expect(kindOf('session:enter')).toBe('join');
    expect(kindOf('consumer:resume')).toBe('media');
    expect(kindOf('toString')).toBeUndefined();
    expect(kindOf('__proto__')).toBeUndefined();
  });
});
