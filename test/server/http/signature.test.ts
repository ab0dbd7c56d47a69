import { createHmac } from 'node:crypto';
import { Signature } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { checkV3Signature, MAX_SIGNATURE_AGE_MS, signedUri } from '../../../src/server/http/signature';

const SECRET = 'client-secret-for-tests';
const NOW = Date.parse('2026-11-23T15:00:00Z');
const URI = 'https://rd.example.com/api/cards/receivables?portalId=1&companyId=2';

const sign = (method: string, uri: string, body: string, ts: number, secret = SECRET) =>
  Signature.getSignature(method, 'v3', { clientSecret: secret, url: uri, requestBody: body, timestamp: ts, signature: '' });

const parts = (over: Partial<Parameters<typeof checkV3Signature>[0]> = {}) => ({
  method: 'GET', uri: URI, rawBody: '', timestamp: String(NOW), signature: sign('GET', URI, '', NOW), ...over,
});

describe('checkV3Signature', () => {
  it('when HubSpot signed method, URI, body and timestamp, then it passes', () => {
    expect(checkV3Signature(parts(), SECRET, NOW)).toEqual({ ok: true });
    const body = '{"a":1}';
    expect(checkV3Signature(parts({ method: 'POST', rawBody: body, signature: sign('POST', URI, body, NOW) }), SECRET, NOW)).toEqual({ ok: true });
  });

  it.each([
    ['the method', { method: 'POST' }],
    ['the URI', { uri: URI.replace('companyId=2', 'companyId=3') }],
    ['the body', { rawBody: '{}' }],
    ['the timestamp', { timestamp: String(NOW + 1) }],
  ])('when %s differs from what was signed, then it is invalid', (_what, over) => {
    expect(checkV3Signature(parts(over), SECRET, NOW)).toEqual({ ok: false, code: 'signature_invalid' });
  });

  it('when signed with another secret, then it is invalid', () => {
    expect(checkV3Signature(parts({ signature: sign('GET', URI, '', NOW, 'other') }), SECRET, NOW).ok).toBe(false);
  });

  it('when the timestamp is more than 5 minutes old or ahead, then it has expired; at exactly 5 minutes it still counts', () => {
    const old = NOW - MAX_SIGNATURE_AGE_MS - 1;
    expect(checkV3Signature(parts({ timestamp: String(old), signature: sign('GET', URI, '', old) }), SECRET, NOW))
      .toEqual({ ok: false, code: 'signature_expired' });
    const ahead = NOW + MAX_SIGNATURE_AGE_MS + 1;
    expect(checkV3Signature(parts({ timestamp: String(ahead), signature: sign('GET', URI, '', ahead) }), SECRET, NOW).ok).toBe(false);
    const edge = NOW - MAX_SIGNATURE_AGE_MS;
    expect(checkV3Signature(parts({ timestamp: String(edge), signature: sign('GET', URI, '', edge) }), SECRET, NOW).ok).toBe(true);
  });

  it('when a header is missing or the timestamp is not a number, then it is rejected without comparing', () => {
    expect(checkV3Signature(parts({ signature: undefined }), SECRET, NOW)).toEqual({ ok: false, code: 'signature_missing' });
    expect(checkV3Signature(parts({ timestamp: undefined }), SECRET, NOW)).toEqual({ ok: false, code: 'signature_missing' });
    expect(checkV3Signature(parts({ timestamp: '1e12' }), SECRET, NOW)).toEqual({ ok: false, code: 'signature_expired' });
  });

  it('when the signature is garbage of another length, then it is invalid (no exception from timingSafeEqual)', () => {
    expect(checkV3Signature(parts({ signature: 'abc' }), SECRET, NOW)).toEqual({ ok: false, code: 'signature_invalid' });
  });

  it('when computed by hand as HubSpot documents it, then it equals the api-client helper', () => {
    const manual = createHmac('sha256', SECRET).update(`GET${URI}${NOW}`).digest('base64');
    expect(manual).toBe(sign('GET', URI, '', NOW));
  });
});

describe('signedUri', () => {
  it('when the query holds the documented escapes, then they are decoded (any case) and others stay', () => {
    const uri = signedUri('https://rd.example.com/', '/api/cards/x?a=%3A%2f%3F%40%21%24%27%28%29%2A%2C%3B&b=%20%25%26');
    expect(uri).toBe("https://rd.example.com/api/cards/x?a=:/?@!$'()*,;&b=%20%25%26");
  });

  it('when the path holds an escape, then the path is kept as sent', () => {
    expect(signedUri('https://rd.example.com', '/api/a%3Ab?x=1')).toBe('https://rd.example.com/api/a%3Ab?x=1');
  });

  it('when there is no query, then it is origin + path', () => {
    expect(signedUri('https://rd.example.com', '/api/cards/receivables')).toBe('https://rd.example.com/api/cards/receivables');
  });
});
