import type { RequestHandler } from 'express';

/** Per-user, per-moment data (the card API): no shared cache may keep it. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'private, no-store');
  next();
};
