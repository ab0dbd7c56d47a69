// `npm run backup -- …` against the backend's Redis (REDIS_URL, REDIS_PREFIX); see backup-command.ts.
import { runBackupCli } from './backup-cli';
import { runBackupCommand } from './backup-command';

runBackupCli('backup', runBackupCommand);
