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

function get(agent: http.Agent, port: number, path: string, headers: Record<string, string>): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', headers, agent }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** `connections` workers, each sending signed GETs back to back for `seconds` (after a short warm-up). */
export async function runLoad(opts: {
  port: number; path: string; publicBaseUrl: string; secret: string; connections: number; seconds: number; warmupSeconds?: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const publicUri = `${opts.publicBaseUrl}${opts.path}`;
  const phase = async (seconds: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    let bytes = 0;
    const until = performance.now() + seconds * 1000;
    const worker = async () => {
      while (performance.now() < until) {
        const start = performance.now();
        try {
          const res = await get(agent, opts.port, opts.path, signHeaders(opts.secret, 'GET', publicUri));
          if (res.status !== 200) errors++;
          bytes += res.bytes;
        } catch {
          errors++;
        }
        if (record) latencies.push(performance.now() - start);
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: opts.connections }, worker));
    return { latencies, errors, bytes, elapsed: (performance.now() - t0) / 1000 };
  };
  await phase(opts.warmupSeconds ?? 2, false);
  const { latencies, errors, bytes, elapsed } = await phase(opts.seconds, true);
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length, errors, seconds: elapsed,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
    rps: latencies.length / elapsed, bytes: latencies.length ? bytes / latencies.length : 0,
  };
}
