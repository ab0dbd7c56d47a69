// A standalone worker process: `node --import tsx src/server/jobs/worker-process.ts --redis-url … [--prefix rd]`.
// Crash tests SIGKILL it mid-run and start another; everything it needs lives in Redis (portals, encrypted
// tokens, ledger, claims, jobs), so a fresh process picks the work up where the killed one left it. It is the
// one composition root (composeBackend) without the HTTP listener: the same services, refresher, quarantine,
// task texts (with the debtor-page link) and change feed as the web process.
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { composeBackend } from '../compose';
import { loadConfig } from '../config';

const Args = z.object({
  'redis-url': z.string().min(1),
  prefix: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).optional(),
  'lock-ms': z.coerce.number().int().min(500).optional(),
  'stalled-ms': z.coerce.number().int().min(100).optional(),
  'claim-lease-ms': z.coerce.number().int().min(500).optional(),
  concurrency: z.coerce.number().int().min(1).max(100).optional(),
});

const { values } = parseArgs({
  options: Object.fromEntries(['redis-url', 'prefix', 'lock-ms', 'stalled-ms', 'claim-lease-ms', 'concurrency'].map((k) => [k, { type: 'string' as const }])),
});
const args = Args.parse(values);
const env = loadConfig(process.env);
const config = { ...env, REDIS_PREFIX: args.prefix ?? env.REDIS_PREFIX };
const log = pino({ level: config.LOG_LEVEL, base: { role: 'worker', pid: process.pid } });

const backend = composeBackend({
  config, log, redisUrl: args['redis-url'],
  // The OAuth client refreshes tokens (its secret also signs card requests, which this process never serves).
  clientId: config.HUBSPOT_CLIENT_ID ?? 'worker-process',
  clientSecret: config.HUBSPOT_CLIENT_SECRET ?? 'worker-process',
  // Only OAuth installs go here, and they arrive at the web process: each portal's own basePath is used for its calls.
  hubspotBasePath: config.HUBSPOT_BASE_PATH ?? 'https://api.hubapi.com',
  publicBaseUrl: config.PUBLIC_BASE_URL,
  tokenKey: config.TOKEN_ENCRYPTION_KEY,
  workers: {
    ...(args.concurrency ? { concurrency: args.concurrency } : {}),
    ...(args['lock-ms'] ? { lockDuration: args['lock-ms'] } : {}),
    ...(args['stalled-ms'] ? { stalledInterval: args['stalled-ms'] } : {}),
    ...(args['claim-lease-ms'] ? { claimLeaseMs: args['claim-lease-ms'] } : {}),
  },
});
const workers = backend.startBackgroundWork();
log.info({ prefix: config.REDIS_PREFIX }, 'workers started');

async function shutdown(signal: string): Promise<void> {
  log.info({ signal }, 'shutting down');
  await workers.close();
  await backend.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (err) => log.error({ err: String(err) }, 'unhandled rejection'));
