import { validationError } from './errors';
import type { StoredRecord } from './object-store';
import type { PropertyDefinition } from './property-definition';
import { resolveObjectType } from './object-types';
import type { Portal } from './portal';
import type { SandboxObjectType } from './types';

export const SEARCH_LIMITS = { groups: 5, filtersPerGroup: 6, filtersTotal: 18, pageSize: 200, maxResults: 10_000, queryLength: 3000 } as const;

export interface Filter { propertyName: string; operator: string; value?: string; values?: string[]; highValue?: string }
export interface SearchQuery { filterGroups: Filter[][]; sort?: { propertyName: string; descending: boolean }; query?: string }

type Predicate = (r: StoredRecord) => boolean;

/** Checks HubSpot's search limits and reads the body into a query. */
export function parseSearch(body: Record<string, unknown>): SearchQuery {
  const groups = Array.isArray(body.filterGroups) ? body.filterGroups : [];
  if (groups.length > SEARCH_LIMITS.groups) throw validationError(`Too many filter groups: ${groups.length}. The maximum is ${SEARCH_LIMITS.groups}.`);
  let total = 0;
  const filterGroups = groups.map((g, i) => {
    const filters = Array.isArray((g as { filters?: unknown })?.filters) ? (g as { filters: Filter[] }).filters : [];
    if (filters.length > SEARCH_LIMITS.filtersPerGroup) throw validationError(`Too many filters in filterGroups[${i}]: ${filters.length}. The maximum is ${SEARCH_LIMITS.filtersPerGroup} per group.`);
    total += filters.length;
    return filters;
  });
  if (total > SEARCH_LIMITS.filtersTotal) throw validationError(`Too many filters: ${total}. The maximum is ${SEARCH_LIMITS.filtersTotal} across all groups.`);
  const sorts = Array.isArray(body.sorts) ? body.sorts : [];
  if (sorts.length > 1) throw validationError('Only one sort is allowed.');
  const query = typeof body.query === 'string' && body.query.trim() !== '' ? body.query : undefined;
  if (query && query.length > SEARCH_LIMITS.queryLength) throw validationError(`query is longer than ${SEARCH_LIMITS.queryLength} characters.`);
  return { filterGroups, ...(sorts[0] !== undefined ? { sort: parseSort(sorts[0]) } : {}), ...(query ? { query } : {}) };
}

/**
 * The spec types a sort as a string ("name" or "-name"); HubSpot's docs use {propertyName, direction}, which
 * api-client users send JSON-encoded to satisfy the string type. All three work.
 */
function parseSort(raw: unknown): { propertyName: string; descending: boolean } {
  if (typeof raw === 'string' && raw.trim().startsWith('{')) {
    try { return parseSort(JSON.parse(raw)); } catch { throw validationError(`sorts[0] is not valid JSON: ${raw}`); }
  }
  if (typeof raw === 'string') return raw.startsWith('-') ? { propertyName: raw.slice(1), descending: true } : { propertyName: raw, descending: false };
  const s = raw as { propertyName?: unknown; direction?: unknown };
  if (typeof s?.propertyName !== 'string') throw validationError('sorts[0] needs a propertyName');
  return { propertyName: s.propertyName, descending: String(s.direction ?? 'ASCENDING').toUpperCase().startsWith('DESC') };
}

/** Ids of every matching live record, sorted (default: by id ascending, i.e. creation order). */
export function runSearch(portal: Portal, type: SandboxObjectType, q: SearchQuery, searchable: string[]): StoredRecord[] {
  const groups = q.filterGroups.map((filters) => filters.map((f) => compileFilter(portal, type, f)));
  const tokens = q.query ? q.query.toLowerCase().split(/\s+/).filter(Boolean) : [];
  const out: StoredRecord[] = [];
  for (const r of portal.store(type).all()) {
    if (r.archived) continue;
    if (groups.length > 0 && !groups.some((g) => g.every((p) => p(r)))) continue;
    if (tokens.length > 0) {
      const text = searchable.map((n) => r.properties[n] ?? '').join(' ').toLowerCase();
      if (!tokens.every((t) => text.includes(t))) continue;
    }
    out.push(r);
  }
  if (q.sort) {
    const def = propertyOrThrow(portal, type, q.sort.propertyName);
    const dir = q.sort.descending ? -1 : 1;
    out.sort((a, b) => {
      const va = a.properties[def.name];
      const vb = b.properties[def.name];
      if (va === undefined || vb === undefined) return va === vb ? Number(a.id) - Number(b.id) : va === undefined ? 1 : -1;
      return dir * compare(def, va, vb) || Number(a.id) - Number(b.id);
    });
  }
  return out;
}

