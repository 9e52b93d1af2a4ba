import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CRISIS_RESOURCES } from '@hearth/shared';
import type { RunningServer } from '../src/startServer.js';
import { api, staff } from './clinicApi.js';
import { startTestServer } from './harness.js';

// The clinic's name and crisis resources over HTTP: public to read, staff to see, admins to change.
let server: RunningServer;
let cookies: { admin: string; facilitator: string };

beforeEach(async () => {
  server = await startTestServer({ CLINIC_NAME: 'Riverside Outpatient' });
  cookies = await staff(server);
});
afterEach(async () => {
  await server?.close();
});

const CANADA = {
  name: 'Lakeside Recovery',
  country: 'CA',
  crisisResources: [
    { label: 'Talk Suicide Canada', kind: 'call', value: '988', detail: 'Call or text 988, any time' },
    { label: 'Kids Help Phone', kind: 'text', value: '686868', detail: 'Text CONNECT to 686868' },
    { label: 'Emergency services', kind: 'call', value: '911' },
    { label: 'Find help near you', kind: 'web', value: 'https://988.ca' },
  ],
};

describe('clinic settings', () => {
  it('anyone reads the public info without signing in: the configured name and the US defaults until an admin sets them', async () => {
    const res = await api(server, 'GET', '/api/clinic/info');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'Riverside Outpatient', country: 'US', crisisResources: DEFAULT_CRISIS_RESOURCES });
  });

  it('an admin sets them: the answer, the public info and the staff read all say the same, and the audit log has who', async () => {
    const put = await api(server, 'PUT', '/api/clinic/settings', { body: { ...CANADA, name: '  Lakeside Recovery ' }, cookie: cookies.admin });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toEqual(CANADA);
    expect((await api(server, 'GET', '/api/clinic/info')).body).toEqual(CANADA);
    expect((await api(server, 'GET', '/api/clinic/settings', { cookie: cookies.facilitator })).body).toEqual(CANADA);
    const [entry] = await server.clinic.audit.recent(1);
    expect(entry).toMatchObject({ action: 'clinic-settings-changed', targetId: null });
    // The entry names the admin, not what the settings say.
    expect(JSON.stringify(entry)).not.toContain('686868');
  });

  it('a facilitator may read the staff settings but not change them (403), and nothing changes', async () => {
    const put = await api(server, 'PUT', '/api/clinic/settings', { body: CANADA, cookie: cookies.facilitator });
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await api(server, 'GET', '/api/clinic/info')).body).toMatchObject({ name: 'Riverside Outpatient', country: 'US' });
  });

  it('without a sign-in the staff routes answer 401', async () => {
    expect((await api(server, 'GET', '/api/clinic/settings')).status).toBe(401);
    expect((await api(server, 'PUT', '/api/clinic/settings', { body: CANADA })).status).toBe(401);
  });

  it.each([
    ['no resources', { ...CANADA, crisisResources: [] }],
    ['a lower-case country', { ...CANADA, country: 'ca' }],
    ['an empty name', { ...CANADA, name: '   ' }],
    ['an unknown kind of resource', { ...CANADA, crisisResources: [{ label: 'Line', kind: 'fax', value: '1' }] }],
    ['a field of its own', { ...CANADA, logo: 'x.png' }],
    ['a web resource that is not an https page', { ...CANADA, crisisResources: [{ label: 'Site', kind: 'web', value: 'javascript:alert(1)' }] }],
    ['nine resources', { ...CANADA, crisisResources: Array.from({ length: 9 }, () => CANADA.crisisResources[0]) }],
  ])('a body with %s is refused (400) and nothing changes', async (_what, body) => {
    await api(server, 'PUT', '/api/clinic/settings', { body: CANADA, cookie: cookies.admin });
    const auditBefore = (await server.clinic.audit.all()).length;
    const res = await api(server, 'PUT', '/api/clinic/settings', { body, cookie: cookies.admin });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'INVALID_PAYLOAD' } });
    expect((await api(server, 'GET', '/api/clinic/info')).body).toEqual(CANADA);
    expect(await server.clinic.audit.all()).toHaveLength(auditBefore);
  });
});
