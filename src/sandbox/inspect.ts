import type { Portal } from './crm/portal';
import { toSandboxRecord } from './crm/object-store';
import { propertyToJson } from './crm/property-definition';
import { SANDBOX_OBJECT_TYPES } from './crm/types';

/**
 * Templated routes for the request log, so counts group by endpoint rather than by record id.
 * Token-bearing OAuth paths are templated too: the log must never hold a token.
 */
const ROUTES: [RegExp, string][] = [
  [/^\/crm\/v3\/objects\/[^/]+\/batch\/(read|create|update|upsert|archive)$/, '/crm/v3/objects/{type}/batch/$1'],
  [/^\/crm\/v3\/objects\/[^/]+\/(search|merge)$/, '/crm/v3/objects/{type}/$1'],
  [/^\/crm\/v3\/objects\/[^/]+\/[^/]+$/, '/crm/v3/objects/{type}/{id}'],
  [/^\/crm\/v3\/objects\/[^/]+$/, '/crm/v3/objects/{type}'],
  [/^\/crm\/v4\/objects\/[^/]+\/[^/]+\/associations\/default\/[^/]+\/[^/]+$/, '/crm/v4/objects/{type}/{id}/associations/default/{toType}/{toId}'],
  [/^\/crm\/v4\/objects\/[^/]+\/[^/]+\/associations\/[^/]+\/[^/]+$/, '/crm/v4/objects/{type}/{id}/associations/{toType}/{toId}'],
  [/^\/crm\/v4\/objects\/[^/]+\/[^/]+\/associations\/[^/]+$/, '/crm/v4/objects/{type}/{id}/associations/{toType}'],
  [/^\/crm\/v4\/associations\/[^/]+\/[^/]+\/batch\/(.+)$/, '/crm/v4/associations/{fromType}/{toType}/batch/$1'],
  [/^\/crm\/v3\/properties\/[^/]+\/groups\/[^/]+$/, '/crm/v3/properties/{type}/groups/{groupName}'],
  [/^\/crm\/v3\/properties\/[^/]+\/(groups|batch\/[a-z]+)$/, '/crm/v3/properties/{type}/$1'],
  [/^\/crm\/v3\/properties\/[^/]+\/[^/]+$/, '/crm/v3/properties/{type}/{propertyName}'],
  [/^\/crm\/v3\/properties\/[^/]+$/, '/crm/v3/properties/{type}'],
  [/^\/crm\/v3\/owners\/[^/]+$/, '/crm/v3/owners/{ownerId}'],
  [/^\/oauth\/v1\/(access-tokens|refresh-tokens)\/[^/]+$/, '/oauth/v1/$1/{token}'],
];

export function routeTemplate(method: string, path: string): string {
  for (const [re, template] of ROUTES) if (re.test(path)) return `${method} ${path.replace(re, template)}`;
  return `${method} ${path}`;
}

/** `{ 'POST /crm/v3/objects/{type}/batch/upsert': { '200': 12, '429': 1 } }` for one portal. */
export function requestCounts(portal: Portal): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const e of portal.requestLog) {
    const byStatus = (counts[e.route] ??= {});
    byStatus[String(e.status)] = (byStatus[String(e.status)] ?? 0) + 1;
  }
  return counts;
}

/** Everything a portal holds, as plain JSON (for tests, debugging and `/_sandbox` dumps). */
export function dumpState(portal: Portal): Record<string, unknown> {
  const objects: Record<string, unknown[]> = {};
  const associations: { fromType: string; fromId: string; toType: string; toId: string; typeIds: number[] }[] = [];
  const customProperties: Record<string, unknown[]> = {};
  for (const type of SANDBOX_OBJECT_TYPES) {
    const records = [...portal.store(type).all()];
    if (records.length > 0) objects[type] = records.map(toSandboxRecord);
    for (const r of records) {
      for (const [toType, byId] of portal.associations.allFor(type, r.id) ?? []) {
        for (const [toId, types] of byId) associations.push({ fromType: type, fromId: r.id, toType, toId, typeIds: [...types.keys()] });
      }
    }
    const custom = portal.properties(type).list().filter((p) => !p.hubspotDefined);
    if (custom.length > 0) customProperties[type] = custom.map(propertyToJson);
  }
  return {
    hubId: portal.hubId, settings: { ...portal.settings }, objects, associations, customProperties,
    owners: portal.owners.list(), requestCounts: requestCounts(portal),
  };
}
