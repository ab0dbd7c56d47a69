import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { appSchema } from '../hubspot/crm-schema';
import type { HubSpotGateway } from '../hubspot/gateway';
import type { Portal } from '../portals/portal-registry';
import type { ReminderPolicy } from '../../domain/policy/policy';

const RECHECK_S = 24 * 3600;

/**
 * Makes sure the app's HubSpot properties exist before anything writes them (sync and scheduling both
 * call this; whichever runs first creates them). Remembered per portal and schema for a day, so the
 * steady state costs no HubSpot calls; the gateway itself only creates what is missing.
 */
export function createSchemaGuard(deps: { redis: Redis; prefix: string; gateway: HubSpotGateway }) {
  return async function ensure(portal: Portal, policy: ReminderPolicy): Promise<number> {
    const stages = [...policy.steps.map((s) => s.id), policy.failedDirectDebit.id];
    const marker = `${deps.prefix}:p:${portal.portalId}:sync:schema`;
    // The marker names the whole schema, so a release that adds a property checks again at once.
    const version = createHash('sha1').update(JSON.stringify(appSchema(stages))).digest('base64url');
    if ((await deps.redis.get(marker)) === version) return 0;
    const res = await deps.gateway.ensureSchema(portal.portalId, { dunningStages: stages });
    await deps.redis.set(marker, version, 'EX', RECHECK_S);
    return res.propertiesCreated.length;
  };
}
