import type { Portal } from './portal';
import type { StoredRecord } from './object-store';
import { defaultAssociationType } from './association-types';
import { defaultReturnedProperties, resolveObjectType, singularName, timestampProperties } from './object-types';
import type { SandboxObjectType } from './types';

/**
 * Which properties an answer carries: the requested ones plus the id and timestamps, or HubSpot's
 * defaults when none are named. `?properties=a,b` and repeated `?properties=a&properties=b` both work.
 */
export function returnedProperties(type: SandboxObjectType, requested: unknown): string[] {
  const names = listParam(requested);
  if (names.length === 0) return defaultReturnedProperties(type);
  const ts = timestampProperties(type);
  return [...new Set([...names, 'hs_object_id', ts.created, ts.modified])];
}

/** A query or body list: array, comma-separated string, or nothing. */
export function listParam(raw: unknown): string[] {
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return items.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * SimplePublicObject. Properties without a value are left out: HubSpot sends `null` for them, but its own
 * OpenAPI schema only allows strings, and the sandbox's answers must validate against that schema.
 */
export function recordJson(r: StoredRecord, names: readonly string[]): Record<string, unknown> {
  const properties: Record<string, string> = {};
  for (const n of names) {
    const v = r.properties[n];
    if (v !== undefined) properties[n] = v;
  }
  const json: Record<string, unknown> = {
    id: r.id, properties, createdAt: new Date(r.createdAt).toISOString(), updatedAt: new Date(r.updatedAt).toISOString(), archived: r.archived,
  };
  if (r.archivedAt !== undefined) json.archivedAt = new Date(r.archivedAt).toISOString();
  return json;
}

/** v3's `associations` block: `{ companies: { results: [{ id, type: 'task_to_company' }] } }`. */
export function associationsJson(portal: Portal, type: SandboxObjectType, id: string, requested: unknown): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const raw of listParam(requested)) {
    const toType = resolveObjectType(raw);
    if (!toType) continue; // HubSpot ignores unknown association names
    const base = `${singularName(type)}_to_${singularName(toType)}`;
    const def = defaultAssociationType(type, toType);
    const results: { id: string; type: string }[] = [];
    for (const a of portal.associations.list(type, id, toType)) {
      if (!portal.isLive(toType, a.toObjectId)) continue;
      for (const t of a.types) {
        const name = t.label === 'Primary' ? base : t.typeId === def?.typeId ? (hasPrimary(a.types) ? `${base}_unlabeled` : base) : `${base}_${t.typeId}`;
        results.push({ id: a.toObjectId, type: name });
      }
    }
    if (results.length > 0) out[toType] = { results };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

const hasPrimary = (types: { label?: string }[]): boolean => types.some((t) => t.label === 'Primary');
