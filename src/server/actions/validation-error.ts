import type { ZodError } from 'zod';
import { AppError } from '../errors';

export interface FieldError { readonly code: string; readonly message: string }
export type FieldErrors = Record<string, FieldError>;

/**
 * A request that was understood but refused (422). The router answers `{code: 'validation_failed', message,
 * fieldErrors}`, keyed by the input path (`promise.date`), so the card can show each message at its field.
 */
export class ValidationFailed extends AppError {
  constructor(readonly fieldErrors: FieldErrors) {
    super('validation_failed', `Some fields are not valid: ${Object.keys(fieldErrors).join(', ')}.`, 422);
    this.name = 'ValidationFailed';
  }
}

/** Collects field errors; the first error of a field wins (it is usually the most basic one). */
export function fieldErrorCollector() {
  const errors: FieldErrors = {};
  return {
    add(field: string, code: string, message: string): void {
      if (!errors[field]) errors[field] = { code, message };
    },
    get any(): boolean { return Object.keys(errors).length > 0; },
    throwIfAny(): void { if (Object.keys(errors).length > 0) throw new ValidationFailed(errors); },
    errors,
  };
}

/** Zod issues of a request body as field errors (code `invalid`), e.g. an unknown channel. */
export function fromZodError(error: ZodError): ValidationFailed {
  const c = fieldErrorCollector();
  for (const issue of error.issues) c.add(issue.path.map(String).join('.') || 'body', 'invalid', issue.message);
  return new ValidationFailed(c.errors);
}
