import type { ApiErrorCode } from '../contracts/api-error';

/** An operational failure with a stable code and the HTTP status it maps to; `details` (a contract type) goes into the answer. */
export class AppError extends Error {
  readonly details: unknown;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly httpStatus = 500,
    options?: { cause?: unknown; details?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.details = options?.details;
  }
}

/**
 * The one answer for "no such company here": an unknown portal, a company of another portal and a company
 * that exists nowhere are indistinguishable, so the answer reveals nothing about other portals.
 */
export const companyNotFound = (): AppError =>
  new AppError('not_found', 'No receivables are known for this company.', 404);
