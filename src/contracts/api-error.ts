import { z } from 'zod';

/**
 * Every code a non-2xx answer of the backend can carry. The server can only raise these (AppError takes an
 * ApiErrorCode) and a card comparing against a code that does not exist fails to compile.
 */
export const API_ERROR_CODES = [
  // any route
  'not_found', 'invalid_request', 'bad_request', 'payload_too_large', 'unsupported_media_type', 'aborted',
  'unauthorized', 'internal_error', 'unavailable',
  // requests signed by HubSpot
  'signature_missing', 'signature_expired', 'signature_invalid',
  // card writes
  'validation_failed', 'outcome_in_progress', 'task_not_created', 'hubspot_failed', 'hubspot_daily_limit', 'ledger_unprocessable',
  // ingest
  'unknown_invoice', 'unknown_company', 'several_companies', 'invalid_mapping', 'empty_csv', 'unreadable_csv_header', 'unknown_csv_layout',
  'csv_mapping_mismatch', 'ambiguous_csv_dates', 'unknown_csv_preset', 'bad_multipart', 'invalid_xml', 'not_camt', 'not_pain002',
  // the settings page and app home (settings.ts, operations.ts, debtor-page.ts, home.ts list each route's own)
  'not_admin', 'version_conflict', 'invalid_settings', 'user_required',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * Every non-2xx answer of the card API: a stable machine code (the card picks its message and advice from it)
 * and an English message for logs and developers. Never carries data of another portal or a secret. A code
 * this card version does not know (a newer backend) still parses; `knownErrorCode` tells the two apart.
 */
export const ApiError = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(500),
});
export type ApiError = z.infer<typeof ApiError>;
/** What the server sends: the same shape with the code checked against the list (some answers add details). */
export interface ApiErrorBody { readonly code: ApiErrorCode; readonly message: string; readonly [detail: string]: unknown }

const KNOWN: ReadonlySet<string> = new Set(API_ERROR_CODES);
export const knownErrorCode = (code: string): ApiErrorCode | undefined => (KNOWN.has(code) ? (code as ApiErrorCode) : undefined);
