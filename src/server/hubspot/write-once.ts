import type { Client } from '@hubspot/api-client';
import { WRITE_KEY, writeKeyProperty, type KeyedObjectType } from './crm-schema';
import { GatewayError } from './gateway-error';
import type { CallPortal } from './portal-caller';
import { createSchemaWriter } from './schema-writer';

type BatchRead = Parameters<Client['crm']['objects']['batchApi']['read']>[1];

/**
 * Ids of the records of `type` carrying these write keys (missing keys are left out). A direct batch read by the
 * unique property, 100 keys per call: unlike search it sees a record the moment HubSpot wrote it.
 */
export async function readByWriteKey(call: CallPortal, portalId: string, type: KeyedObjectType, keys: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const all = [...new Set(keys)];
  for (let i = 0; i < all.length; i += 100) {
    const inputs = all.slice(i, i + 100).map((id) => ({ id }));
    const res = await call(portalId, `read ${type} by write key`, 'standard', (c) => c.crm.objects.batchApi.read(type,
      { inputs, idProperty: WRITE_KEY, properties: [WRITE_KEY], propertiesWithHistory: [] } as BatchRead)).catch((err: unknown) => {
      // 400: the portal's schema predates write keys (no unique property to read by), so no record has one.
      if (err instanceof GatewayError && err.status === 400) return { results: [] };
      throw err;
    });
    for (const o of res.results) {
      const key = o.properties[WRITE_KEY];
      if (key) found.set(key, o.id);
    }
  }
  return found;
}

/**
 * Creates one record under `key` exactly once. After an attempt whose answer may have been lost, the retry reads
 * by the key before creating again; and should a later attempt (a retried job, a resubmitted form) create it
 * anyway, HubSpot refuses the duplicate key with 409 and the record that has it is the answer. A portal whose
 * schema predates the key (its first write after an upgrade, before any sync) gets the property and one more try.
 */
export async function createOnce(call: CallPortal, portalId: string, operation: string, type: KeyedObjectType, key: string,
  create: (client: Client) => Promise<{ id: string }>): Promise<string> {
  const lookup = async () => (await readByWriteKey(call, portalId, type, [key])).get(key);
  const attempt = async () => (await call(portalId, operation, 'standard', create, {
    recover: async () => { const id = await lookup(); return id === undefined ? undefined : { id }; },
  })).id;
  try {
    return await attempt().catch(async (err: unknown) => {
      if (!(err instanceof GatewayError) || err.status !== 400) throw err;
      const made = await createSchemaWriter(call)(portalId, type, [writeKeyProperty()]);
      if (made.propertiesCreated.length === 0) throw err;
      return attempt();
    });
  } catch (err) {
    if (err instanceof GatewayError && err.status === 409) {
      const id = await lookup();
      if (id !== undefined) return id;
    }
    throw err;
  }
}
