import { Router } from 'express';
import { HubSpotError, notFound, standardError } from './errors';
import { asObject, asString, batchInputs, boolParam } from './inputs';
import { propertyToJson } from './property-definition';
import type { PropertyCreateInput } from './property-registry';
import { batchEnvelope, objectTypeParam, param, portalOf } from './route-helpers';

const groupJson = (g: { name: string; label: string; displayOrder: number; archived: boolean }): Record<string, unknown> => ({ ...g });

/** Properties v3: groups, create, batch create/read, read one/all, update. */
export function propertiesRouter(): Router {
  const r = Router();
  const registry = (res: Parameters<typeof portalOf>[0], raw: unknown) => portalOf(res).properties(objectTypeParam(raw));

  r.get('/crm/v3/properties/:objectType/groups', (req, res) => {
    res.json({ results: registry(res, req.params.objectType).listGroups().map(groupJson) });
  });

  r.post('/crm/v3/properties/:objectType/groups', (req, res) => {
    const body = asObject(req.body, 'body');
    const group = registry(res, req.params.objectType).createGroup({
      name: asString(body.name, 'name'), label: asString(body.label, 'label'),
      ...(typeof body.displayOrder === 'number' ? { displayOrder: body.displayOrder } : {}),
    });
    res.status(201).json(groupJson(group));
  });

  r.get('/crm/v3/properties/:objectType/groups/:groupName', (req, res) => {
    const group = registry(res, req.params.objectType).getGroup(param(req.params.groupName));
    if (!group) throw notFound(`Unable to find property group ${param(req.params.groupName)}`);
    res.json(groupJson(group));
  });

  r.get('/crm/v3/properties/:objectType', (req, res) => {
    const props = boolParam(req.query.archived) ? [] : registry(res, req.params.objectType).list();
    res.json({ results: props.map(propertyToJson) });
  });

  r.post('/crm/v3/properties/:objectType', (req, res) => {
    const def = registry(res, req.params.objectType).create(asObject(req.body, 'body') as unknown as PropertyCreateInput, new Date().toISOString());
    res.status(201).json(propertyToJson(def));
  });

  r.post('/crm/v3/properties/:objectType/batch/create', (req, res) => {
    const reg = registry(res, req.params.objectType);
    const started = new Date();
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const [i, raw] of batchInputs(req.body, 100).entries()) {
      try {
        results.push(propertyToJson(reg.create(asObject(raw, `inputs[${i}]`) as unknown as PropertyCreateInput, new Date().toISOString())));
      } catch (e) {
        if (!(e instanceof HubSpotError)) throw e;
        errors.push(standardError(e.category, e.message, { name: [String((raw as { name?: unknown }).name)] }, e.errors ?? []));
      }
    }
    res.status(errors.length > 0 ? 207 : 201).json(batchEnvelope(started, results, errors));
  });

  r.post('/crm/v3/properties/:objectType/batch/read', (req, res) => {
    const reg = registry(res, req.params.objectType);
    const started = new Date();
    const results: unknown[] = [];
    const missing: string[] = [];
    for (const [i, raw] of batchInputs(req.body, 1000).entries()) {
      const name = asString(asObject(raw, `inputs[${i}]`).name, `inputs[${i}].name`);
      const def = reg.get(name);
      if (def) results.push(propertyToJson(def));
      else missing.push(name);
    }
    const errors = missing.length ? [standardError('OBJECT_NOT_FOUND', `Unable to find properties: ${missing.join(', ')}`, { names: missing })] : [];
    res.status(errors.length ? 207 : 200).json(batchEnvelope(started, results, errors));
  });

  r.get('/crm/v3/properties/:objectType/:propertyName', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const def = portalOf(res).properties(type).get(param(req.params.propertyName));
    if (!def) throw notFound(`Unable to find property ${param(req.params.propertyName)} on ${type}`);
    res.json(propertyToJson(def));
  });

  r.patch('/crm/v3/properties/:objectType/:propertyName', (req, res) => {
    const def = registry(res, req.params.objectType).update(param(req.params.propertyName), asObject(req.body, 'body') as Partial<PropertyCreateInput>, new Date().toISOString());
    res.json(propertyToJson(def));
  });

  return r;
}
