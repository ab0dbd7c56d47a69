import { Router } from 'express';
import type { AssociationCategory, AssociationTypeRef } from './association-store';
import { defaultAssociationType, hubspotDefinedType } from './association-types';
import { HubSpotError, standardError, validationError } from './errors';
import { asObject, asString, batchInputs, intParam } from './inputs';
import { OBJECT_TYPE_IDS, singularName } from './object-types';
import type { Portal } from './portal';
import { batchEnvelope, objectTypeParam, param, portalOf } from './route-helpers';
import type { SandboxObjectType } from './types';

const CATEGORIES = new Set(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED', 'WORK']);

function parseSpecs(raw: unknown, from: SandboxObjectType, to: SandboxObjectType, where: string): AssociationTypeRef[] {
  if (!Array.isArray(raw) || raw.length === 0) throw validationError(`Invalid input JSON: ${where} must be a non-empty array of association specs`);
  return raw.map((item, i) => {
    const s = asObject(item, `${where}[${i}]`);
    const category = String(s.associationCategory);
    const typeId = Number(s.associationTypeId);
    if (!CATEGORIES.has(category) || !Number.isInteger(typeId)) throw validationError(`Invalid input JSON: ${where}[${i}] needs associationCategory and an integer associationTypeId`);
    if (category === 'HUBSPOT_DEFINED' && !hubspotDefinedType(from, to, typeId)) {
      throw validationError(`association type id ${typeId} doesn't exist between ${singularName(from)} and ${singularName(to)}`);
    }
    return { category: category as AssociationCategory, typeId };
  });
}

function defaultType(from: SandboxObjectType, to: SandboxObjectType): AssociationTypeRef {
  const def = defaultAssociationType(from, to);
  if (!def) throw validationError(`There is no default association between ${from} and ${to}.`);
  return { category: 'HUBSPOT_DEFINED', typeId: def.typeId };
}

function labelsBetween(portal: Portal, from: SandboxObjectType, fromId: string, to: SandboxObjectType, toId: string): Record<string, unknown> {
  const found = portal.associations.list(from, fromId, to).find((a) => a.toObjectId === toId);
  const labels = (found?.types ?? []).flatMap((t) => (t.label ? [t.label] : []));
  return { fromObjectTypeId: OBJECT_TYPE_IDS[from], fromObjectId: fromId, toObjectTypeId: OBJECT_TYPE_IDS[to], toObjectId: toId, labels };
}

function defaultPairJson(from: SandboxObjectType, fromId: string, to: SandboxObjectType, toId: string): Record<string, unknown>[] {
  const def = defaultAssociationType(from, to)!;
  return [
    { from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: def.typeId } },
    { from: { id: toId }, to: { id: fromId }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: def.reverseTypeId } },
  ];
}

function associatedJson(portal: Portal, from: SandboxObjectType, fromId: string, to: SandboxObjectType): Record<string, unknown>[] {
  return portal.associations.list(from, fromId, to)
    .filter((a) => portal.isLive(to, a.toObjectId))
    .map((a) => ({ toObjectId: a.toObjectId, associationTypes: a.types.map((t) => ({ category: t.category, typeId: t.typeId, ...(t.label ? { label: t.label } : {}) })) }));
}

/** `inputs[i]` of a batch that names one `from` and one `to` object, with both ids checked. */
function pairInput(raw: unknown, i: number): { input: Record<string, unknown>; fromId: string; toId: string } {
  const input = asObject(raw, `inputs[${i}]`);
  const fromId = asString(asObject(input.from, `inputs[${i}].from`).id, `inputs[${i}].from.id`);
  const toId = asString(asObject(input.to, `inputs[${i}].to`).id, `inputs[${i}].to.id`);
  return { input, fromId, toId };
}

const itemFailure = (e: unknown, context: Record<string, string[]>): Record<string, unknown> => {
  if (!(e instanceof HubSpotError)) throw e;
  return standardError(e.category, e.message, context);
};

