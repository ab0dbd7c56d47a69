import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Portal, SandboxState } from './state';
import { lockedBody, rateLimitBody } from './rate-limit';

/** What a fault does to each of the next `count` matching requests. */
export const FaultSpecSchema = z.object({
  pathPattern: z.string().min(1).refine((p) => { try { new RegExp(p); return true; } catch { return false; } }, 'pathPattern must be a valid regular expression'),
  method: z.string().regex(/^[A-Za-z]+$/).optional(),
  /**
   * Only batch requests with an input of this id (`inputs[].id`): HubSpot refuses a whole batch when one input
   * is bad, so a split batch keeps failing exactly where that input goes.
   */
  inputId: z.string().min(1).max(100).optional(),
  count: z.number().int().min(1).max(100_000),
}).and(z.discriminatedUnion('kind', [
  z.object({
    /** 400: HubSpot refuses the request for good (VALIDATION_ERROR), the others are transient. */
    kind: z.literal('status'), status: z.union([z.literal(400), z.literal(500), z.literal(502), z.literal(503), z.literal(429), z.literal(423)]),
    /** Only for 429: which HubSpot limit the answer claims (the api-client waits 10 s or 1 s accordingly). */
    policyName: z.enum(['TEN_SECONDLY_ROLLING', 'SECONDLY', 'DAILY']).optional(),
  }),
  z.object({ kind: z.literal('delay'), ms: z.number().int().min(1).max(120_000) }),
  z.object({ kind: z.literal('drop') }),
  /** HubSpot does the work but its answer never arrives (a proxy or the network lost it): the socket closes instead. */
  z.object({ kind: z.literal('lose_answer') }),
]));
export type FaultSpec = z.infer<typeof FaultSpecSchema>;

export interface ActiveFault { id: string; hubId: number | '*'; spec: FaultSpec; pattern: RegExp; remaining: number }

const faultsByState = new WeakMap<SandboxState, ActiveFault[]>();

function faultList(state: SandboxState): ActiveFault[] {
  let list = faultsByState.get(state);
  if (!list) faultsByState.set(state, (list = []));
  return list;
}

/** The next `spec.count` requests of portal `hubId` (or any portal: '*') matching the pattern fail as described. */
export function injectFault(state: SandboxState, hubId: number | '*', spec: FaultSpec): ActiveFault {
  const parsed = FaultSpecSchema.parse(spec);
  const fault: ActiveFault = { id: randomUUID(), hubId, spec: parsed, pattern: new RegExp(parsed.pathPattern), remaining: parsed.count };
  faultList(state).push(fault);
  return fault;
}

/** Removes all faults, or only those of one portal. */
export function clearFaults(state: SandboxState, hubId?: number | '*'): void {
  const list = faultList(state);
  const keep = hubId === undefined ? [] : list.filter((f) => f.hubId !== hubId);
  list.splice(0, list.length, ...keep);
}

export function listFaults(state: SandboxState): readonly ActiveFault[] {
  return faultList(state);
}

function hasInput(body: unknown, id: string): boolean {
  const inputs = (body as { inputs?: unknown } | undefined)?.inputs;
  return Array.isArray(inputs) && inputs.some((i) => String((i as { id?: unknown } | null)?.id) === id);
}

/** Runs after bearer auth (needs res.locals.portal) and before the rate limiter. */
export function faultInjection(state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const list = faultList(state);
    if (list.length === 0) return next();
    const portal = res.locals.portal as Portal | undefined;
    const path = req.originalUrl.split('?')[0] ?? '';
    const index = list.findIndex((f) => (f.hubId === '*' || f.hubId === portal?.hubId)
      && (!f.spec.method || f.spec.method.toUpperCase() === req.method) && f.pattern.test(path)
      && (f.spec.inputId === undefined || hasInput(req.body, f.spec.inputId)));
    const fault = list[index];
    if (!fault) return next();
    fault.remaining -= 1;
    if (fault.remaining <= 0) list.splice(index, 1);
    const spec = fault.spec;
    switch (spec.kind) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'lose_answer':
        res.end = (() => { req.socket.destroy(); return res; }) as typeof res.end;
        return next();
      case 'delay': {
        const timer = setTimeout(next, spec.ms);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'status':
        if (spec.status === 429) return void res.status(429).json(rateLimitBody(spec.policyName ?? 'TEN_SECONDLY_ROLLING'));
        if (spec.status === 423) return void res.status(423).json(lockedBody());
        if (spec.status === 400) {
          return void res.status(400).json({ status: 'error', message: 'Injected sandbox fault: the request is not valid.', correlationId: randomUUID(), category: 'VALIDATION_ERROR' });
        }
        return void res.status(spec.status).json({
          status: 'error', message: 'Injected sandbox fault: the server had an internal problem.',
          correlationId: randomUUID(), category: spec.status === 500 ? 'INTERNAL_ERROR' : 'SERVICE_UNAVAILABLE',
        });
    }
  };
}
