/**
 * Errors a use case may raise. The server maps each to one HTTP status and the JSON error body;
 * anything else is an internal error (500, logged, no details to the client).
 */
export type AppErrorCode =
  | 'validation_failed'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_token'
  | 'csrf_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'service_unavailable';

const STATUS: Record<AppErrorCode, number> = {
  validation_failed: 400,
  invalid_credentials: 401,
  unauthorized: 401,
  invalid_token: 400,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  service_unavailable: 503,
};

export class AppError extends Error {
  readonly status: number;
  /**
   * More to say than a message, sent beside `error` in the body (e.g. a 409's current text, so the
   * second editor can merge). The route's response schema for the status declares these fields.
   */
  readonly details: Record<string, unknown> = {};
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** One message for every 404, so that an answer never tells an unknown id from someone else's. */
export const notFound = () => new AppError('not_found', 'Not found');
export const forbidden = () => new AppError('forbidden', 'You do not have access to this');
