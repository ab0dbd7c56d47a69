import { createHmac } from 'node:crypto';
import { z } from 'zod';

/**
 * `hubspot.fetch` as HubSpot's backend runs it, after @hubspot/ui-extensions-dev-server's local proxy
 * ("mirroring what the backend is doing"): only URLs under the app's `permittedUrls.fetch`, HTTPS, at most
 * one header and only `Authorization`, a JSON body only for POST/PUT/PATCH/DELETE, 1 MB each way, 15 s,
 * no redirects, `appId` appended to the query, signed v3 with the app's client secret. The card's HTTPS
 * origin (the profile's BACKEND_ORIGIN) is mapped to the local backend, as the dev server's
 * localDevUrlMapping does, and the signature covers the URL the backend receives.
 */
export const FETCH_LIMITS = { maxBytes: 1024 * 1024, defaultTimeoutMs: 15_000, maxTimeoutMs: 15_000 } as const;

export const ProxyRequest = z.object({
  url: z.string().max(8192),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  timeout: z.number().int().positive().optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});
export type ProxyRequest = z.infer<typeof ProxyRequest>;

/** What the worker turns into the card's Response (`status`, `body`), or a refusal HubSpot's proxy gives itself. */
export type ProxyAnswer =
  | { readonly kind: 'response'; readonly status: number; readonly body: string }
  | { readonly kind: 'refused'; readonly status: number; readonly category: string; readonly message: string };

export interface FetchProxyDeps {
  /** Origins the app may call, `${VARIABLES}` already replaced (app-hsmeta.json permittedUrls.fetch). */
  readonly permittedUrls: readonly string[];
  /** The card's origin → where that backend listens locally. */
  readonly localOrigins: Readonly<Record<string, string>>;
  readonly clientSecret: string;
  readonly appId: string | number;
  readonly now?: () => number;
}

const refused = (status: number, category: string, message: string): ProxyAnswer => ({ kind: 'refused', status, category, message });

/** HubSpot signs the URI with these escapes decoded (request-validation docs). */
const DECODE = /%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;
const decodeForSigning = (uri: string): string => uri.replace(DECODE, (m) => decodeURIComponent(m));

export function v3Signature(secret: string, method: string, uri: string, body: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${method}${decodeForSigning(uri)}${body}${timestamp}`, 'utf8').digest('base64');
}

function checkRequest(r: ProxyRequest, deps: FetchProxyDeps): { url: URL } | ProxyAnswer {
  let url: URL;
  try {
    url = new URL(r.url);
  } catch {
    return refused(400, 'VALIDATION_ERROR', 'URL is malformed');
  }
  if (url.protocol !== 'https:') return refused(400, 'VALIDATION_ERROR', `hubspot.fetch only calls https URLs, not ${url.protocol}`);
  if (!deps.permittedUrls.some((p) => r.url.startsWith(p))) {
    return refused(400, 'VALIDATION_ERROR', `${url.origin} is not in permittedUrls.fetch of the app (${deps.permittedUrls.join(', ')})`);
  }
  const headers = Object.keys(r.headers ?? {});
  if (headers.length > 1) return refused(400, 'VALIDATION_ERROR', "Only 'Authorization' header is allowed");
  if (headers.some((h) => h.toLowerCase() !== 'authorization')) {
    return refused(400, 'VALIDATION_ERROR', "Invalid Request Headers provided. Only 'Authorization' header is allowed from hubspot.fetch()");
  }
  return { url };
}

export async function proxyFetch(r: ProxyRequest, deps: FetchProxyDeps): Promise<ProxyAnswer> {
  const checked = checkRequest(r, deps);
  if ('kind' in checked) return checked;
  const { url } = checked;
  const local = deps.localOrigins[url.origin];
  if (!local) return refused(502, 'BAD_GATEWAY', `${url.origin} is not served in this workspace`);
  url.searchParams.set('appId', String(deps.appId));
  const target = `${local.replace(/\/$/, '')}${url.pathname}${url.search}`;
  const withBody = r.method !== 'GET' && r.body !== undefined && r.body !== null;
  const body = withBody ? JSON.stringify(r.body) : '';
  if (Buffer.byteLength(body) > FETCH_LIMITS.maxBytes) return refused(413, 'VALIDATION_ERROR', 'The request body is larger than 1 MB');
  const timestamp = (deps.now ?? Date.now)();
  const timeoutMs = Math.min(r.timeout ?? FETCH_LIMITS.defaultTimeoutMs, FETCH_LIMITS.maxTimeoutMs);
  let res: Response;
  try {
    res = await fetch(target, {
      method: r.method, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs),
      headers: {
        ...r.headers,
        'X-HubSpot-Signature-v3': v3Signature(deps.clientSecret, r.method, target, body, timestamp),
        'X-HubSpot-Request-Timestamp': String(timestamp),
        ...(withBody ? { 'content-type': 'application/json' } : {}),
      },
      ...(withBody ? { body } : {}),
    });
  } catch (e) {
    const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
    return timedOut ? refused(504, 'GATEWAY_TIMEOUT', 'Gateway took too long to respond') : refused(500, 'INTERNAL_SERVER_ERROR', 'Network error');
  }
  const text = await res.text();
  if (Buffer.byteLength(text) > FETCH_LIMITS.maxBytes) return refused(502, 'BAD_GATEWAY', 'The response body is larger than 1 MB');
  return { kind: 'response', status: res.status, body: text };
}
