import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { turnIceServers } from './turnCredentials.js';

describe('turnIceServers', () => {
  it('gives nothing when no TURN server is configured', () => {
    expect(turnIceServers(undefined, 'p1')).toEqual([]);
  });

  it('derives a day-long credential coturn can verify with the shared secret', () => {
    const now = Date.UTC(2026, 10, 23, 18, 0, 0);
    const [server] = turnIceServers({ urls: ['turn:turn.example.org:3478'], secret: 'a-long-shared-secret' }, 'peer-1', now);
    expect(server!.urls).toEqual(['turn:turn.example.org:3478']);
    const [expires, peer] = server!.username!.split(':');
    expect(Number(expires)).toBe(now / 1000 + 86_400);
    expect(peer).toBe('peer-1');
    expect(server!.credential).toBe(createHmac('sha1', 'a-long-shared-secret').update(server!.username!).digest('base64'));
  });
});
