import { describe, expect, it } from 'vitest';
import { SerialQueue } from './SerialQueue.js';

describe('SerialQueue', () => {
  it('runs tasks one at a time in submission order', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = queue.run(async () => {
      log.push('first:start');
      await gate;
      log.push('first:end');
    });
    const second = queue.run(() => log.push('second'));
    await Promise.resolve();
    expect(log).toEqual(['first:start']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['first:start', 'first:end', 'second']);
  });

  it('a failing task rejects only its caller; later tasks still run', async () => {
    const queue = new SerialQueue();
    const failed = queue.run(() => {
      throw new Error('boom');
    });
    const next = queue.run(() => 'still running');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('still running');
  });

  it('counts the tasks not yet finished, so an owner can bound them', async () => {
    const queue = new SerialQueue();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = queue.run(() => gate);
    const second = queue.run(() => 'second');
    expect(queue.size).toBe(2);
    release();
    await Promise.all([first, second]);
    expect(queue.size).toBe(0);
  });
});
