import { Signature } from '@hubspot/api-client';
import request from 'supertest';
import type { Express } from 'express';

/** What HubSpot would send: the real api-client helper computes the v3 signature over the public URI. */
export function hubspotHeaders(opts: {
  secret: string;
  method: string;
  publicUri: string;
  body?: string;
  timestamp?: number;
}): Record<string, string> {
  const timestamp = opts.timestamp ?? Date.now();
  const signature = Signature.getSignature(opts.method, 'v3', {
    clientSecret: opts.secret,
    url: opts.publicUri,
    requestBody: opts.body ?? '',
    timestamp,
    signature: '', // the helper's options type wants it; getSignature ignores it
  });
  return { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': String(timestamp) };
}

/** A signed GET through supertest; `path` includes the query exactly as sent. */
export function signedGet(app: Express, path: string, opts: { secret: string; publicBaseUrl: string; timestamp?: number }) {
  return request(app)
    .get(path)
    .set(hubspotHeaders({ secret: opts.secret, method: 'GET', publicUri: `${opts.publicBaseUrl}${path}`, timestamp: opts.timestamp }));
}
