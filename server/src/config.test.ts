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
