import type { Client } from '@hubspot/api-client';
import type { AnswerHeaders } from './portal-caller';

/**
 * A batch write whose answer the caller does not read (the sync's rollups), through the api-client's `apiRequest`:
 * the generated batch API turns each of the 100 objects HubSpot sends back into model classes (about 40 µs per
 * company, on the sync's critical path) and in api-client 13 hides the answer's headers; here the
 * `X-HubSpot-RateLimit-*` headers reach the rate budget. A failure is thrown in the shape the generated APIs
 * throw (`code` = status, `body`, `headers`), so the retry policy and the batch split treat it alike.
 */
export async function postBatch(client: Client, answered: AnswerHeaders, path: string, body: object): Promise<void> {
  const res = await client.apiRequest({ method: 'POST', path, body });
  answered((name) => res.headers.get(name));
  if (res.ok) {
    await res.arrayBuffer(); // read to the end, so the connection is free again; never parsed
    return;
  }
  const text = await res.text();
  let parsed: unknown = text;
  try { parsed = JSON.parse(text); } catch { /* HubSpot's error bodies are JSON; a proxy's may not be */ }
  throw Object.assign(new Error(`HTTP ${res.status} from POST ${path}`), { code: res.status, body: parsed, headers: Object.fromEntries(res.headers.entries()) });
}
