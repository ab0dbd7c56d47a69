// `npm run quarantine -- list | purge --portal <id>` against the backend's Redis (REDIS_URL, REDIS_PREFIX).
import { ConfigError, loadConfig } from '../config';
import { createRedis } from '../infra/redis';
import { createQuarantine } from '../install/quarantine';
import { createUninstaller } from '../install/uninstall';
import { createJobQueues } from '../jobs/queues';
import { createRedisLedgerStore } from '../ledger/redis-ledger-store';
import { createCompanyIndexCache } from '../matching/company-index-cache';
import { createPortalRegistry } from '../portals/portal-registry';
import { createTokenStore } from '../portals/token-store';
import { QUARANTINE_USAGE, QuarantineUsageError, runQuarantineCommand } from './quarantine-command';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  if (!config.REDIS_URL) throw new QuarantineUsageError(`REDIS_URL is not set.\n${QUARANTINE_USAGE}`);
  const redis = createRedis(config.REDIS_URL, 'worker');
  const prefix = config.REDIS_PREFIX;
  const queues = createJobQueues({ connection: redis, prefix });
  try {
    const portals = createPortalRegistry(redis, prefix);
    const tokens = createTokenStore({ redis, prefix, key: config.TOKEN_ENCRYPTION_KEY });
    const uninstall = createUninstaller({ portals, tokens, queues, ledger: createRedisLedgerStore(redis, prefix), companyIndex: createCompanyIndexCache({ redis, prefix }) });
    const quarantine = createQuarantine({ redis, prefix, portals, tokens, queues, uninstall, now: () => new Date(), retentionDays: config.QUARANTINE_RETENTION_DAYS });
    await runQuarantineCommand(process.argv.slice(2), quarantine, (line) => console.log(line));
  } finally {
    await queues.close();
    await redis.quit().catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  if (error instanceof QuarantineUsageError || error instanceof ConfigError) console.error(error.message);
  else console.error(`quarantine failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
