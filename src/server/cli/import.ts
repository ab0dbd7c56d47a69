// `npm run import -- file.csv [--portal <id>] [--mapping mapping.json] [--no-match]`
import { ConfigError, loadConfig } from '../config';
import { createRedis } from '../infra/redis';
import { startPrivateRedis, type PrivateRedis } from '../infra/redis-server';
import { runImportCommand, UsageError } from './import-command';

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
    await runImportCommand(process.argv.slice(2), { redis, prefix: config.REDIS_PREFIX, out: (l) => console.log(l), progress: process.stderr.isTTY === true });
    return 0;
  } finally {
    await redis.quit().catch(() => undefined);
    await privateRedis?.stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) console.error(error.message);
  else console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
