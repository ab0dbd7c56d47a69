import { hubspotDefinedTypeFrom } from './association-types';
import type { AssociationCategory, AssociationTypeRef } from './association-store';
import { validationError } from './errors';
import { asObject, asString } from './inputs';
import type { Portal } from './portal';
import type { SandboxObjectType } from './types';

export interface PlannedAssociation { toType: SandboxObjectType; toId: string; type: AssociationTypeRef }

const CATEGORIES = new Set(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED', 'WORK']);

/**
 * Checks the `associations` of a create input before anything is written. v3 create names no target type:
 * HubSpot infers it from the (HubSpot-defined) association type id, so that is what this does too.
 */
export function planInlineAssociations(portal: Portal, fromType: SandboxObjectType, raw: unknown): PlannedAssociation[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validationError('Invalid input JSON: associations must be an array');
  const planned: PlannedAssociation[] = [];
  for (const [i, item] of raw.entries()) {
    const a = asObject(item, `associations[${i}]`);
    const toId = asString(asObject(a.to, `associations[${i}].to`).id, `associations[${i}].to.id`);
    if (!Array.isArray(a.types) || a.types.length === 0) throw validationError(`Invalid input JSON: associations[${i}].types must be a non-empty array`);
    for (const [j, rawType] of a.types.entries()) {
      const t = asObject(rawType, `associations[${i}].types[${j}]`);
      const category = String(t.associationCategory);
      const typeId = Number(t.associationTypeId);
      if (!CATEGORIES.has(category) || !Number.isInteger(typeId)) throw validationError(`Invalid input JSON: associations[${i}].types[${j}] needs associationCategory and an integer associationTypeId`);
      const info = category === 'HUBSPOT_DEFINED' ? hubspotDefinedTypeFrom(fromType, typeId) : undefined;
      if (!info) throw validationError(`association type id ${typeId} (${category}) doesn't exist for ${fromType}`, [{ message: `invalid association type id ${typeId}`, code: 'INVALID_ASSOCIATION_TYPE' }]);
      if (!portal.isLive(info.to, toId)) {
        throw validationError(`One or more associations are invalid: ${info.to} ${toId} does not exist`, [{ message: `${info.to} ${toId} does not exist`, code: 'INVALID_OBJECT_ID' }]);
      }
      planned.push({ toType: info.to, toId, type: { category: category as AssociationCategory, typeId } });
    }
  }
  return planned;
}

export function applyAssociations(portal: Portal, fromType: SandboxObjectType, fromId: string, planned: PlannedAssociation[]): void {
  for (const p of planned) portal.addAssociation(fromType, fromId, p.toType, p.toId, p.type);
}
