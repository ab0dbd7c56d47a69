import { afterAll, describe, expect, it } from 'vitest';
import { createParkedWrites } from '../../../src/server/actions/parked-writes';
import { keysMatching } from '../../../src/server/infra/redis-scan';
import { backupPortal, restorePortal } from '../../../src/server/operations/portal-backup';
import { createPortalParks } from '../../../src/server/rate/portal-park';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

const redis = testRedis();
const prefix = uniquePrefix('backup-parked');
afterAll(async () => { await deletePrefix(redis, prefix); await redis.quit(); });

describe('backup of a parked portal', () => {
  it('when a portal with card writes waiting for HubSpot is restored, then the writes are back and due for the resume at once', async () => {
    const writes = createParkedWrites(redis, prefix);
    const parks = createPortalParks(redis, prefix);
    await parks.park('5', 3_600_000);
    await writes.keep('5', { kind: 'preferences', companyId: '77' });
    const backup = await backupPortal(redis, prefix, '5');
    // The park is HubSpot's to tell again; the writes exist nowhere else.
    expect(backup.keys.map((k) => k.key)).toEqual(['parked-writes']);
    await redis.del(...(await keysMatching(redis, `${prefix}:*`)));

    await restorePortal(redis, prefix, JSON.parse(JSON.stringify(backup)));
    expect(await writes.list('5')).toEqual([{ id: 'preferences:77', write: { kind: 'preferences', companyId: '77' } }]);
    expect(await parks.due()).toEqual(['5']);
  });
});
