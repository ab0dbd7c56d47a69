import type { Portal, SandboxObjectType } from '../../sandbox/state';

/**
 * What HubSpot's own UI reads of the portal: record pages, the company index, and the answers of the CRM hooks
 * (`useCrmProperties`, `useAssociations`) — read straight from the local portal, as HubSpot's UI reads its own
 * database, so none of it spends the app's API budget.
 */
export const RECORD_TYPES = ['companies', 'contacts', 'deals', 'tickets'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const OBJECT_TYPE_IDS: Readonly<Record<RecordType, string>> = { contacts: '0-1', companies: '0-2', deals: '0-3', tickets: '0-5' };
const TYPE_BY_ID = new Map(Object.entries(OBJECT_TYPE_IDS).map(([k, v]) => [v, k as RecordType]));
export const recordTypeOf = (raw: string): RecordType | undefined =>
  (RECORD_TYPES as readonly string[]).includes(raw) ? raw as RecordType : TYPE_BY_ID.get(raw);

/** The app's own properties: the group its schema guard creates on every object type. */
const APP_GROUP = 'receivables_desk';

export interface Column { readonly name: string; readonly label: string; readonly type: string }

export function appColumns(portal: Portal, type: RecordType): Column[] {
  return portal.properties(type).list()
    .filter((p) => p.groupName === APP_GROUP && !p.hidden)
    .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0) || a.label.localeCompare(b.label))
    .map((p) => ({ name: p.name, label: p.label, type: p.type }));
}

const TITLE_PROPERTIES: Readonly<Record<RecordType, readonly string[]>> = {
  companies: ['name', 'domain'], contacts: ['firstname', 'lastname', 'email', 'jobtitle'], deals: ['dealname', 'amount', 'dealstage'], tickets: ['subject', 'hs_ticket_priority'],
};

export function recordTitle(type: RecordType, p: Readonly<Record<string, string>>): string {
  if (type === 'contacts') return [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email || '';
  return p[TITLE_PROPERTIES[type][0] ?? ''] ?? '';
}

export interface RecordSummary { readonly id: string; readonly title: string; readonly properties: Record<string, string> }

export function listRecords(portal: Portal, type: RecordType): RecordSummary[] {
  const wanted = [...TITLE_PROPERTIES[type], 'hubspot_owner_id', ...appColumns(portal, type).map((c) => c.name)];
  return portal.listObjects(type).map((r) => ({ id: r.id, title: recordTitle(type, r.properties), properties: pick(r.properties, wanted) }));
}

function pick(p: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => p[n] !== undefined).map((n) => [n, p[n] as string]));
}

export interface RecordView extends RecordSummary {
  readonly type: RecordType;
  readonly associations: Partial<Record<RecordType, RecordSummary[]>>;
}

export function readRecord(portal: Portal, type: RecordType, id: string): RecordView | undefined {
  const r = portal.getObject(type, id);
  if (!r || r.archived) return undefined;
  const associations: Partial<Record<RecordType, RecordSummary[]>> = {};
  for (const to of RECORD_TYPES) {
    if (to === type) continue;
    associations[to] = portal.associations.list(type, id, to)
      .map((a) => portal.getObject(to, a.toObjectId))
      .filter((x): x is NonNullable<typeof x> => !!x && !x.archived)
      .map((x) => ({ id: x.id, title: recordTitle(to, x.properties), properties: pick(x.properties, TITLE_PROPERTIES[to]) }));
  }
  return { id: r.id, type, title: recordTitle(type, r.properties), properties: r.properties, associations };
}

/** `useCrmProperties`: the record's values of the named properties (null when unset), as HubSpot's host answers. */
export function crmProperties(portal: Portal, type: RecordType, id: string, names: readonly string[] | '*'): Record<string, string | null> {
  const p = portal.getObject(type, id)?.properties ?? {};
  const list = names === '*' ? Object.keys(p) : names;
  return Object.fromEntries(list.map((n) => [n, p[n] ?? null]));
}

/** `useAssociations`: one page of associated records with the asked properties. */
export function crmAssociations(portal: Portal, type: RecordType, id: string, q: { toObjectType: string; properties: readonly string[]; pageLength: number; offset: number }) {
  const to = recordTypeOf(q.toObjectType) as SandboxObjectType | undefined;
  if (!to) return { results: [], hasMore: false, nextOffset: 0 };
  const all = portal.associations.list(type, id, to).filter((a) => portal.isLive(to, a.toObjectId));
  const page = all.slice(q.offset, q.offset + q.pageLength);
  return {
    results: page.map((a) => ({
      toObjectId: Number(a.toObjectId),
      associationTypes: a.types.map((t) => ({ category: t.category, typeId: t.typeId, label: t.label ?? null })),
      properties: crmProperties(portal, to as RecordType, a.toObjectId, q.properties),
    })),
    hasMore: q.offset + page.length < all.length,
    nextOffset: q.offset + page.length,
  };
}
