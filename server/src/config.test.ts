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
  it('names the clinic "Hearth" until CLINIC_NAME says otherwise', () => {
    expect(loadConfig({}).clinicName).toBe('Hearth');
    expect(loadConfig({ CLINIC_NAME: ' Riverside Outpatient ' }).clinicName).toBe('Riverside Outpatient');
    expect(() => loadConfig({ CLINIC_NAME: 'x'.repeat(81) })).toThrow(/CLINIC_NAME/);
  });
  it('limits connections per address and outgoing buffers, both adjustable, and trusts no proxy unless told', () => {
    const defaults = loadConfig({});
    expect(defaults.limits.connectionsPerAddress).toEqual({ points: 60, seconds: 10 });
    expect(defaults.limits.outgoingBufferBytes).toBe(1024 * 1024);
    expect(defaults.trustProxy).toBe(false);
    const set = loadConfig({ MAX_CONNECTIONS_PER_ADDRESS: '500', MAX_OUTGOING_BUFFER_BYTES: '65536', TRUST_PROXY: 'true' });
    expect(set.limits.connectionsPerAddress.points).toBe(500);
    expect(set.limits.outgoingBufferBytes).toBe(65536);
    expect(set.trustProxy).toBe(true);
    expect(() => loadConfig({ MAX_OUTGOING_BUFFER_BYTES: '100' })).toThrow(/MAX_OUTGOING_BUFFER_BYTES/);
  });
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ MEDIASOUP_WORKERS: '0' })).toThrow(/MEDIASOUP_WORKERS/);
    expect(() => loadConfig({ RTC_MIN_PORT: '5000', RTC_MAX_PORT: '4000' })).toThrow(/RTC_MIN_PORT/);
  });
});

describe('loadConfig: clinic and sign-in', () => {
  it('defaults to no secret, an insecure cookie (plain-http quick start), no demo and UTC', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ secret: undefined, cookieSecure: false });
    expect(config.demo).toBe(false);
    expect(config.clinicTimeZone).toBe('UTC');
  });
  it('reads the secret, the cookie flag, demo mode and the clinic time zone', () => {
    const config = loadConfig({ HEARTH_SECRET: 'x'.repeat(32), COOKIE_SECURE: 'true', DEMO: '1', CLINIC_TIME_ZONE: 'America/Chicago' });
    expect(config.auth).toEqual({ secret: 'x'.repeat(32), cookieSecure: true });
    expect(config.demo).toBe(true);
    expect(config.clinicTimeZone).toBe('America/Chicago');
    expect(loadConfig({ COOKIE_SECURE: 'false', DEMO: '0' })).toMatchObject({ auth: { cookieSecure: false }, demo: false });
  });
  it('refuses a short secret, a vague flag and an unknown time zone', () => {
    expect(() => loadConfig({ HEARTH_SECRET: 'too-short' })).toThrow(/HEARTH_SECRET/);
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE/);
    expect(() => loadConfig({ CLINIC_TIME_ZONE: 'Mars/Olympus' })).toThrow(/CLINIC_TIME_ZONE/);
  });
});
