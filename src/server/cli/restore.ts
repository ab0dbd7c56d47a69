// `npm run restore -- …` against the backend's Redis (REDIS_URL, REDIS_PREFIX); see backup-command.ts.
import { ConfigError, loadConfig } from '../config';
import { createRedis } from '../infra/redis';
import { createJobQueues } from '../jobs/queues';
import { BackupRefusedError } from '../operations/portal-backup';
import { BACKUP_USAGE, BackupUsageError, runRestoreCommand } from './backup-command';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // A private Redis would be empty: the records belong to the backend's Redis.
  if (!config.REDIS_URL) throw new BackupUsageError(`REDIS_URL is not set.\n${BACKUP_USAGE}`);
  const redis = createRedis(config.REDIS_URL, 'worker');
  const queues = createJobQueues({ connection: redis, prefix: config.REDIS_PREFIX });
  try {
    await runRestoreCommand(process.argv.slice(2), { redis, prefix: config.REDIS_PREFIX, queues }, (line) => console.log(line));
  } finally {
    await queues.close();
    await redis.quit().catch(() => undefined);
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  if (error instanceof BackupUsageError || error instanceof BackupRefusedError || error instanceof ConfigError) console.error(error.message);
  else console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
