// `npm run keys -- create|list|revoke --portal <id> …` against the running backend's Redis (REDIS_URL, REDIS_PREFIX).
import { ZodError } from 'zod';
import { createApiKeyService } from '../api-keys/api-key-service';
import { createApiKeyStore } from '../api-keys/api-key-store';
import { ConfigError, loadConfig } from '../config';
import { AppError } from '../errors';
import { createRedis } from '../infra/redis';
import { createPortalRegistry } from '../portals/portal-registry';
import { KEYS_USAGE, KeysUsageError, runKeysCommand } from './keys-command';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // A private Redis would hold keys no backend reads: the keys belong to the backend's Redis.
  if (!config.REDIS_URL) throw new KeysUsageError(`REDIS_URL is not set.\n${KEYS_USAGE}`);
  const redis = createRedis(config.REDIS_URL, 'worker');
  try {
    const keys = createApiKeyService({ apiKeys: createApiKeyStore(redis, config.REDIS_PREFIX), portals: createPortalRegistry(redis, config.REDIS_PREFIX) });
    await runKeysCommand(process.argv.slice(2), keys, (line) => console.log(line));
  } finally {
    await redis.quit().catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  if (error instanceof KeysUsageError || error instanceof ConfigError || error instanceof AppError) console.error(error.message);
  else if (error instanceof ZodError) console.error(error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('\n'));
  else console.error(`keys failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
