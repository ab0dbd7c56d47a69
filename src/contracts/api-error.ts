import { z } from 'zod';

/**
 * Every non-2xx answer of the card API: a stable machine code (the card picks its message and advice from it)
 * and an English message for logs and developers. Never carries data of another portal or a secret.
 */
export const ApiError = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(500),
});
export type ApiError = z.infer<typeof ApiError>;

/** Codes the card API itself produces; other codes may come from the shared error middleware. */
export const API_ERROR_CODES = [
  'signature_missing',
  'signature_expired',
  'signature_invalid',
  'invalid_request',
  'not_found',
  'payload_too_large',
  'internal_error',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