function propertyOrThrow(portal: Portal, type: SandboxObjectType, name: string): PropertyDefinition {
  const def = portal.properties(type).get(name);
  if (!def) throw validationError(`There was a problem with the request: property '${name}' does not exist on ${type}`, [{ message: `Property ${name} does not exist`, code: 'PROPERTY_DOESNT_EXIST' }]);
  return def;
}

const isNumeric = (def: PropertyDefinition): boolean => def.type === 'number' || def.type === 'date' || def.type === 'datetime';

/** Numbers as numbers; dates accept epoch ms or ISO on either side. */
function toNumber(def: PropertyDefinition, v: string): number {
  if (def.type === 'number') return Number(v);
  return /^-?\d+$/.test(v) ? Number(v) : Date.parse(v);
}

function compare(def: PropertyDefinition, a: string, b: string): number {
  if (isNumeric(def)) return toNumber(def, a) - toNumber(def, b);
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function requireValue(f: Filter): string {
  if (f.value === undefined || f.value === null) throw validationError(`filter on ${f.propertyName} with operator ${f.operator} needs a value`);
  return String(f.value);
}

function compileFilter(portal: Portal, type: SandboxObjectType, f: Filter): Predicate {
  if (typeof f?.propertyName !== 'string') throw validationError('Every filter needs a propertyName');
  if (f.propertyName.startsWith('associations.')) return associationFilter(portal, type, f);
  const def = propertyOrThrow(portal, type, f.propertyName);
  const get = (r: StoredRecord): string | undefined => r.properties[def.name];
  const cmp = (r: StoredRecord, v: string): number | undefined => { const x = get(r); return x === undefined ? undefined : compare(def, x, v); };
  switch (f.operator) {
    case 'EQ': { const v = requireValue(f); return (r) => cmp(r, v) === 0; }
    case 'NEQ': { const v = requireValue(f); return (r) => cmp(r, v) !== 0; }
    case 'LT': { const v = requireValue(f); return (r) => (cmp(r, v) ?? 0) < 0; }
    case 'LTE': { const v = requireValue(f); return (r) => { const c = cmp(r, v); return c !== undefined && c <= 0; }; }
    case 'GT': { const v = requireValue(f); return (r) => (cmp(r, v) ?? 0) > 0; }
    case 'GTE': { const v = requireValue(f); return (r) => { const c = cmp(r, v); return c !== undefined && c >= 0; }; }
    case 'BETWEEN': {
      const lo = requireValue(f);
      if (f.highValue === undefined) throw validationError(`BETWEEN filter on ${f.propertyName} needs a highValue`);
      const hi = String(f.highValue);
      return (r) => { const a = cmp(r, lo); const b = cmp(r, hi); return a !== undefined && b !== undefined && a >= 0 && b <= 0; };
    }
    case 'IN':
    case 'NOT_IN': {
      if (!Array.isArray(f.values)) throw validationError(`${f.operator} filter on ${f.propertyName} needs values`);
      const values = f.values.map(String);
      const inSet = (r: StoredRecord): boolean => values.some((v) => cmp(r, v) === 0);
      return f.operator === 'IN' ? inSet : (r) => !inSet(r);
    }
    case 'HAS_PROPERTY': return (r) => get(r) !== undefined;
    case 'NOT_HAS_PROPERTY': return (r) => get(r) === undefined;
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const match = tokenMatcher(requireValue(f));
      return f.operator === 'CONTAINS_TOKEN' ? (r) => match(get(r)) : (r) => !match(get(r));
    }
    default: throw validationError(`Unknown filter operator: ${String(f.operator)}`);
  }
}

/** Token match, case-insensitive, with `*` wildcards (`*@example.com`), over the value's words or the whole value. */
function tokenMatcher(raw: string): (v: string | undefined) => boolean {
  const needle = raw.toLowerCase();
  const pattern = new RegExp(`^${needle.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (v) => {
    if (v === undefined) return false;
    const value = v.toLowerCase();
    return pattern.test(value) || value.split(/[^\p{L}\p{N}]+/u).some((t) => pattern.test(t));
  };
}

/** HubSpot's `associations.company` pseudo-property: records associated with the given id (EQ / IN). */
function associationFilter(portal: Portal, type: SandboxObjectType, f: Filter): Predicate {
  const toType = resolveObjectType(f.propertyName.slice('associations.'.length));
  if (!toType) throw validationError(`Unknown association in filter: ${f.propertyName}`);
  const ids = f.operator === 'IN' && Array.isArray(f.values) ? f.values.map(String) : f.operator === 'EQ' ? [requireValue(f)] : undefined;
  if (!ids) throw validationError(`${f.propertyName} supports EQ and IN only`);
  const allowed = new Set<string>();
  for (const id of ids) for (const a of portal.associations.list(toType, id, type)) allowed.add(a.toObjectId);
  return (r) => allowed.has(r.id);
}
