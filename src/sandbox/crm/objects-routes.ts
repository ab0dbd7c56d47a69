import { Router } from 'express';
import { notFound, validationError } from './errors';
import { applyAssociations, planInlineAssociations } from './inline-associations';
import { asObject, asPropertyValues, asString, boolParam, intParam } from './inputs';
import { associationsJson, recordJson, returnedProperties } from './record-view';
import { objectTypeParam, param, portalOf } from './route-helpers';

const MAX_PAGE = 100;

/** CRM objects v3, single-record endpoints: list, create, read, update, archive. */
export function objectsRouter(): Router {
  const r = Router();

  r.get('/crm/v3/objects/:objectType', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const limit = intParam(req.query.limit, 10, MAX_PAGE, 'limit');
    const after = req.query.after === undefined ? undefined : String(req.query.after);
    const page = portal.store(type).page(limit, after, boolParam(req.query.archived));
    const names = returnedProperties(type, req.query.properties);
    const results = page.records.map((rec) => {
      const json = recordJson(rec, names);
      const assoc = associationsJson(portal, type, rec.id, req.query.associations);
      return assoc ? { ...json, associations: assoc } : json;
    });
    res.json(page.next === undefined ? { results } : { results, paging: { next: { after: page.next } } });
  });

  r.post('/crm/v3/objects/:objectType', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const body = asObject(req.body, 'body');
    const properties = asPropertyValues(body.properties, 'properties');
    const planned = planInlineAssociations(portal, type, body.associations);
    const record = portal.create(type, properties);
    applyAssociations(portal, type, record.id, planned);
    res.status(201).json(recordJson(record, Object.keys(record.properties)));
  });

  r.post('/crm/v3/objects/:objectType/merge', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const body = asObject(req.body, 'body');
    const merged = portal.merge(type, asString(body.primaryObjectId, 'primaryObjectId'), asString(body.objectIdToMerge, 'objectIdToMerge'));
    res.json(recordJson(merged, returnedProperties(type, undefined)));
  });

  r.get('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const idProperty = req.query.idProperty === undefined ? undefined : String(req.query.idProperty);
    const id = portal.resolveId(type, param(req.params.objectId), idProperty);
    const record = id === undefined ? undefined : portal.store(type).get(id);
    if (!record || record.archived !== boolParam(req.query.archived)) throw notFound();
    const json = recordJson(record, returnedProperties(type, req.query.properties));
    const assoc = associationsJson(portal, type, record.id, req.query.associations);
    res.json(assoc ? { ...json, associations: assoc } : json);
  });

  r.patch('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const idProperty = req.query.idProperty === undefined ? undefined : String(req.query.idProperty);
    const id = portal.resolveId(type, param(req.params.objectId), idProperty);
    if (id === undefined) throw notFound();
    const properties = asPropertyValues(asObject(req.body, 'body').properties, 'properties');
    if (Object.keys(properties).length === 0) throw validationError('No properties found to update, please provide at least one.', undefined, { properties: ['{}'] });
    const { record } = portal.update(type, id, properties);
    res.json(recordJson(record, [...Object.keys(properties), ...returnedProperties(type, undefined)]));
  });

  r.delete('/crm/v3/objects/:objectType/:objectId', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    portal.archive(type, param(req.params.objectId));
    res.status(204).end();
  });

  return r;
}
