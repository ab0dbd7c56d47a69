import { Router } from 'express';
import { validationError } from './errors';
import { asObject } from './inputs';
import type { ObjectStore, StoredRecord } from './object-store';
import { defaultSearchableProperties } from './object-types';
import { recordJson, returnedProperties } from './record-view';
import { objectTypeParam, portalOf } from './route-helpers';
import { parseSearch, runSearch, SEARCH_LIMITS } from './search-engine';

interface CachedResult { key: string; version: number; records: StoredRecord[] }

/**
 * POST /crm/v3/objects/{type}/search. Paging through one query re-runs it per page, so the last result
 * per store is cached until the store changes (keeps 50 pages over 100,000 invoices cheap).
 */
export function searchRouter(): Router {
  const r = Router();
  const cache = new WeakMap<ObjectStore, CachedResult>();

  r.post('/crm/v3/objects/:objectType/search', (req, res) => {
    const portal = portalOf(res);
    const type = objectTypeParam(req.params.objectType);
    const body = asObject(req.body, 'body');
    const limit = body.limit === undefined ? 10 : Number(body.limit);
    if (!Number.isInteger(limit) || limit < 0 || limit > SEARCH_LIMITS.pageSize) {
      throw validationError(`limit must be an integer between 0 and ${SEARCH_LIMITS.pageSize}, got ${String(body.limit)}`);
    }
    const offset = body.after === undefined || body.after === null || body.after === '' ? 0 : Number(body.after);
    if (!Number.isInteger(offset) || offset < 0) throw validationError(`after must be a paging cursor from a previous answer, got ${String(body.after)}`);
    if (offset >= SEARCH_LIMITS.maxResults) {
      throw validationError(`There was a problem with the request: search can return at most ${SEARCH_LIMITS.maxResults} results per query (after=${offset}). Narrow the query, e.g. with a GT filter on hs_object_id.`);
    }
    const q = parseSearch(body);
    const store = portal.store(type);
    const key = JSON.stringify([q.filterGroups, q.sort, q.query]);
    let hit = cache.get(store);
    if (!hit || hit.key !== key || hit.version !== store.version) {
      hit = { key, version: store.version, records: runSearch(portal, type, q, defaultSearchableProperties(type)) };
      cache.set(store, hit);
    }
    const end = Math.min(offset + limit, SEARCH_LIMITS.maxResults, hit.records.length);
    const names = returnedProperties(type, body.properties);
    const results = hit.records.slice(offset, end).map((rec) => recordJson(rec, names));
    const answer: Record<string, unknown> = { total: hit.records.length, results };
    // Like HubSpot, the last page before the cap still offers `after=10000`; following it gets the 400.
    if (end < hit.records.length && limit > 0) answer.paging = { next: { after: String(end) } };
    res.json(answer);
  });

  return r;
}
