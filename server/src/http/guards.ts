import type { RequestHandler, Response } from 'express';
import type { Clinic } from '../clinic/createClinic.js';
import { ForbiddenError, UnauthenticatedError, UnsupportedMediaTypeError } from '../errors.js';
import type { Role } from '../store/ClinicStore.js';
import type { Account } from '../auth/Accounts.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for the cookie-authenticated API: every state-changing request must be
 * `Content-Type: application/json`. A cross-site page can only send that with a CORS
 * preflight, which this server never grants, and SameSite=Strict keeps the cookie off
 * cross-site requests anyway; together that is enough without CSRF tokens. Applied to
 * every non-GET API call, sign-in included (which also stops login CSRF).
 */
export const requireJsonForChanges: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  next(mediaType === 'application/json' ? undefined : new UnsupportedMediaTypeError());
};

/** Lets the request through only for a signed-in staff member with one of these roles. */
export function requireRole(clinic: Clinic, ...roles: Role[]): RequestHandler {
  return async (req, res, next) => {
    const account = await clinic.accountFromCookie(req.headers.cookie);
    if (!account) throw new UnauthenticatedError();
    if (!roles.includes(account.role)) throw new ForbiddenError(`only ${roles.join(' or ')} accounts may do this`);
    res.locals['account'] = account;
    next();
  };
}

/** The account requireRole stamped on this request. */
export function signedIn(res: Response): Account {
  const account = res.locals['account'] as Account | undefined;
  if (!account) throw new UnauthenticatedError();
  return account;
}
