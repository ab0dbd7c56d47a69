import { Router } from 'express';
import { HubSpotError, standardError, validationError } from './errors';
import { applyAssociations, planInlineAssociations, type PlannedAssociation } from './inline-associations';
import { asObject, asPropertyValues, asString, batchInputs, boolParam, duplicates } from './inputs';
import { recordJson, returnedProperties } from './record-view';
import { batchEnvelope, objectTypeParam, portalOf } from './route-helpers';
import type { Portal } from './portal';
import type { SandboxObjectType } from './types';
import { singularName } from './object-types';

interface Prepared<T> { index: number; traceId?: string; value?: T; error?: HubSpotError }

/**
 * Checks every input first, so a bad input fails the whole batch with nothing written — unless every input
 * carries an `objectWriteTraceId`, in which case HubSpot answers 207 with one error per bad input.
 */
function prepareAll<T>(inputs: unknown[], prepare: (input: Record<string, unknown>, index: number) => T): Prepared<T>[] {
  const traced = inputs.length > 0 && inputs.every((i) => typeof (i as Record<string, unknown> | null)?.objectWriteTraceId === 'string');
  return inputs.map((raw, index) => {
    const input = asObject(raw, `inputs[${index}]`);
    const traceId = typeof input.objectWriteTraceId === 'string' ? input.objectWriteTraceId : undefined;
    try {
      return { index, traceId, value: prepare(input, index) };
    } catch (e) {
      if (!traced || !(e instanceof HubSpotError)) throw e;
      return { index, traceId, error: e };
    }
  });
}

const itemError = (p: Prepared<unknown>): Record<string, unknown> =>
  standardError(p.error!.category, p.error!.message, p.traceId ? { objectWriteTraceId: [p.traceId] } : {}, p.error!.errors ?? []);

const notFoundError = (type: SandboxObjectType, ids: string[]): Record<string, unknown> =>
  standardError('OBJECT_NOT_FOUND', `Could not get some ${singularName(type).toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`, { ids });

/** One error per input that failed its checks, then one not-found error naming every missing id. */
function batchErrors(type: SandboxObjectType, prepared: Prepared<unknown>[], missing: string[] = []): Record<string, unknown>[] {
  return [...prepared.filter((p) => p.error).map(itemError), ...(missing.length ? [notFoundError(type, missing)] : [])];
}

/** Rejects two inputs of one batch claiming the same unique value (the store's index can't see those yet). */
function batchUniqueGuard(portal: Portal, type: SandboxObjectType): (values: Map<string, string | null>) => void {
  const seen = new Map<string, Set<string>>();
  return (values) => {
    for (const name of portal.uniqueNames(type)) {
      const v = values.get(name);
      if (v === undefined || v === null) continue;
      const key = name === 'email' ? v.toLowerCase() : v;
      const set = seen.get(name) ?? new Set<string>();
      if (set.has(key)) throw new HubSpotError(409, 'CONFLICT', `Duplicate value '${v}' for unique property '${name}' in batch input`);
      set.add(key);
      seen.set(name, set);
    }
  };
}

