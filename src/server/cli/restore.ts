// `npm run restore -- …` against the backend's Redis (REDIS_URL, REDIS_PREFIX); see backup-command.ts.
import { runBackupCli } from './backup-cli';
import { runRestoreCommand } from './backup-command';

runBackupCli('restore', runRestoreCommand);
