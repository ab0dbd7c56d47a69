import { hubspot } from '@hubspot/ui-extensions';
import type { z } from 'zod';
import { ApiError, knownErrorCode, type ApiErrorCode } from '../../contracts/api-error';

/**
 * The one place card code calls `hubspot.fetch`. HubSpot signs the request (v3) and adds nothing we rely
 * on, so the portal and record travel in the query. Every answer is checked against the contract: a card
 * never renders data it does not understand.
 */

export type FetchFailure =
  | { readonly kind: 'http'; readonly status: number; readonly code?: ApiErrorCode }
  | { readonly kind: 'network' }
  | { readonly kind: 'invalid_response' };

/** The backend knows no receivables for this company (404 `not_found`): the card shows "no open invoices". */
export const isNotFound = (failure: FetchFailure): boolean => failure.kind === 'http' && failure.status === 404;

export type FetchResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly failure: FetchFailure };

/** Below hubspot.fetch's 15 s ceiling: the card API answers from Redis in milliseconds, so a slow answer is a failure. */
export const FETCH_TIMEOUT_MS = 10_000;

export function buildUrl(origin: string, path: string, query: Readonly<Record<string, string | number>>): string {
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return qs ? `${origin}${path}?${qs}` : `${origin}${path}`;
}

export async function getJson<S extends z.ZodType>(url: string, schema: S): Promise<FetchResult<z.infer<S>>> {
  const r = await call(url, { method: 'GET', timeout: FETCH_TIMEOUT_MS }, schema);
  return r.ok ? r : { ok: false, failure: r.failure };
}

/** A write's answer: like FetchResult, plus the error body of a refused write (422 field errors) for the form. */
export type SendResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly failure: FetchFailure; readonly errorBody?: unknown };

/**
 * POST/PUT/PATCH/DELETE with a JSON body (hubspot.fetch sends objects as JSON). HubSpot retries once on 5xx,
 * so every endpoint called with this must be idempotent.
 */
export const sendJson = <S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body: Record<string, unknown>, schema: S,
): Promise<SendResult<z.infer<S>>> => call(url, { method, timeout: FETCH_TIMEOUT_MS, body }, schema);

/** One hubspot.fetch, its answer checked against the contract; a refused call keeps its error body. */
async function call<S extends z.ZodType>(url: string, init: Parameters<typeof hubspot.fetch>[1], schema: S): Promise<SendResult<z.infer<S>>> {
  let res: Response;
  try {
    res = await hubspot.fetch(url, init);
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const error = ApiError.safeParse(body);
    const code = error.success ? knownErrorCode(error.data.code) : undefined;
    return { ok: false, failure: { kind: 'http', status: res.status, ...(code ? { code } : {}) }, errorBody: body };
  }
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, failure: { kind: 'invalid_response' } };
}
