import type { RequestHandler, Response } from 'express';
import type { ApiKeyStore } from '../../api-keys/api-key-store';
import { AppError } from '../../errors';

/** Requires `Authorization: Bearer rdk_…`; puts the key's portal in `res.locals.portalId`. Runs before any body is read. */
export function requireApiKey(apiKeys: ApiKeyStore): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    const info = match ? await apiKeys.verify(match[1] as string) : undefined;
    if (!info) {
      res.set('WWW-Authenticate', 'Bearer realm="ingest"');
      next(new AppError('unauthorized', 'A valid API key is required: Authorization: Bearer rdk_…', 401));
      return;
    }
    res.locals.portalId = info.portalId;
    next();
  };
}

export const portalOf = (res: Response): string => res.locals.portalId as string;
