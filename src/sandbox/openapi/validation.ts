import { readFileSync } from 'node:fs';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { relax } from './relaxations';

/** The specs the CRM routes answer to, by file name under ./specs. */
const SPEC_FILES = ['companies', 'contacts', 'tasks', 'notes', 'calls', 'emails', 'communications', 'invoices', 'objects', 'properties', 'associations', 'crmOwners', 'accountInfo'] as const;
type SpecName = (typeof SPEC_FILES)[number];

/** Object types with their own document; every other type (deals, tickets, meetings, `0-2`, …) uses objects.json. */
const OWN_SPEC = new Set<string>(['companies', 'contacts', 'tasks', 'notes', 'calls', 'emails', 'communications', 'invoices']);

let cachedDocs: Map<SpecName, unknown> | undefined;

function loadDocs(): Map<SpecName, unknown> {
  if (!cachedDocs) {
    cachedDocs = new Map(SPEC_FILES.map((name) => [name, JSON.parse(readFileSync(new URL(`./specs/${name}.json`, import.meta.url), 'utf8'))]));
  }
  return cachedDocs;
}

/**
 * Which document governs a path. Several overlap (`/crm/v3/objects/{objectType}` in objects.json and
 * `/crm/v3/objects/companies` in companies.json); the object-specific one wins, as it does in HubSpot's routing.
 */
export function specFor(path: string): SpecName | undefined {
  const m = /^\/crm\/v3\/objects\/([^/]+)/.exec(path);
  if (m) return OWN_SPEC.has(m[1] as string) ? (m[1] as SpecName) : 'objects';
  if (path.startsWith('/crm/v3/properties/')) return 'properties';
  if (path.startsWith('/crm/v4/')) return 'associations';
  if (path === '/crm/v3/owners' || path.startsWith('/crm/v3/owners/')) return 'crmOwners';
  if (path.startsWith('/account-info/')) return 'accountInfo';
  return undefined;
}

export interface OpenApiValidationOptions {
  /** Check answers too (on in tests): an answer that breaks the document becomes a 500. */
  validateResponses: boolean;
}

/**
 * Validators are costly to build (hundreds of ms per document), so each is built on the first request
 * for its document and shared by every app in the process: they hold only the document, never app state.
 */
const validators = new Map<string, express.Router>();

function validatorFor(name: SpecName, validateResponses: boolean): express.Router {
  const key = `${name}|${validateResponses}`;
  let router = validators.get(key);
  if (!router) {
    router = express.Router();
    router.use(
      OpenApiValidator.middleware({
        apiSpec: relax(name, structuredClone(loadDocs().get(name))) as never,
        validateRequests: true,
        validateResponses,
        validateSecurity: false,
        validateApiSpec: false,
        ignoreUndocumented: false,
      }),
    );
    validators.set(key, router);
  }
  return router;
}

/**
 * Request (and optionally response) validation with express-openapi-validator, one validator per
 * HubSpot document, dispatched by path. Errors reach the app's error handler with the validator's
 * `status` and `errors`, which it turns into HubSpot's error shape.
 */
export function openApiValidation(opts: OpenApiValidationOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const name = specFor(req.path);
    if (!name) { next(); return; }
    validatorFor(name, opts.validateResponses)(req, res, next);
  };
}
