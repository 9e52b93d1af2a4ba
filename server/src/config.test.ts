import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 3000 and one worker per core', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.media.workers).toBeGreaterThanOrEqual(1);
    expect(config.media.announcedAddress).toBe('127.0.0.1');
    expect(config.openRooms).toBe(false);
  });
  it('reads the worker count and media address', () => {
    const config = loadConfig({ MEDIASOUP_WORKERS: '3', MEDIA_ANNOUNCED_ADDRESS: 'hearth.example.org', MEDIA_PORT: '44444' });
    expect(config.media.workers).toBe(3);
    expect(config.media.announcedAddress).toBe('hearth.example.org');
    expect(config.media.port).toBe(44444);
  });
  it('carries 100 people per media worker unless told otherwise', () => {
    expect(loadConfig({}).media.maxPeersPerWorker).toBe(100);
    expect(loadConfig({ MEDIA_MAX_PEERS_PER_WORKER: '40' }).media.maxPeersPerWorker).toBe(40);
    expect(() => loadConfig({ MEDIA_MAX_PEERS_PER_WORKER: '0' })).toThrow(/MEDIA_MAX_PEERS_PER_WORKER/);
  });
  it('takes no new group on a worker past 800 streams unless told otherwise', () => {
    expect(loadConfig({}).media.maxStreamsPerWorker).toBe(800);
    expect(loadConfig({ MEDIA_MAX_STREAMS_PER_WORKER: '600' }).media.maxStreamsPerWorker).toBe(600);
    expect(() => loadConfig({ MEDIA_MAX_STREAMS_PER_WORKER: '0' })).toThrow(/MEDIA_MAX_STREAMS_PER_WORKER/);
  });
  it('names the clinic "Hearth" until CLINIC_NAME says otherwise', () => {
    expect(loadConfig({}).clinicName).toBe('Hearth');
    expect(loadConfig({ CLINIC_NAME: ' Riverside Outpatient ' }).clinicName).toBe('Riverside Outpatient');
    expect(() => loadConfig({ CLINIC_NAME: 'x'.repeat(81) })).toThrow(/CLINIC_NAME/);
  });
  it('limits connections per address and outgoing buffers, both adjustable, and trusts no proxy unless told', () => {
    const defaults = loadConfig({});
    expect(defaults.limits.connectionsPerAddress).toEqual({ points: 60, seconds: 10 });
    expect(defaults.limits.outgoingBufferBytes).toBe(1024 * 1024);
    expect(defaults.auth.trustProxy).toBe(false);
    const set = loadConfig({ MAX_CONNECTIONS_PER_ADDRESS: '500', MAX_OUTGOING_BUFFER_BYTES: '65536', TRUST_PROXY: '1' });
    expect(set.limits.connectionsPerAddress.points).toBe(500);
    expect(set.limits.outgoingBufferBytes).toBe(65536);
    expect(set.auth.trustProxy).toBe(1);
    expect(() => loadConfig({ MAX_OUTGOING_BUFFER_BYTES: '100' })).toThrow(/MAX_OUTGOING_BUFFER_BYTES/);
  });
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ MEDIASOUP_WORKERS: '0' })).toThrow(/MEDIASOUP_WORKERS/);
    expect(() => loadConfig({ RTC_MIN_PORT: '5000', RTC_MAX_PORT: '4000' })).toThrow(/RTC_MIN_PORT/);
  });
});

describe('loadConfig: clinic and sign-in', () => {
  it('defaults to no secret, an insecure cookie (plain-http quick start), no trusted proxy, no demo and UTC', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ secret: undefined, cookieSecure: false, trustProxy: false });
    expect(config.demo).toBe(false);
    expect(config.clinicTimeZone).toBe('UTC');
  });
  it('reads the secret, the cookie flag, demo mode and the clinic time zone', () => {
    const config = loadConfig({ HEARTH_SECRET: 'x'.repeat(32), COOKIE_SECURE: 'true', DEMO: '1', CLINIC_TIME_ZONE: 'America/Chicago' });
    expect(config.auth).toEqual({ secret: 'x'.repeat(32), cookieSecure: true, trustProxy: false });
    expect(config.demo).toBe(true);
    expect(config.clinicTimeZone).toBe('America/Chicago');
    expect(loadConfig({ COOKIE_SECURE: 'false', DEMO: '0' })).toMatchObject({ auth: { cookieSecure: false }, demo: false });
  });
  it('reads which proxies to trust: a hop count or addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).auth.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).auth.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig({ TRUST_PROXY: 'x;rm' })).toThrow(/TRUST_PROXY/);
  });
  it('refuses a short secret, a vague flag and an unknown time zone', () => {
    expect(() => loadConfig({ HEARTH_SECRET: 'too-short' })).toThrow(/HEARTH_SECRET/);
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE/);
    expect(() => loadConfig({ CLINIC_TIME_ZONE: 'Mars/Olympus' })).toThrow(/CLINIC_TIME_ZONE/);
  });
});

