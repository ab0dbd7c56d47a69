// A standalone worker process: `node --import tsx src/server/jobs/worker-process.ts --redis-url … [--prefix rd]`.
// Crash tests SIGKILL it mid-run and start another; everything it needs lives in Redis (portals, encrypted
// tokens, ledger, claims, jobs), so a fresh process picks the work up where the killed one left it.
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { loadConfig } from '../config';
import { createUninstallAwareRefresher } from '../hubspot/oauth-install';
import { createRedis } from '../infra/redis';
import { createQuarantine } from '../install/quarantine';
import { createUninstaller } from '../install/uninstall';
import { createRedisLedgerStore } from '../ledger/redis-ledger-store';
import { createCompanyIndexCache } from '../matching/company-index-cache';
import { createPortalRegistry } from '../portals/portal-registry';
import { DEFAULT_DEBOUNCE_MS } from '../sync/continuous-sync';
import { withChangeFeed } from '../sync/ledger-change-feed';
import { createJobQueues } from './queues';
import { createHubSpotServices } from './services';
import { startWorkers } from './workers';

const Args = z.object({
  'redis-url': z.string().min(1),
  prefix: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  'lock-ms': z.coerce.number().int().min(500).optional(),
  'stalled-ms': z.coerce.number().int().min(100).optional(),
  'claim-lease-ms': z.coerce.number().int().min(500).optional(),
  concurrency: z.coerce.number().int().min(1).max(100).optional(),
});

const { values } = parseArgs({
  options: Object.fromEntries(['redis-url', 'prefix', 'lock-ms', 'stalled-ms', 'claim-lease-ms', 'concurrency'].map((k) => [k, { type: 'string' as const }])),
});
const args = Args.parse(values);
const config = loadConfig(process.env);
const prefix = args.prefix ?? config.REDIS_PREFIX;
const log = pino({ level: config.LOG_LEVEL, base: { role: 'worker', pid: process.pid } });

const redis = createRedis(args['redis-url'], 'worker');
const queues = createJobQueues({ connection: redis, prefix, onError: (err) => log.warn({ err: err.message }, 'queue error') });
// The same change feed as the composition root: this process's own ledger writes reach the continuous sync.
const ledger = withChangeFeed(createRedisLedgerStore(redis, prefix), (portalId) => queues.requestRefresh(portalId, DEFAULT_DEBOUNCE_MS));
// The same refresher as the composition root: invalid_grant means the app lost the portal, so it is quarantined.
// The quarantine needs the token store the refresher belongs to, hence the late binding.
let revoked: (portalId: string) => Promise<void> = async () => undefined;
const refresh = config.HUBSPOT_CLIENT_ID && config.HUBSPOT_CLIENT_SECRET
  ? createUninstallAwareRefresher({
    clientId: config.HUBSPOT_CLIENT_ID, clientSecret: config.HUBSPOT_CLIENT_SECRET, portals: createPortalRegistry(redis, prefix),
    onRevoked: (portalId) => revoked(portalId),
  })
  : undefined;
const services = createHubSpotServices({
  redis, prefix, ledger, tokenKey: config.TOKEN_ENCRYPTION_KEY, log,
  ...(refresh ? { refresh } : {}),
  ...(args['claim-lease-ms'] ? { claimLeaseMs: args['claim-lease-ms'] } : {}),
});
const quarantine = createQuarantine({
  redis, prefix, portals: services.portals, tokens: services.tokens, queues, now: () => new Date(), retentionDays: config.QUARANTINE_RETENTION_DAYS, log,
  uninstall: createUninstaller({ portals: services.portals, tokens: services.tokens, queues, ledger, companyIndex: createCompanyIndexCache({ redis, prefix }), log }),
});
revoked = quarantine.quarantine;
const workers = startWorkers({
  connectionUrl: args['redis-url'], prefix, services, log,
  ...(args.concurrency ? { concurrency: args.concurrency } : {}),
  ...(args['lock-ms'] ? { lockDuration: args['lock-ms'] } : {}),
  ...(args['stalled-ms'] ? { stalledInterval: args['stalled-ms'] } : {}),
});
log.info({ prefix }, 'workers started');

async function shutdown(signal: string): Promise<void> {
  log.info({ signal }, 'shutting down');
  await workers.close();
  await queues.close();
  await redis.quit();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (err) => log.error({ err: String(err) }, 'unhandled rejection'));
