import { createHash, createHmac } from 'node:crypto';

/**
 * The headers HubSpot puts on a webhook POST: v3 (HMAC-SHA256 over method + URL + body + timestamp, base64)
 * and the legacy v1 (SHA-256 hex of secret + body) that CRM-object webhooks still carry. Reference §2.4.
 */
export function webhookSignatureHeaders(clientSecret: string, targetUrl: string, body: string, timestamp: number): Record<string, string> {
  const v3 = createHmac('sha256', clientSecret).update(`POST${targetUrl}${body}${timestamp}`, 'utf8').digest('base64');
  const v1 = createHash('sha256').update(clientSecret + body, 'utf8').digest('hex');
  return {
    'X-HubSpot-Signature-v3': v3,
    'X-HubSpot-Request-Timestamp': String(timestamp),
    'X-HubSpot-Signature': v1,
    'X-HubSpot-Signature-Version': 'v1',
  };
}
