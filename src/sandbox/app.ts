import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { adminRouter } from './admin';
import { accountInfoRouter } from './crm/account-info-routes';
import { associationsRouter } from './crm/associations-routes';
import { batchRouter } from './crm/batch-routes';
import { HubSpotError, hubSpotErrorBody } from './crm/errors';
import { objectsRouter } from './crm/objects-routes';
import { ownersRouter } from './crm/owners-routes';
import { propertiesRouter } from './crm/properties-routes';
import { searchRouter } from './crm/search-routes';
import { faultInjection } from './faults';
import { routeTemplate } from './inspect';
import { oauthRouter } from './oauth';
import { openApiValidation } from './openapi/validation';
import { rateLimit } from './rate-limit';
import type { Portal, SandboxState } from './state';

export interface SandboxAppOptions {
  /** Validate requests against HubSpot's OpenAPI documents (default true; benchmarks switch it off). */
  validateWithOpenApi?: boolean;
  /** Validate answers too (default: same as validateWithOpenApi). A broken answer becomes a 500. */
  validateResponses?: boolean;
}

const MAX_LOG_ENTRIES = 500_000;

/** The sandbox's Express app: HubSpot's CRM endpoints for every portal in `state`. */
export function createSandboxApp(state: SandboxState, options: SandboxAppOptions = {}): Express {
  const validate = options.validateWithOpenApi ?? true;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(stripTrailingSlash);
  app.use(express.json({ limit: '3mb' }));
  app.use(requestLog(state));
  app.use(oauthRouter(state));
  app.use('/_sandbox', adminRouter(state));
  app.use(bearerAuth(state));
  app.use(faultInjection(state));
  app.use(rateLimit(state));
  if (validate) app.use(openApiValidation({ validateResponses: options.validateResponses ?? true }));
  app.use(objectsRouter(), batchRouter(), searchRouter(), propertiesRouter(), associationsRouter(), ownersRouter(), accountInfoRouter());
  app.use((req, res) => {
    res.status(404).json(hubSpotErrorBody(`No route for ${req.method} ${req.path}`, 'OBJECT_NOT_FOUND'));
  });
  app.use(errorHandler);
  return app;
}

/** The api-client calls `/crm/v3/owners/` with a trailing slash; HubSpot's documents and routes have none. */
const stripTrailingSlash: RequestHandler = (req, _res, next) => {
  const q = req.url.indexOf('?');
  const path = q === -1 ? req.url : req.url.slice(0, q);
  if (path.length > 1 && path.endsWith('/')) req.url = path.replace(/\/+$/, '') + (q === -1 ? '' : req.url.slice(q));
  next();
};

function requestLog(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const at = Date.now();
    const { method, path } = req;
    res.on('finish', () => {
      const portal = res.locals.portal as Portal | undefined;
      const log = portal ? portal.requestLog : state.unassignedRequestLog;
      const route = routeTemplate(method, path);
      // Token-bearing OAuth paths are logged templated: the log never holds a token.
      const loggedPath = path.startsWith('/oauth/') ? route.slice(method.length + 1) : path;
      log.push({ method, path: loggedPath, route, status: res.statusCode, at });
      if (log.length > MAX_LOG_ENTRIES) log.splice(0, log.length - MAX_LOG_ENTRIES);
    });
    next();
  };
}

function bearerAuth(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      res.status(401).json(hubSpotErrorBody('Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview', 'INVALID_AUTHENTICATION'));
      return;
    }
    const portal = state.portalForToken(match[1] as string);
    if (!portal) {
      res.status(401).json(hubSpotErrorBody('The OAuth token used to make this call expired, was revoked or is not valid.', 'EXPIRED_AUTHENTICATION'));
      return;
    }
    res.locals.portal = portal;
    next();
  };
}

interface ValidatorError { status?: number; errors?: { path?: string; message?: string; errorCode?: string }[]; message?: string; type?: string }

const errorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof HubSpotError) { res.status(err.httpStatus).json(err.toBody()); return; }
  const e = (err ?? {}) as ValidatorError;
  if (e.type === 'entity.parse.failed') { res.status(400).json(hubSpotErrorBody(`Invalid input JSON: ${e.message ?? ''}`, 'VALIDATION_ERROR')); return; }
  if (e.type === 'entity.too.large') { res.status(413).json(hubSpotErrorBody('Request body is too large', 'VALIDATION_ERROR')); return; }
  if (typeof e.status === 'number' && Array.isArray(e.errors)) {
    const details = e.errors.map((d) => ({ message: `${d.path ?? ''} ${d.message ?? ''}`.trim(), ...(d.errorCode ? { code: d.errorCode } : {}), ...(d.path ? { in: d.path } : {}) }));
    if (e.status >= 500) {
      res.status(500).json(hubSpotErrorBody(`Sandbox answer does not match HubSpot's OpenAPI document: ${e.message ?? ''}`, 'INTERNAL_ERROR', details));
      return;
    }
    const category = e.status === 404 ? 'OBJECT_NOT_FOUND' : e.status === 405 ? 'METHOD_NOT_ALLOWED' : e.status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_ERROR';
    res.status(e.status).json(hubSpotErrorBody(`Invalid input: ${e.message ?? 'request does not match the API'}`, category, details));
    return;
  }
  res.status(500).json(hubSpotErrorBody(`Sandbox internal error: ${err instanceof Error ? err.message : String(err)}`, 'INTERNAL_ERROR'));
};
