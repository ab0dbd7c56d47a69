import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkV3Signature, signedUri } from '../../src/server/http/signature';
import { proxyFetch } from '../../src/workspace/server/fetch-proxy';

/** A backend that checks HubSpot's v3 signature the way the card API does, and echoes what it received. */
let server: Server;
let local: string;
const SECRET = 'app-secret';
const CARD_ORIGIN = 'https://receivables-desk-dev.example.com';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const check = checkV3Signature({
        method: req.method ?? '', uri: signedUri(local, req.url ?? ''), rawBody: raw,
        timestamp: req.headers['x-hubspot-request-timestamp'] as string | undefined, signature: req.headers['x-hubspot-signature-v3'] as string | undefined,
      }, SECRET, Date.now());
      if (req.url?.startsWith('/big')) return void res.end('x'.repeat(1024 * 1024 + 1));
      if (req.url?.startsWith('/missing')) { res.statusCode = 404; return void res.end(JSON.stringify({ code: 'not_found' })); }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ check, url: req.url, body: raw, auth: req.headers.authorization ?? null }));
    });
  });
  await new Promise<void>((r) => server.listen(0, r));
  local = `http://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const deps = () => ({ permittedUrls: [CARD_ORIGIN], localOrigins: { [CARD_ORIGIN]: local }, clientSecret: SECRET, appId: 77 });

describe('the workspace signs and limits hubspot.fetch as HubSpot does', () => {
  it('when a card calls its backend, then the backend receives a valid v3 signature, appId in the query and the JSON body', async () => {
    const answer = await proxyFetch({ url: `${CARD_ORIGIN}/api/cards/x?portalId=1&note=a%3Ab`, method: 'POST', body: { promise: 1 }, headers: { Authorization: 'Bearer t' } }, deps());
    expect(answer.kind).toBe('response');
    const echoed = JSON.parse(answer.kind === 'response' ? answer.body : '{}') as { check: { ok: boolean }; url: string; body: string; auth: string };
    expect(echoed.check).toEqual({ ok: true });
    expect(echoed.url).toContain('appId=77');
    expect(echoed.body).toBe('{"promise":1}');
    expect(echoed.auth).toBe('Bearer t');
  });

  it('when a GET carries a body, then HubSpot drops it and the signature still holds', async () => {
    const answer = await proxyFetch({ url: `${CARD_ORIGIN}/api/cards/x`, method: 'GET', body: { ignored: true } }, deps());
    const echoed = JSON.parse(answer.kind === 'response' ? answer.body : '{}') as { check: { ok: boolean }; body: string };
    expect(echoed).toMatchObject({ check: { ok: true }, body: '' });
  });

  it('when the backend answers 404, then the card gets the status and the body, as a Response', async () => {
    expect(await proxyFetch({ url: `${CARD_ORIGIN}/missing`, method: 'GET' }, deps())).toEqual({ kind: 'response', status: 404, body: '{"code":"not_found"}' });
  });

  it.each([
    ['a URL outside permittedUrls.fetch', { url: 'https://elsewhere.example.com/x' }, /permittedUrls/],
    ['plain http', { url: 'http://receivables-desk-dev.example.com/x' }, /https/],
    ['a header other than Authorization', { url: `${CARD_ORIGIN}/x`, headers: { 'X-Custom': '1' } }, /Only 'Authorization' header is allowed/],
    ['two headers', { url: `${CARD_ORIGIN}/x`, headers: { Authorization: 'a', authorization2: 'b' } }, /Only 'Authorization'/],
    ['a body over 1 MB', { url: `${CARD_ORIGIN}/x`, method: 'POST' as const, body: { big: 'x'.repeat(1024 * 1024) } }, /1 MB/],
    ['an answer over 1 MB', { url: `${CARD_ORIGIN}/big` }, /1 MB/],
  ])('when a card sends %s, then the proxy refuses it as HubSpot would', async (_name, req, message) => {
    const answer = await proxyFetch({ method: 'GET', ...req }, deps());
    expect(answer.kind).toBe('refused');
    expect(answer.kind === 'refused' ? answer.message : '').toMatch(message);
  });
});
