import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { turnIceServers } from './turnCredentials.js';

const SECRET = 'a-long-shared-secret';

describe('turnIceServers', () => {
  it('gives nothing when no TURN server is configured', () => {
    expect(turnIceServers(undefined, 'p1')).toEqual([]);
  });

  it('derives a day-long credential coturn can verify with the shared secret', () => {
    const now = Date.UTC(2026, 10, 23, 18, 0, 0);
    const [server] = turnIceServers({ urls: ['turn:turn.example.org:3478'], tls: undefined, secret: SECRET }, 'peer-1', now);
    expect(server!.urls).toEqual(['turn:turn.example.org:3478']);
    const [expires, peer] = server!.username!.split(':');
    expect(Number(expires)).toBe(now / 1000 + 86_400);
    expect(peer).toBe('peer-1');
    expect(server!.credential).toBe(createHmac('sha1', SECRET).update(server!.username!).digest('base64'));
  });

  it('offers turns: on the certificate’s host name beside turn:, with the one credential', () => {
    const plain = ['turn:203.0.113.10:3478?transport=udp', 'turn:203.0.113.10:3478?transport=tcp'];
    const servers = turnIceServers({ urls: plain, tls: { host: 'hearth.clinic.example', port: 5349 }, secret: SECRET }, 'peer-2');
    expect(servers).toHaveLength(1);
    expect(servers[0]!.urls).toEqual([...plain, 'turns:hearth.clinic.example:5349?transport=tcp']);
    expect(servers[0]!.credential).toBe(createHmac('sha1', SECRET).update(servers[0]!.username!).digest('base64'));
  });

  it('offers turns: alone when only the TLS host is set, and never the same URL twice', () => {
    const tls = { host: 'hearth.clinic.example', port: 443 };
    expect(turnIceServers({ urls: [], tls, secret: SECRET }, 'p')[0]!.urls).toEqual(['turns:hearth.clinic.example:443?transport=tcp']);
    const both = turnIceServers({ urls: ['turns:hearth.clinic.example:443?transport=tcp'], tls, secret: SECRET }, 'p');
    expect(both[0]!.urls).toEqual(['turns:hearth.clinic.example:443?transport=tcp']);
  });
});
