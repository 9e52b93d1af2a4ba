import type { ErrorCode } from '@hearth/shared';

/**
 * A refused or failed API call. `code` is the server's error code, `NETWORK` when the
 * server could not be reached, or `UNEXPECTED` when the answer was not the API's JSON
 * (a proxy's error page, say). `serverMessage` is the server's English detail, kept for
 * the few codes whose detail is written for people; never shown raw otherwise.
 */
export type ApiErrorCode = ErrorCode | 'NETWORK' | 'UNEXPECTED';

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    readonly serverMessage: string,
  ) {
    super(`${code} (${status})`);
    this.name = 'ApiError';
  }
}

export const isApiError = (err: unknown): err is ApiError => err instanceof ApiError;
