import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import {
  DISABLED_MESSAGE,
  errorMessage,
  HTTPS_REQUIRED_MESSAGE,
  RATE_LIMITED_MESSAGE,
  SIGNED_OUT_MESSAGE,
  WRONG_CREDENTIALS_MESSAGE,
  WRONG_CURRENT_PASSWORD_MESSAGE,
} from './errorMessage';

const err = (code: ApiError['code'], status = 400, message = '') => new ApiError(code, status, message);

describe('errorMessage', () => {
  it('gives one message for an unknown email and a wrong password at sign-in', () => {
    expect(errorMessage(err('UNAUTHENTICATED', 401, 'wrong email or password'), 'signIn')).toBe(WRONG_CREDENTIALS_MESSAGE);
    expect(WRONG_CREDENTIALS_MESSAGE).not.toMatch(/no account|unknown|not found/i);
  });

  it('says a throttled sign-in can be tried again later or from the usual place', () => {
    expect(errorMessage(err('RATE_LIMITED', 429), 'signIn')).toBe(RATE_LIMITED_MESSAGE);
    expect(RATE_LIMITED_MESSAGE).toMatch(/too many attempts/i);
    expect(RATE_LIMITED_MESSAGE).toContain('try again in 15 minutes, or from where you usually sign in');
    expect(errorMessage(err('SERVER_BUSY', 503), 'signIn')).toMatch(/busy.*try again in a moment/i);
  });

  it('names a disabled account at sign-in and a wrong current password when changing it', () => {
    expect(errorMessage(err('FORBIDDEN', 403), 'signIn')).toBe(DISABLED_MESSAGE);
    expect(errorMessage(err('FORBIDDEN', 403), 'changePassword')).toBe(WRONG_CURRENT_PASSWORD_MESSAGE);
    expect(errorMessage(err('FORBIDDEN', 403))).toMatch(/cannot do this/);
  });

  it('tells staff who reached sign-in over plain http to use the https address, not that the password is wrong', () => {
    expect(errorMessage(err('HTTPS_REQUIRED', 403), 'signIn')).toBe(HTTPS_REQUIRED_MESSAGE);
    expect(HTTPS_REQUIRED_MESSAGE).toContain('https://');
    expect(HTTPS_REQUIRED_MESSAGE).not.toMatch(/password/i);
  });

  it('means an ended sign-in anywhere but the sign-in form', () => {
    expect(errorMessage(err('UNAUTHENTICATED', 401))).toBe(SIGNED_OUT_MESSAGE);
  });

  it('tells an already set-up Hearth from a taken email', () => {
    expect(errorMessage(err('ALREADY_EXISTS', 409), 'setup')).toMatch(/already set up.*sign in/i);
    expect(errorMessage(err('ALREADY_EXISTS', 409), 'addFacilitator')).toBe('There is already an account with this email.');
  });

  it('explains account rules instead of showing the validator’s text', () => {
    const text = errorMessage(err('INVALID_PAYLOAD', 400, '✖ use at least 12 characters\n  → at password'), 'addFacilitator');
    expect(text).toContain('at least 12 characters');
    expect(text).not.toContain('✖');
  });

  it('shows the server’s words for a state that no longer allows the action, as a sentence', () => {
    expect(errorMessage(err('INVALID_STATE', 409, 'this session has ended'))).toBe('This session has ended.');
    expect(errorMessage(err('INVALID_STATE', 409, ''))).toBe('This cannot be done any more.');
  });

  it('says what to do when the server cannot be reached', () => {
    expect(errorMessage(err('NETWORK', 0))).toMatch(/could not be reached.*connection/);
  });

  it('has calm words for server trouble and for anything that is not an API error', () => {
    for (const e of [err('INTERNAL', 500), err('UNEXPECTED', 502), new Error('boom'), 'nope']) {
      expect(errorMessage(e)).toMatch(/^Something went wrong on Hearth’s side/);
    }
  });

  it('names refusals by role and missing records in plain words', () => {
    expect(errorMessage(err('FORBIDDEN', 403))).toMatch(/clinic admin/);
    expect(errorMessage(err('NOT_FOUND', 404))).toMatch(/could not be found/);
  });
});
