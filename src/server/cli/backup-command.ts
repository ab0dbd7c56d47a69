import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Redis } from 'ioredis';
import type { JobQueues } from '../jobs/queues';
import { backupPortal, BackupRefusedError, restorePortal } from '../operations/portal-backup';
import { createPortalRegistry } from '../portals/portal-registry';

export const BACKUP_USAGE = [
  'usage: npm run backup  -- --portal <id> --out <file.json>',
  '       npm run restore -- <file.json> [--replace]',
  'Set REDIS_URL (and REDIS_PREFIX) to the backend\'s Redis: `npm start` prints both. Restore on a backend with the',
  'same TOKEN_ENCRYPTION_KEY, or the portal installs again (its tokens are stored sealed with that key).',
].join('\n');

export class BackupUsageError extends Error {}

export interface BackupCommandDeps {
  readonly redis: Redis;
  readonly prefix: string;
  /** Puts the restored portal's daily run back (its scheduler lives in the queues, not in the backup). */
  readonly queues: Pick<JobQueues, 'upsertDailyScheduling' | 'requestRefresh'>;
  readonly now?: () => Date;
}

const Portal = /^\d{1,20}$/;

/** `npm run backup -- --portal <id> --out <file>`: the portal's records as one versioned JSON file. */
export async function runBackupCommand(argv: readonly string[], deps: BackupCommandDeps, out: (line: string) => void): Promise<void> {
  const { values } = parseArgs({ args: [...argv], options: { portal: { type: 'string' }, out: { type: 'string' } } });
  if (!values.portal || !Portal.test(values.portal)) throw new BackupUsageError(`--portal <numeric portal id> is required\n${BACKUP_USAGE}`);
  if (!values.out) throw new BackupUsageError(`--out <file.json> is required\n${BACKUP_USAGE}`);
  const backup = await backupPortal(deps.redis, deps.prefix, values.portal, deps.now?.());
  if (backup.keys.length === 0) throw new BackupUsageError(`portal ${values.portal} has no records under prefix "${deps.prefix}"; nothing written`);
  // Only the file's owner may read it: it holds the customers' promises, disputes and history.
  await writeFile(values.out, `${JSON.stringify(backup)}\n`, { mode: 0o600 });
  out(`Backed up portal ${values.portal}: ${backup.keys.length} records to ${values.out} (format ${backup.format} v${backup.version}).`);
}

/** `npm run restore -- <file> [--replace]`: validated as a whole, then written back; the daily run resumes. */
export async function runRestoreCommand(argv: readonly string[], deps: BackupCommandDeps, out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { replace: { type: 'boolean' } } });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new BackupUsageError(`one backup file is required\n${BACKUP_USAGE}`);
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new BackupRefusedError(`${file} is not a readable JSON file (${(err as Error).message})`);
  }
  const restored = await restorePortal(deps.redis, deps.prefix, document, { replace: values.replace === true });
  const portal = await createPortalRegistry(deps.redis, deps.prefix).get(restored.portalId);
  if (portal) {
    await deps.queues.upsertDailyScheduling(portal);
    // Whatever the backup held as not yet in HubSpot is synced now, not at the next daily run.
    await deps.queues.requestRefresh(portal.portalId, 0);
  }
  out(`Restored portal ${restored.portalId}: ${restored.keys} records${portal ? '; its daily run is scheduled again' : ' (not installed: no daily run)'}.`);
}
