import { Router } from 'express';
import { notFound, validationError } from './errors';
import { boolParam, intParam } from './inputs';
import { param, portalOf } from './route-helpers';
import type { SandboxOwner } from './types';

const ownerJson = (o: SandboxOwner): Record<string, unknown> => ({
  id: o.id, email: o.email, type: 'PERSON', firstName: o.firstName, lastName: o.lastName, userId: o.userId,
  userIdIncludingInactive: o.userId, createdAt: o.createdAt, updatedAt: o.updatedAt, archived: o.archived, teams: o.teams,
});

/** Owners v3: list (paging, email filter) and read by id or userId. */
export function ownersRouter(): Router {
  const r = Router();

  r.get('/crm/v3/owners', (req, res) => {
    const portal = portalOf(res);
    const email = typeof req.query.email === 'string' ? req.query.email.toLowerCase() : undefined;
    const archived = boolParam(req.query.archived);
    const all = portal.owners.list().filter((o) => o.archived === archived && (email === undefined || o.email.toLowerCase() === email));
    const limit = intParam(req.query.limit, 100, 500, 'limit');
    const offset = req.query.after === undefined ? 0 : Number(req.query.after);
    if (!Number.isInteger(offset) || offset < 0) throw validationError('after must be a paging cursor from a previous answer');
    const results = all.slice(offset, offset + limit).map(ownerJson);
    res.json(offset + limit < all.length ? { results, paging: { next: { after: String(offset + limit) } } } : { results });
  });

  r.get('/crm/v3/owners/:ownerId', (req, res) => {
    const portal = portalOf(res);
    const id = param(req.params.ownerId);
    const owner = req.query.idProperty === 'userId' ? portal.owners.byUserId(Number(id)) : portal.owners.get(id);
    if (!owner || owner.archived !== boolParam(req.query.archived)) throw notFound(`Owner ${id} not found`);
    res.json(ownerJson(owner));
  });

  return r;
}
