import type { Client } from '@hubspot/api-client';
import type { Property } from '@hubspot/api-client/lib/codegen/crm/properties';
import { GROUP, optionLabel, type PropertyDef } from './crm-schema';
import type { SchemaResult } from './gateway';
import { GatewayError } from './gateway-error';
import type { CallPortal } from './portal-caller';

function propertyCreate(def: PropertyDef, displayOrder: number) {
  return {
    name: def.name, label: def.label, type: def.type, fieldType: def.fieldType, groupName: GROUP.name, displayOrder,
    ...(def.description ? { description: def.description } : {}),
    ...(def.options ? { options: def.options.map((value, i) => ({ value, label: optionLabel(value), displayOrder: i, hidden: false })) } : {}),
    ...(def.unique ? { hasUniqueValue: true } : {}),
  };
}

/** Resolves true when created, false when HubSpot answered 409 (someone else created it first). */
async function alreadyExistsIsFine(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (err) {
    if (err instanceof GatewayError && err.status === 409) return false;
    throw err;
  }
}

/** Writes the app's property group and properties of one object type into a portal, creating only what is missing. */
export function createSchemaWriter(call: CallPortal) {
  /** Creates the group and the missing properties of one object type; adds missing enumeration options. */
  return async function ensureObjectSchema(portalId: string, objectType: string, defs: readonly PropertyDef[]): Promise<SchemaResult> {
    const groups = await call(portalId, 'read property groups', 'standard', (c) => c.crm.properties.groupsApi.getAll(objectType));
    const groupsCreated: string[] = [];
    if (!groups.results.some((g) => g.name === GROUP.name)) {
      const made = await alreadyExistsIsFine(call(portalId, 'create property group', 'standard', (c) => c.crm.properties.groupsApi.create(objectType, { ...GROUP })));
      if (made) groupsCreated.push(`${objectType}.${GROUP.name}`);
    }
    let byName = new Map<string, Property>();
    let missing: { d: PropertyDef; i: number }[] = [];
    const created: string[] = [];
    // Another worker (or install) may be creating the same properties: a 409 means re-read and go on.
    for (let round = 0; round < 3; round++) {
      const existing = await call(portalId, 'read properties', 'standard', (c) => c.crm.properties.coreApi.getAll(objectType));
      byName = new Map(existing.results.map((p) => [p.name, p]));
      missing = defs.map((d, i) => ({ d, i })).filter(({ d }) => !byName.has(d.name));
      if (missing.length === 0) break;
      const inputs = missing.map(({ d, i }) => propertyCreate(d, i));
      const made = await alreadyExistsIsFine(call(portalId, 'create properties', 'standard',
        (c) => c.crm.properties.batchApi.create(objectType, { inputs } as unknown as Parameters<Client['crm']['properties']['batchApi']['create']>[1])));
      if (made) { created.push(...missing.map(({ d }) => `${objectType}.${d.name}`)); missing = []; break; }
    }
    const updated: string[] = [];
    for (const def of defs) {
      const current = byName.get(def.name);
      if (!current || !def.options || def.type !== 'enumeration') continue;
      const have = new Set(current.options.map((o) => o.value));
      if (def.options.every((o) => have.has(o))) continue;
      const { options } = propertyCreate(def, 0);
      const merged = [...current.options.map((o) => ({ value: o.value, label: o.label, displayOrder: o.displayOrder, hidden: o.hidden })),
        ...(options ?? []).filter((o) => !have.has(o.value))];
      await call(portalId, 'update property options', 'standard', (c) => c.crm.properties.coreApi.update(objectType, def.name, { options: merged }));
      updated.push(`${objectType}.${def.name}`);
    }
    return { groupsCreated, propertiesCreated: created, propertiesUpdated: updated };
  };
}
