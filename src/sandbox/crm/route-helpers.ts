import type { Response } from 'express';
import { validationError } from './errors';
import { resolveObjectType } from './object-types';
import type { Portal } from './portal';
import type { SandboxObjectType } from './types';

/** The portal the bearer token opened (set by the auth middleware in app.ts). */
export function portalOf(res: Response): Portal {
  const portal = res.locals.portal as Portal | undefined;
  if (!portal) throw new Error('No portal on the request: the bearer-auth middleware must run before the CRM routes');
  return portal;
}

export function objectTypeParam(raw: unknown): SandboxObjectType {
  const t = typeof raw === 'string' ? resolveObjectType(raw) : undefined;
  if (!t) throw validationError(`Unable to infer object type from: ${String(raw)}`);
  return t;
}

/** Express 5 keeps params as strings; a defensive read for the typed handlers. */
export function param(raw: unknown): string {
  return Array.isArray(raw) ? String(raw[0]) : String(raw);
}

export function batchEnvelope(startedAt: Date, results: unknown[], errors: unknown[] = []): Record<string, unknown> {
  const body: Record<string, unknown> = { status: 'COMPLETE', results, startedAt: startedAt.toISOString(), completedAt: new Date().toISOString() };
  if (errors.length > 0) { body.numErrors = errors.length; body.errors = errors; }
  return body;
}
