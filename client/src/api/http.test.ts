import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { createClinicApi } from './clinicApi';
import { errorFrom, requestJson, type Fetch } from './http';

type Call = { input: string; init: RequestInit };

/** A fetch that records what it was asked and answers with `res`. */
function fakeFetch(res: () => Response | Promise<Response>): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (input, init) => {
      calls.push({ input, init });
      return res();
    },
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('requestJson', () => {
  it('sends changes as JSON with the Content-Type the server requires, and an empty object when there are no fields', async () => {
    const { fetch, calls } = fakeFetch(() => json(201, []));
    await requestJson(fetch, 'POST', '/api/sessions/s1/invites');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toMatchObject({ 'Content-Type': 'application/json' });
    expect(calls[0]?.init.body).toBe('{}');
    expect(calls[0]?.init.credentials).toBe('same-origin');
  });

  it('sends GETs without a body or Content-Type', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { setupNeeded: true }));
    expect(await requestJson(fetch, 'GET', '/api/setup')).toEqual({ setupNeeded: true });
    expect(calls[0]?.init.body).toBeUndefined();
    expect(calls[0]?.init.headers).not.toHaveProperty('Content-Type');
  });

  it('resolves a 204 with nothing', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }));
    expect(await requestJson(fetch, 'POST', '/api/auth/logout')).toBeUndefined();
  });

  it('turns the API error body into an ApiError with its code and status', async () => {
    const { fetch } = fakeFetch(() => json(429, { error: { code: 'RATE_LIMITED', message: 'too many failed sign-ins' } }));
    const err = await rejection(requestJson(fetch, 'POST', '/api/auth/login', { email: 'a@b.c', password: 'x' }));
    expect(err).toMatchObject({ code: 'RATE_LIMITED', status: 429, serverMessage: 'too many failed sign-ins' });
  });

  it('calls a server that cannot be reached NETWORK', async () => {
    const err = await rejection(
      requestJson(
        () => Promise.reject(new TypeError('Failed to fetch')),
        'GET',
        '/api/cohorts',
      ),
    );
    expect(err).toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('calls an answer that is not the API’s JSON UNEXPECTED (a proxy’s error page, an empty 200)', async () => {
    const html = fakeFetch(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect(await rejection(requestJson(html.fetch, 'GET', '/api/cohorts'))).toMatchObject({ code: 'UNEXPECTED', status: 502 });
    const empty = fakeFetch(() => new Response('', { status: 200 }));
    expect(await rejection(requestJson(empty.fetch, 'GET', '/api/cohorts'))).toMatchObject({ code: 'UNEXPECTED', status: 200 });
  });

  it('never puts what was sent into the error (passwords, contacts)', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: { code: 'UNAUTHENTICATED', message: 'wrong email or password' } }));
    const err = await rejection(requestJson(fetch, 'POST', '/api/auth/login', { email: 'ann@clinic.org', password: 'secret-passphrase' }));
    expect(`${err.message} ${err.serverMessage} ${err.stack ?? ''}`).not.toMatch(/secret-passphrase|ann@clinic\.org/);
  });
});

describe('errorFrom', () => {
  it('keeps only codes the protocol knows', () => {
    expect(errorFrom(400, { error: { code: 'DROP_TABLES', message: 'x' } }).code).toBe('UNEXPECTED');
    expect(errorFrom(404, { error: { code: 'NOT_FOUND', message: 'cohort not found' } }).code).toBe('NOT_FOUND');
    expect(errorFrom(500, null).code).toBe('UNEXPECTED');
    expect(errorFrom(500, 'text').serverMessage).toBe('');
  });
});

describe('createClinicApi', () => {
  it('puts ids into paths encoded, under /api', async () => {
    const { fetch, calls } = fakeFetch(() => json(201, { jti: 'j', memberId: 'm/1', pseudonym: 'Ana', url: '/join/t', expiresAt: '' }));
    await createClinicApi({ fetch }).reissueInvite('s 1', 'm/1');
    expect(calls[0]?.input).toBe('/api/sessions/s%201/members/m%2F1/invite');
  });

  it('unwraps the record from its envelope', async () => {
    const cohort = { id: 'c1', name: 'Evening IOP', timeZone: 'America/Chicago', createdAt: '2025-03-03T12:00:00.000Z' };
    const { fetch, calls } = fakeFetch(() => json(201, { cohort }));
    expect(await createClinicApi({ fetch }).createCohort({ name: 'Evening IOP', timeZone: 'America/Chicago' })).toEqual(cohort);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ name: 'Evening IOP', timeZone: 'America/Chicago' });
  });

  it('reports an ended sign-in from any call but the sign-in form', async () => {
    const { fetch } = fakeFetch(() => json(401, { error: { code: 'UNAUTHENTICATED', message: 'sign in first' } }));
    let signedOut = 0;
    const api = createClinicApi({ fetch, onSignedOut: () => (signedOut += 1) });
    expect(await rejection(api.cohorts())).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(signedOut).toBe(1);
    expect(await rejection(api.signIn('a@b.co', 'wrong'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(signedOut).toBe(1);
  });
});
