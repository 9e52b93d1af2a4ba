import { ERROR_CODES, type ErrorCode } from '@hearth/shared';
import { ApiError } from './ApiError';

export type Method = 'GET' | 'POST' | 'PUT';

/** The fetch this module calls; tests pass their own. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/**
 * One JSON call to the clinic API. Non-GET requests always carry
 * `Content-Type: application/json` (the server refuses anything else, its CSRF defence)
 * and a JSON body (`{}` when there are no fields). Resolves with the parsed answer
 * (`undefined` for 204) or rejects with an ApiError. Nothing is logged: answers and
 * bodies hold passwords, invite tokens and contacts.
 */
export async function requestJson<T>(fetchImpl: Fetch, method: Method, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (method !== 'GET') {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body ?? {});
  }
  let res: Response;
  try {
    res = await fetchImpl(path, init);
  } catch {
    throw new ApiError('NETWORK', 0, 'the server could not be reached');
  }
  if (res.status === 204) return undefined as T;
  const json = await readJson(res);
  if (res.ok) {
    if (json === undefined) throw new ApiError('UNEXPECTED', res.status, 'the answer was not JSON');
    return json as T;
  }
  throw errorFrom(res.status, json);
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** The API's error body is `{ error: { code, message } }`; anything else is UNEXPECTED. */
export function errorFrom(status: number, json: unknown): ApiError {
  const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' && KNOWN_CODES.has(error.code) ? (error.code as ErrorCode) : 'UNEXPECTED';
  const message = typeof error?.message === 'string' ? error.message : '';
  return new ApiError(code, status, message);
}