export function batchRouter(): Router {
  const r = Router();

  r.post('/crm/v3/objects/:objectType/batch/read', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const body = asObject(req.body, 'body');
    const inputs = batchInputs(body);
    const idProperty = typeof body.idProperty === 'string' && body.idProperty !== '' ? body.idProperty : undefined;
    const names = returnedProperties(type, body.properties);
    const archived = boolParam(req.query.archived);
    const results: unknown[] = [];
    const missing: string[] = [];
    for (const [i, raw] of inputs.entries()) {
      const given = asString(asObject(raw, `inputs[${i}]`).id, `inputs[${i}].id`);
      const id = portal.resolveId(type, given, idProperty);
      const rec = id === undefined ? undefined : portal.store(type).get(id);
      if (rec && rec.archived === archived) results.push(recordJson(rec, names));
      else missing.push(given);
    }
    const started = new Date();
    if (missing.length > 0) res.status(207).json(batchEnvelope(started, results, [notFoundError(type, missing)]));
    else res.json(batchEnvelope(started, results));
  });

  r.post('/crm/v3/objects/:objectType/batch/create', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const started = new Date();
    const guard = batchUniqueGuard(portal, type);
    const prepared = prepareAll(batchInputs(req.body), (input, i) => {
      const properties = asPropertyValues(input.properties, `inputs[${i}].properties`);
      guard(portal.prepareWrite(type, properties, undefined));
      return { properties, planned: planInlineAssociations(portal, type, input.associations) as PlannedAssociation[] };
    });
    const results: unknown[] = [];
    for (const p of prepared) {
      if (!p.value) continue;
      const rec = portal.create(type, p.value.properties);
      applyAssociations(portal, type, rec.id, p.value.planned);
      const json = recordJson(rec, Object.keys(rec.properties));
      results.push(p.traceId ? { ...json, objectWriteTraceId: p.traceId } : json);
    }
    const errors = batchErrors(type, prepared);
    res.status(errors.length > 0 ? 207 : 201).json(batchEnvelope(started, results, errors));
  });

  r.post('/crm/v3/objects/:objectType/batch/update', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const started = new Date();
    const inputs = batchInputs(req.body);
    rejectDuplicateIds(inputs);
    const missing: string[] = [];
    const guard = batchUniqueGuard(portal, type);
    const prepared = prepareAll(inputs, (input, i) => {
      const given = asString(input.id, `inputs[${i}].id`);
      const id = portal.resolveId(type, given, typeof input.idProperty === 'string' ? input.idProperty : undefined);
      if (id === undefined || !portal.isLive(type, id)) { missing.push(given); return undefined; }
      const properties = asPropertyValues(input.properties, `inputs[${i}].properties`);
      guard(portal.prepareWrite(type, properties, id));
      return { id, properties };
    });
    const results: unknown[] = [];
    for (const p of prepared) {
      if (!p.value) continue;
      const { record } = portal.update(type, p.value.id, p.value.properties);
      const json = recordJson(record, [...Object.keys(p.value.properties), ...returnedProperties(type, undefined)]);
      results.push(p.traceId ? { ...json, objectWriteTraceId: p.traceId } : json);
    }
    const errors = batchErrors(type, prepared, missing);
    res.status(errors.length > 0 ? 207 : 200).json(batchEnvelope(started, results, errors));
  });

  r.post('/crm/v3/objects/:objectType/batch/upsert', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const started = new Date();
    const inputs = batchInputs(req.body);
    rejectDuplicateIds(inputs);
    const guard = batchUniqueGuard(portal, type);
    const missing: string[] = [];
    const prepared = prepareAll(inputs, (input, i) => {
      const given = asString(input.id, `inputs[${i}].id`);
      const idProperty = typeof input.idProperty === 'string' && input.idProperty !== '' ? input.idProperty : undefined;
      const properties = asPropertyValues(input.properties, `inputs[${i}].properties`);
      const id = portal.resolveId(type, given, idProperty);
      if (id !== undefined) { guard(portal.prepareWrite(type, properties, id)); return { id, properties }; }
      if (!idProperty || idProperty === 'hs_object_id') { missing.push(given); return undefined; }
      // A new record gets its unique id value from the input's `id`, as HubSpot's upsert does.
      const createProps = { ...properties, [idProperty]: given };
      guard(portal.prepareWrite(type, createProps, undefined));
      return { id: undefined, properties: createProps };
    });
    const results: unknown[] = [];
    for (const p of prepared) {
      if (!p.value) continue;
      const isNew = p.value.id === undefined;
      const record = isNew ? portal.create(type, p.value.properties) : portal.update(type, p.value.id as string, p.value.properties).record;
      const names = isNew ? Object.keys(record.properties) : [...Object.keys(p.value.properties), ...returnedProperties(type, undefined)];
      const json = { ...recordJson(record, names), new: isNew };
      results.push(p.traceId ? { ...json, objectWriteTraceId: p.traceId } : json);
    }
    const errors = batchErrors(type, prepared, missing);
    res.status(errors.length > 0 ? 207 : 200).json(batchEnvelope(started, results, errors));
  });

  r.post('/crm/v3/objects/:objectType/batch/archive', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    for (const [i, raw] of batchInputs(req.body).entries()) portal.archive(type, asString(asObject(raw, `inputs[${i}]`).id, `inputs[${i}].id`));
    res.status(204).end();
  });

  return r;
}

function rejectDuplicateIds(inputs: unknown[]): void {
  const dup = duplicates(inputs.map((i) => String((i as Record<string, unknown> | null)?.id)));
  if (dup.length > 0) throw validationError(`Duplicate IDs found in batch input: [${dup.join(', ')}]. IDs must be unique`, undefined, { ids: dup });
}
