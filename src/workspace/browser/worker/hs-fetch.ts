/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** `hubspot.fetch` in the worker: through the workspace's signing proxy, answered as a Response like HubSpot's. */
type Answer =
  | { kind: 'response'; status: number; body: string }
  | { kind: 'refused'; status: number; category: string; message: string };

const NULL_BODY = new Set([101, 204, 205, 304]);

export function hsFetchVia(base: string, report: (message: string) => void) {
  return async (url: string | URL, options: { method?: string; timeout?: number; body?: unknown; headers?: Record<string, string> | Headers } = {}): Promise<Response> => {
    const headers = options.headers instanceof Headers ? Object.fromEntries(options.headers.entries()) : options.headers;
    const res = await fetch(`${base}/api/fetch`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: String(url), method: options.method ?? 'GET', timeout: options.timeout, body: options.body, headers }),
    });
    if (!res.ok) throw new Error(`the workspace's fetch proxy answered ${res.status}`);
    const answer = (await res.json()) as Answer;
    if (answer.kind === 'refused') {
      report(`hubspot.fetch ${String(url)} refused (${answer.status} ${answer.category}): ${answer.message}`);
      throw new Error(answer.message);
    }
    return new Response(NULL_BODY.has(answer.status) ? null : answer.body, { status: answer.status, headers: { 'content-type': 'application/json' } });
  };
}