/** Associations v4: default and labelled, single and batch. */
export function associationsRouter(): Router {
  const r = Router();
  const base = '/crm/v4/objects/:fromType/:fromId/associations';

  r.put(`${base}/default/:toType/:toId`, (req, res) => {
    const portal = portalOf(res);
    const [from, to] = [objectTypeParam(req.params.fromType), objectTypeParam(req.params.toType)];
    const [fromId, toId] = [param(req.params.fromId), param(req.params.toId)];
    portal.addAssociation(from, fromId, to, toId, defaultType(from, to));
    res.json(batchEnvelope(new Date(), defaultPairJson(from, fromId, to, toId)));
  });

  r.put(`${base}/:toType/:toId`, (req, res) => {
    const portal = portalOf(res);
    const [from, to] = [objectTypeParam(req.params.fromType), objectTypeParam(req.params.toType)];
    const [fromId, toId] = [param(req.params.fromId), param(req.params.toId)];
    for (const t of parseSpecs(req.body, from, to, 'body')) portal.addAssociation(from, fromId, to, toId, t);
    res.status(201).json(labelsBetween(portal, from, fromId, to, toId));
  });

  r.get(`${base}/:toType`, (req, res) => {
    const portal = portalOf(res);
    const [from, to] = [objectTypeParam(req.params.fromType), objectTypeParam(req.params.toType)];
    const all = associatedJson(portal, from, param(req.params.fromId), to);
    const limit = intParam(req.query.limit, 500, 500, 'limit');
    const offset = req.query.after === undefined ? 0 : Number(req.query.after);
    if (!Number.isInteger(offset) || offset < 0) throw validationError('after must be a paging cursor from a previous answer');
    const results = all.slice(offset, offset + limit);
    res.json(offset + limit < all.length ? { results, paging: { next: { after: String(offset + limit) } } } : { results });
  });

  r.delete(`${base}/:toType/:toId`, (req, res) => {
    const portal = portalOf(res);
    portal.removeAssociations(objectTypeParam(req.params.fromType), param(req.params.fromId), objectTypeParam(req.params.toType), param(req.params.toId));
    res.status(204).end();
  });

  const batch = '/crm/v4/associations/:fromType/:toType/batch';

  r.post(`${batch}/associate/default`, (req, res) => {
    const portal = portalOf(res);
    const [from, to] = [objectTypeParam(req.params.fromType), objectTypeParam(req.params.toType)];
    const type = defaultType(from, to);
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const [i, raw] of batchInputs(req.body, 2000).entries()) {
      const { fromId, toId } = pairInput(raw, i);
      try {
        portal.addAssociation(from, fromId, to, toId, type);
        results.push(...defaultPairJson(from, fromId, to, toId));
      } catch (e) { errors.push(itemFailure(e, { fromObjectId: [fromId], toObjectId: [toId] })); }
    }
    res.status(200).json(batchEnvelope(new Date(), results, errors));
  });

  r.post(`${batch}/create`, (req, res) => {
    const portal = portalOf(res);
    const [from, to] = [objectTypeParam(req.params.fromType), objectTypeParam(req.params.toType)];
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const [i, raw] of batchInputs(req.body, 2000).entries()) {
      const { input, fromId, toId } = pairInput(raw, i);
      const types = parseSpecs(input.types, from, to, `inputs[${i}].types`);
      try {
        for (const t of types) portal.addAssociation(from, fromId, to, toId, t);
        results.push(labelsBetween(portal, from, fromId, to, toId));
      } catch (e) { errors.push(itemFailure(e, { fromObjectId: [fromId], toObjectId: [toId] })); }
    }
    res.status(errors.length > 0 ? 207 : 201).json(batchEnvelope(new Date(), results, errors));
  });

  r.post(`${batch}/read`, (req, res) => {
    const portal = portalOf(res);
    const [from, to] = [objectTypeParam(req.params.fromType), objectTypeParam(req.params.toType)];
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const [i, raw] of batchInputs(req.body, 1000).entries()) {
      const id = asString(asObject(raw, `inputs[${i}]`).id, `inputs[${i}].id`);
      const associated = associatedJson(portal, from, id, to);
      if (associated.length > 0) results.push({ from: { id }, to: associated });
      else errors.push(standardError('OBJECT_NOT_FOUND', `No ${singularName(to)} is associated with ${singularName(from)} ${id}.`, { fromObjectId: [id] }));
    }
    res.status(errors.length > 0 ? 207 : 200).json(batchEnvelope(new Date(), results, errors));
  });

  r.post(`${batch}/archive`, (req, res) => {
    const portal = portalOf(res);
    const [from, to] = [objectTypeParam(req.params.fromType), objectTypeParam(req.params.toType)];
    for (const [i, raw] of batchInputs(req.body, 2000).entries()) {
      const input = asObject(raw, `inputs[${i}]`);
      const fromId = asString(asObject(input.from, `inputs[${i}].from`).id, `inputs[${i}].from.id`);
      const targets = Array.isArray(input.to) ? input.to : [];
      for (const [j, t] of targets.entries()) portal.removeAssociations(from, fromId, to, asString(asObject(t, `inputs[${i}].to[${j}]`).id, `inputs[${i}].to[${j}].id`));
    }
    res.status(204).end();
  });

  r.post(`${batch}/labels/archive`, (req, res) => {
    const portal = portalOf(res);
    const [from, to] = [objectTypeParam(req.params.fromType), objectTypeParam(req.params.toType)];
    for (const [i, raw] of batchInputs(req.body, 2000).entries()) {
      const { input, fromId, toId } = pairInput(raw, i);
      portal.associations.removeTypes(from, fromId, to, toId, parseSpecs(input.types, from, to, `inputs[${i}].types`));
    }
    res.status(204).end();
  });

  return r;
}
