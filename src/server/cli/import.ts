// `npm run import -- file.csv [--portal <id>] [--mapping mapping.json] [--date-format dmy|mdy|ymd] [--preset <id>] [--no-match]`
import type { Redis } from 'ioredis';
import { ConfigError, loadConfig, usesEmbeddedSandbox, type Config } from '../config';
import { createRedis } from '../infra/redis';
import { startPrivateRedis, type PrivateRedis } from '../infra/redis-server';
import { createHubSpotServices } from '../jobs/services';
import { createRedisLedgerStore } from '../ledger/redis-ledger-store';
import type { CompanySource } from '../matching/company-index';
import { companySourceFromGateway } from '../matching/gateway-company-source';
import { parseImportArgs, runImportCommand, UsageError } from './import-command';

/**
 * With real HubSpot configured and the portal installed (same Redis and token key as the backend), rows are
 * matched against the portal's live company list; otherwise against the list the backend cached last.
 */
async function hubspotCompanySource(config: Config, redis: Redis, portalId: string): Promise<CompanySource | undefined> {
  if (usesEmbeddedSandbox(config)) return undefined;
  const hubspot = createHubSpotServices({ redis, prefix: config.REDIS_PREFIX, ledger: createRedisLedgerStore(redis, config.REDIS_PREFIX), tokenKey: config.TOKEN_ENCRYPTION_KEY });
  return (await hubspot.portals.get(portalId)) ? companySourceFromGateway(hubspot.gateway) : undefined;
}

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  let privateRedis: PrivateRedis | undefined;
  let url = config.REDIS_URL;
  if (!url) {
    privateRedis = await startPrivateRedis();
    url = privateRedis.url;
    console.warn('REDIS_URL is not set: importing into a private, temporary Redis. The imported data vanishes when this command exits.');
    console.warn('Set REDIS_URL to the backend\'s Redis to keep it.');
  }
  const redis = createRedis(url, 'worker');
  try {
    const argv = process.argv.slice(2);
    const companySource = await hubspotCompanySource(config, redis, parseImportArgs(argv).portalId);
    await runImportCommand(argv, {
      redis, prefix: config.REDIS_PREFIX, out: (l) => console.log(l), progress: process.stderr.isTTY === true,
      ...(companySource ? { companySource } : {}),
    });
    return 0;
  } finally {
    await redis.quit().catch(() => undefined);
    await privateRedis?.stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) console.error(error.message);
  else console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  // A refused header proposes a mapping: printed as the JSON file --mapping reads.
  const proposed = (error as { details?: { proposedMapping?: unknown } } | null)?.details?.proposedMapping;
  if (proposed) console.error(`a mapping to start from (fill in the <…>, save it, pass --mapping <file>):\n${JSON.stringify(proposed, null, 2)}`);
  process.exit(1);
});
