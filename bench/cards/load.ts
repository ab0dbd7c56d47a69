import { createHmac } from 'node:crypto';
import http from 'node:http';

export interface LoadResult {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly rps: number;
  readonly bytes: number;
}

/** HubSpot's v3 signature over the public URI, fresh per request (a new timestamp each time, as HubSpot does). */
export function signHeaders(secret: string, method: string, publicUri: string, body = ''): Record<string, string> {
  const ts = String(Date.now());
  return {
    'X-HubSpot-Signature-v3': createHmac('sha256', secret).update(`${method}${publicUri}${body}${ts}`).digest('base64'),
    'X-HubSpot-Request-Timestamp': ts,
  };
}

function get(agent: http.Agent, port: number, path: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => { chunks.push(c); });
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: body.length, body: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const summarize = (latencies: number[], errors: number, bytes: number, elapsed: number): LoadResult => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length, errors, seconds: elapsed,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
    rps: latencies.length / elapsed, bytes: latencies.length ? bytes / latencies.length : 0,
  };
};

/** Keep-alive connections to one server, opened once and reused by every phase (as HubSpot's proxy keeps them). */
export const connectionPool = (connections: number) => new http.Agent({ keepAlive: true, maxSockets: connections });

/**
 * Each path exactly once, `connections` at a time: every request is the first for its path (a first open).
 * Returns the latencies and the bodies, so an anchor can answer the same bytes.
 */
export async function runEachOnce(opts: {
  agent: http.Agent; port: number; paths: readonly string[]; publicBaseUrl: string; secret: string; connections: number; quiet?: boolean;
}): Promise<LoadResult & { bodies: Map<string, string> }> {
  const { agent } = opts;
  const latencies: number[] = [];
  const bodies = new Map<string, string>();
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < opts.paths.length) {
      const path = opts.paths[next++]!;
      const start = performance.now();
      try {
        const res = await get(agent, opts.port, path, signHeaders(opts.secret, 'GET', `${opts.publicBaseUrl}${path}`));
        if (res.status !== 200 && errors++ === 0 && !opts.quiet) console.error(`  first error: ${res.status} ${res.body.slice(0, 200)}`);
        bytes += res.bytes;
        bodies.set(path, res.body);
      } catch {
        errors++;
      }
      latencies.push(performance.now() - start);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: opts.connections }, worker));
  return { ...summarize(latencies, errors, bytes, (performance.now() - t0) / 1000), bodies };
}
