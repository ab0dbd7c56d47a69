import { defaultAssociationType, hubspotDefinedType } from './association-types';
import type { SandboxObjectType } from './types';

export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED' | 'WORK';
export interface AssociationTypeRef { category: AssociationCategory; typeId: number }
export interface AssociatedObject { toObjectId: string; types: (AssociationTypeRef & { label?: string })[] }

type Edges = Map<string, Map<string, Map<number, AssociationCategory>>>; // toType → toId → typeId → category

/** Associations of one portal, stored in both directions so either side reads in O(its associations). */
export class AssociationStore {
  private readonly edges = new Map<string, Edges>();

  /** Adds the typed association in both directions; a labelled one also carries the pair's default type, as in HubSpot. */
  add(fromType: SandboxObjectType, fromId: string, toType: SandboxObjectType, toId: string, type: AssociationTypeRef): boolean {
    const reverse = reverseOf(fromType, toType, type);
    let changed = this.put(fromType, fromId, toType, toId, type);
    changed = this.put(toType, toId, fromType, fromId, reverse) || changed;
    const def = defaultAssociationType(fromType, toType);
    if (def && def.typeId !== type.typeId) {
      this.put(fromType, fromId, toType, toId, { category: 'HUBSPOT_DEFINED', typeId: def.typeId });
      this.put(toType, toId, fromType, fromId, { category: 'HUBSPOT_DEFINED', typeId: def.reverseTypeId });
    }
    return changed;
  }

  /** Removes every association between the two records (both directions). */
  removeAll(fromType: SandboxObjectType, fromId: string, toType: SandboxObjectType, toId: string): boolean {
    const a = this.edges.get(key(fromType, fromId))?.get(toType)?.delete(toId) ?? false;
    const b = this.edges.get(key(toType, toId))?.get(fromType)?.delete(fromId) ?? false;
    return a || b;
  }

  /** Removes only the given types (labels); the records stay associated by what remains. */
  removeTypes(fromType: SandboxObjectType, fromId: string, toType: SandboxObjectType, toId: string, types: AssociationTypeRef[]): void {
    for (const t of types) {
      const r = reverseOf(fromType, toType, t);
      this.edges.get(key(fromType, fromId))?.get(toType)?.get(toId)?.delete(t.typeId);
      this.edges.get(key(toType, toId))?.get(fromType)?.get(fromId)?.delete(r.typeId);
    }
    for (const [a, aid, b, bid] of [[fromType, fromId, toType, toId], [toType, toId, fromType, fromId]] as const) {
      const m = this.edges.get(key(a, aid))?.get(b);
      if (m?.get(bid)?.size === 0) m.delete(bid);
    }
  }

  list(fromType: SandboxObjectType, fromId: string, toType: SandboxObjectType): AssociatedObject[] {
    const byId = this.edges.get(key(fromType, fromId))?.get(toType);
    if (!byId) return [];
    const out: AssociatedObject[] = [];
    for (const [toObjectId, types] of byId) {
      out.push({
        toObjectId,
        types: [...types].map(([typeId, category]) => {
          const label = category === 'HUBSPOT_DEFINED' ? hubspotDefinedType(fromType, toType, typeId)?.label : undefined;
          return label ? { category, typeId, label } : { category, typeId };
        }),
      });
    }
    return out;
  }

  /** Every association of one record, by target type (for the state dump). */
  allFor(fromType: SandboxObjectType, fromId: string): Map<string, Map<string, Map<number, AssociationCategory>>> | undefined {
    return this.edges.get(key(fromType, fromId));
  }

  private put(fromType: SandboxObjectType, fromId: string, toType: SandboxObjectType, toId: string, t: AssociationTypeRef): boolean {
    let byType = this.edges.get(key(fromType, fromId));
    if (!byType) { byType = new Map(); this.edges.set(key(fromType, fromId), byType); }
    let byId = byType.get(toType);
    if (!byId) { byId = new Map(); byType.set(toType, byId); }
    let types = byId.get(toId);
    if (!types) { types = new Map(); byId.set(toId, types); }
    if (types.get(t.typeId) === t.category) return false;
    types.set(t.typeId, t.category);
    return true;
  }
}

const key = (type: string, id: string): string => `${type}:${id}`;

function reverseOf(fromType: SandboxObjectType, toType: SandboxObjectType, t: AssociationTypeRef): AssociationTypeRef {
  if (t.category !== 'HUBSPOT_DEFINED') return t; // custom labels here are symmetric: the same id both ways
  const info = hubspotDefinedType(fromType, toType, t.typeId);
  return { category: 'HUBSPOT_DEFINED', typeId: info ? info.reverseTypeId : t.typeId };
}
