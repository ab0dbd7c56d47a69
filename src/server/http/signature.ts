import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Request, type RequestHandler } from 'express';
import { AppError } from '../errors';

/**
 * HubSpot request signature v3 (hubspot.fetch from cards, webhooks): HMAC-SHA256 with the app's client
 * secret over METHOD + full public URI + raw body + timestamp, base64, at most 5 minutes old. Checked before
 * anything is parsed, so an unsigned request never reaches JSON parsing, zod or Redis.
 */

export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * HubSpot signs the URI with these escapes in the query decoded (request-validation docs); decoding exactly
 * these, and nothing else, gives the string HubSpot signed.
 */
const DECODED_ESCAPES: Readonly<Record<string, string>> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$',
  '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};
const ESCAPE_PATTERN = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

/** The URI HubSpot signed: the public origin + path + query, with the documented escapes in the query decoded. */
export function signedUri(publicBaseUrl: string, originalUrl: string): string {
  const q = originalUrl.indexOf('?');
  const path = q === -1 ? originalUrl : originalUrl.slice(0, q);
  const query = q === -1 ? '' : originalUrl.slice(q).replace(ESCAPE_PATTERN, (m) => DECODED_ESCAPES[m.toUpperCase()] ?? m);
  return `${publicBaseUrl.replace(/\/+$/, '')}${path}${query}`;
}

export type SignatureCheck = { ok: true } | { ok: false; code: 'signature_missing' | 'signature_expired' | 'signature_invalid' };

export interface SignedRequestParts {
  readonly method: string;
  readonly uri: string;
  readonly rawBody: string;
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
}

export function checkV3Signature(req: SignedRequestParts, clientSecret: string, nowMs: number): SignatureCheck {
  if (!req.signature || !req.timestamp) return { ok: false, code: 'signature_missing' };
  const ts = /^\d{1,16}$/.test(req.timestamp) ? Number(req.timestamp) : Number.NaN;
  // Symmetric window: a timestamp from the future is as suspicious as an old one.
  if (!Number.isFinite(ts) || Math.abs(nowMs - ts) > MAX_SIGNATURE_AGE_MS) return { ok: false, code: 'signature_expired' };
  const expected = createHmac('sha256', clientSecret)
    .update(`${req.method}${req.uri}${req.rawBody}${req.timestamp}`, 'utf8')
    .digest();
  const given = Buffer.from(req.signature, 'base64');
  const same = given.length === expected.length && timingSafeEqual(given, expected);
  return same ? { ok: true } : { ok: false, code: 'signature_invalid' };
}

export interface SignatureOptions {
  readonly clientSecret: string;
  /** The backend's public origin (PUBLIC_BASE_URL): behind a proxy `req.host` is not what HubSpot called. */
  readonly publicBaseUrl: string;
  /** Larger bodies get 413 before any byte is verified or parsed. */
  readonly maxBodyBytes?: number;
  readonly now?: () => Date;
}

const MESSAGES = {
  signature_missing: 'The request is not signed by HubSpot.',
  signature_expired: 'The request signature is older than 5 minutes (or the clocks differ). Retry the request.',
  signature_invalid: 'The request signature does not match.',
} as const;

/**
 * Middleware pair: read the raw body (any content type, size-limited → 413), then verify the v3 signature
 * (→ 401 AppError). After it, `req.body` is the raw Buffer; use `parseJsonBody` for JSON.
 */
export function verifyHubSpotSignature(opts: SignatureOptions): RequestHandler[] {
  if (!opts.clientSecret) throw new Error('verifyHubSpotSignature needs the app client secret');
  const now = opts.now ?? (() => new Date());
  const readRaw = express.raw({ type: () => true, limit: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES });
  const verify: RequestHandler = (req, _res, next) => {
    const result = checkV3Signature({
      method: req.method,
      uri: signedUri(opts.publicBaseUrl, req.originalUrl),
      rawBody: rawBodyOf(req),
      timestamp: req.get('x-hubspot-request-timestamp'),
      signature: req.get('x-hubspot-signature-v3'),
    }, opts.clientSecret, now().getTime());
    if (result.ok) next();
    else next(new AppError(result.code, MESSAGES[result.code], 401));
  };
  return [readRaw, verify];
}

function rawBodyOf(req: Request): string {
  return Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
}

/** JSON of a verified request; a body that is not JSON is the caller's mistake (400), never a crash. */
export function parseJsonBody(req: Request): unknown {
  const raw = rawBodyOf(req);
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('invalid_request', 'The request body is not valid JSON.', 400);
  }
}
