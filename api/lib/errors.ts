import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The one error shape of the API: `{"error":{"code","message","details?"}}`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Thrown anywhere in a request; the app's error handler turns it into the error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Palun logi sisse.') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message = 'Sul ei ole selleks õigust.') => new ApiError(403, 'forbidden', message);
export const notFound = (message = 'Ei leitud.') => new ApiError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