describe('loadConfig: https and TURN over TLS', () => {
  const secret = { TURN_SECRET: 's'.repeat(32) };

  it('serves https itself given both a certificate and a key, and then marks the cookie Secure', () => {
    const config = loadConfig({ TLS_CERT_FILE: '/etc/hearth/cert.pem', TLS_KEY_FILE: '/etc/hearth/key.pem' });
    expect(config.tls).toEqual({ certFile: '/etc/hearth/cert.pem', keyFile: '/etc/hearth/key.pem' });
    expect(config.auth.cookieSecure).toBe(true);
    expect(loadConfig({}).tls).toBeUndefined();
    expect(() => loadConfig({ TLS_CERT_FILE: '/etc/hearth/cert.pem' })).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE/);
    expect(() => loadConfig({ TLS_KEY_FILE: '/etc/hearth/key.pem' })).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE/);
  });

  it('marks the cookie Secure behind an https PUBLIC_URL unless COOKIE_SECURE says otherwise', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://hearth.clinic.example' }).auth.cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://10.0.0.5:3000' }).auth.cookieSecure).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://hearth.clinic.example', COOKIE_SECURE: 'false' }).auth.cookieSecure).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).auth.cookieSecure).toBe(true);
  });

  it('offers turns: on TURN_TLS_HOST, port 5349 unless told otherwise', () => {
    expect(loadConfig({ ...secret, TURN_TLS_HOST: 'hearth.clinic.example' }).turn).toEqual({
      urls: [],
      tls: { host: 'hearth.clinic.example', port: 5349 },
      secret: secret.TURN_SECRET,
    });
    const both = loadConfig({ ...secret, TURN_URLS: 'turn:203.0.113.10:3478?transport=udp, turn:203.0.113.10:3478?transport=tcp', TURN_TLS_HOST: 'hearth.clinic.example', TURN_TLS_PORT: '443' });
    expect(both.turn?.urls).toEqual(['turn:203.0.113.10:3478?transport=udp', 'turn:203.0.113.10:3478?transport=tcp']);
    expect(both.turn?.tls).toEqual({ host: 'hearth.clinic.example', port: 443 });
    expect(loadConfig({}).turn).toBeUndefined();
  });

  it('refuses a TURN URL or host a browser could not use, and TURN without its secret', () => {
    expect(() => loadConfig({ ...secret, TURN_URLS: 'https://turn.example.org' })).toThrow(/TURN_URLS/);
    expect(() => loadConfig({ ...secret, TURN_URLS: 'turn:host:3478?transport=sctp' })).toThrow(/TURN_URLS/);
    expect(() => loadConfig({ ...secret, TURN_TLS_HOST: 'https://hearth.clinic.example' })).toThrow(/TURN_TLS_HOST/);
    expect(() => loadConfig({ TURN_TLS_HOST: 'hearth.clinic.example' })).toThrow(/TURN_SECRET/);
    expect(() => loadConfig({ TURN_URLS: 'turn:host:3478' })).toThrow(/TURN_SECRET/);
  });
});

describe('loadConfig: audit, origins and metrics', () => {
  it('has no audit key of its own, no checkpoint directory, no extra origins and no metrics by default', () => {
    expect(loadConfig({})).toMatchObject({ audit: { key: undefined, checkpointDir: undefined }, allowedOrigins: [], metricsToken: undefined });
  });
  it('reads them, keeping only the origin of each allowed address', () => {
    const config = loadConfig({
      AUDIT_KEY: 'k'.repeat(32),
      AUDIT_CHECKPOINT_DIR: '/var/lib/hearth/audit',
      ALLOWED_ORIGINS: ' https://b.clinic.example/ , http://10.0.0.2:3000/path',
      METRICS_TOKEN: 't'.repeat(16),
    });
    expect(config.audit).toEqual({ key: 'k'.repeat(32), checkpointDir: '/var/lib/hearth/audit' });
    expect(config.allowedOrigins).toEqual(['https://b.clinic.example', 'http://10.0.0.2:3000']);
    expect(config.metricsToken).toBe('t'.repeat(16));
  });
  it('refuses a short audit key or metrics token and an origin that is not http(s)', () => {
    expect(() => loadConfig({ AUDIT_KEY: 'short' })).toThrow(/AUDIT_KEY/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'ftp://x.example' })).toThrow(/ALLOWED_ORIGINS/);
  });
});
