import { parseArgs } from 'node:util';
import type { Quarantine } from '../install/quarantine';

export const QUARANTINE_USAGE = [
  'usage: npm run quarantine -- list',
  '       npm run quarantine -- purge --portal <id>',
  'Portals whose token refresh HubSpot refused (invalid_grant) keep their data for QUARANTINE_RETENTION_DAYS;',
  '`purge` deletes one now (an explicit uninstall or privacy request). Set REDIS_URL (and REDIS_PREFIX).',
].join('\n');

export class QuarantineUsageError extends Error {}

const Portal = /^\d{1,20}$/;

/** `npm run quarantine -- …`: what an admin sees and does with the quarantined portals. */
export async function runQuarantineCommand(argv: readonly string[], quarantine: Pick<Quarantine, 'list' | 'purge'>, out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: { portal: { type: 'string' } } });
  const [command, ...rest] = positionals;
  if (command === 'list' && rest.length === 0) {
    const all = await quarantine.list();
    if (all.length === 0) out('No portal is quarantined.');
    for (const q of all) out(`${q.portalId}  quarantined ${q.since}  deleted after ${q.deleteAfter}`);
  } else if (command === 'purge' && rest.length === 0) {
    if (!values.portal || !Portal.test(values.portal)) throw new QuarantineUsageError(`--portal <numeric portal id> is required\n${QUARANTINE_USAGE}`);
    if (!(await quarantine.purge(values.portal))) throw new QuarantineUsageError(`portal ${values.portal} is not quarantined: nothing deleted`);
    out(`Deleted portal ${values.portal} and all its data.`);
  } else {
    throw new QuarantineUsageError(QUARANTINE_USAGE);
  }
}
