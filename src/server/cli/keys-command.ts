import { parseArgs } from 'node:util';
import { ApiKeyId, CreateApiKeyRequest } from '../../contracts/api-keys';
import type { ApiKeyService } from '../api-keys/api-key-service';

export const KEYS_USAGE = [
  'usage: npm run keys -- create --portal <id> [--label "<what it is for>"]',
  '       npm run keys -- list   --portal <id>',
  '       npm run keys -- revoke --portal <id> <key id>',
  'Set REDIS_URL (and REDIS_PREFIX) to the running backend\'s Redis: `npm start` prints both.',
].join('\n');

export class KeysUsageError extends Error {}

const Portal = /^\d{1,20}$/;

/** `npm run keys -- …`: the same service as the admin endpoint, on the backend's Redis. */
export async function runKeysCommand(argv: readonly string[], keys: ApiKeyService, out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv], allowPositionals: true,
    options: { portal: { type: 'string' }, label: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  const portalId = values.portal;
  if (!portalId || !Portal.test(portalId)) throw new KeysUsageError(`--portal <numeric portal id> is required\n${KEYS_USAGE}`);
  if (command === 'create' && rest.length === 0) {
    const { label } = CreateApiKeyRequest.parse(values.label === undefined ? {} : { label: values.label });
    const created = await keys.create(portalId, label);
    out(`Created API key ${created.id}${created.label ? ` (${created.label})` : ''} for portal ${portalId}.`);
    out('The key is shown this once; store it where the sending system keeps its secrets:');
    out(created.key);
  } else if (command === 'list' && rest.length === 0) {
    const { items } = await keys.list(portalId);
    if (items.length === 0) out(`Portal ${portalId} has no API keys.`);
    for (const k of items) out(`${k.id}  …${k.hint ?? '????'}  created ${k.createdAt}${k.label ? `  ${k.label}` : ''}`);
  } else if (command === 'revoke' && rest.length === 1) {
    const parsed = ApiKeyId.safeParse(rest[0]);
    if (!parsed.success) throw new KeysUsageError(`"${rest[0]}" is not a key id (see \`npm run keys -- list --portal ${portalId}\`)`);
    await keys.revoke(portalId, parsed.data);
    out(`Revoked API key ${parsed.data}: requests with it now get 401.`);
  } else {
    throw new KeysUsageError(KEYS_USAGE);
  }
}
