// The process around `npm run backup` and `npm run restore`: the backend's Redis (REDIS_URL, REDIS_PREFIX), its
// queues, the command, closing both, and an exit code with a message a person can act on.
import { ConfigError, loadConfig } from '../config';
import { createRedis } from '../infra/redis';
import { createJobQueues } from '../jobs/queues';
import { BackupRefusedError } from '../operations/portal-backup';
import { BACKUP_USAGE, BackupUsageError, type runBackupCommand } from './backup-command';

type Command = typeof runBackupCommand;

async function main(command: Command): Promise<void> {
  const config = loadConfig(process.env);
  // A private Redis would be empty: the records belong to the backend's Redis.
  if (!config.REDIS_URL) throw new BackupUsageError(`REDIS_URL is not set.\n${BACKUP_USAGE}`);
  const redis = createRedis(config.REDIS_URL, 'worker');
  const queues = createJobQueues({ connection: redis, prefix: config.REDIS_PREFIX });
  try {
    await command(process.argv.slice(2), { redis, prefix: config.REDIS_PREFIX, queues }, (line) => console.log(line));
  } finally {
    await queues.close();
    await redis.quit().catch(() => undefined);
  }
}

/** Runs `command` as the process's whole work and exits: 0 when done, 1 with the reason (`name failed: …` when unexpected). */
export function runBackupCli(name: 'backup' | 'restore', command: Command): void {
  main(command).then(() => process.exit(0), (error: unknown) => {
    if (error instanceof BackupUsageError || error instanceof BackupRefusedError || error instanceof ConfigError) console.error(error.message);
    else console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
