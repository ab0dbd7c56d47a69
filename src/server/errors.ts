/** An operational failure with a stable code and the HTTP status it maps to. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 500,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }
}

/**
 * The one answer for "no such company here": an unknown portal, a company of another portal and a company
 * that exists nowhere are indistinguishable, so the answer reveals nothing about other portals.
 */
export const companyNotFound = (): AppError =>
  new AppError('not_found', 'No receivables are known for this company.', 404);
