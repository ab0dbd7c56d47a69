import type { SandboxObjectType } from './types';

/**
 * HubSpot-defined association type ids (category HUBSPOT_DEFINED), one row per direction pair:
 * [from, to, typeId, reverse typeId, label]. A row without a label is the pair's default (unlabelled)
 * type; 'Primary' rows are the primary-company style labels. Source: HubSpot's associations v4 guide
 * ("Association type ID values"), see hubspot-platform.md §4.3–§4.6.
 */
type Row = [SandboxObjectType, SandboxObjectType, number, number, string | null];

const ROWS: Row[] = [
  ['contacts', 'companies', 279, 280, null], ['contacts', 'companies', 1, 2, 'Primary'],
  ['deals', 'contacts', 3, 4, null],
  ['deals', 'companies', 341, 342, null], ['deals', 'companies', 5, 6, 'Primary'],
  ['tickets', 'contacts', 16, 15, null],
  ['tickets', 'companies', 339, 340, null], ['tickets', 'companies', 26, 25, 'Primary'],
  ['tickets', 'deals', 28, 27, null],
  ['companies', 'companies', 13, 14, 'Parent Company'],
  ['calls', 'companies', 182, 181, null], ['calls', 'contacts', 194, 193, null], ['calls', 'deals', 206, 205, null], ['calls', 'tickets', 220, 219, null],
  ['emails', 'companies', 186, 185, null], ['emails', 'contacts', 198, 197, null], ['emails', 'deals', 210, 209, null], ['emails', 'tickets', 224, 223, null],
  ['meetings', 'companies', 188, 187, null], ['meetings', 'contacts', 200, 199, null], ['meetings', 'deals', 212, 211, null], ['meetings', 'tickets', 226, 225, null],
  ['notes', 'companies', 190, 189, null], ['notes', 'contacts', 202, 201, null], ['notes', 'deals', 214, 213, null], ['notes', 'tickets', 228, 227, null],
  ['tasks', 'companies', 192, 191, null], ['tasks', 'contacts', 204, 203, null], ['tasks', 'deals', 216, 215, null], ['tasks', 'tickets', 230, 229, null],
  ['communications', 'companies', 88, 87, null], ['communications', 'contacts', 82, 81, null], ['communications', 'deals', 86, 85, null], ['communications', 'tickets', 84, 83, null],
  ['invoices', 'contacts', 177, 178, null], ['invoices', 'companies', 179, 180, null], ['invoices', 'deals', 175, 176, null],
];

export interface AssociationTypeInfo { from: SandboxObjectType; to: SandboxObjectType; typeId: number; reverseTypeId: number; label: string | null }

const byPairAndId = new Map<string, AssociationTypeInfo>();
const byFromAndId = new Map<string, AssociationTypeInfo>();
const defaultByPair = new Map<string, AssociationTypeInfo>();

function add(info: AssociationTypeInfo): void {
  byPairAndId.set(`${info.from}|${info.to}|${info.typeId}`, info);
  byFromAndId.set(`${info.from}|${info.typeId}`, info);
  if (info.label === null) defaultByPair.set(`${info.from}|${info.to}`, info);
}
for (const [from, to, typeId, reverseTypeId, label] of ROWS) {
  add({ from, to, typeId, reverseTypeId, label });
  add({ from: to, to: from, typeId: reverseTypeId, reverseTypeId: typeId, label: from === to && label ? 'Child Company' : label });
}

/** The unlabelled HubSpot-defined type for a pair, e.g. tasks→companies = 192. */
export function defaultAssociationType(from: SandboxObjectType, to: SandboxObjectType): AssociationTypeInfo | undefined {
  return defaultByPair.get(`${from}|${to}`);
}

/** A HUBSPOT_DEFINED type id valid for this pair (undefined when HubSpot would reject it). */
export function hubspotDefinedType(from: SandboxObjectType, to: SandboxObjectType, typeId: number): AssociationTypeInfo | undefined {
  return byPairAndId.get(`${from}|${to}|${typeId}`);
}

/** HubSpot-defined ids are unique per source type, which is how v3 create infers an inline association's target type. */
export function hubspotDefinedTypeFrom(from: SandboxObjectType, typeId: number): AssociationTypeInfo | undefined {
  return byFromAndId.get(`${from}|${typeId}`);
}
