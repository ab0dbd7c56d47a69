import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Portal, SandboxState } from './state';
import { clearFaults, FaultSpecSchema, injectFault, listFaults } from './faults';
import { dumpState, requestCounts } from './inspect';
import { oauthStore } from './oauth-store';
import { startWebhookDelivery, type WebhookDelivery } from './webhooks';
import { generateDemoData, generateDemoInvoicesCsv, loadDemoPortal } from './demo';

const Settings = z.object({
  rateLimitTier: z.enum(['off', 'marketplace', 'private-starter', 'private-pro', 'private-addon']),
  searchPerSecond: z.number().int().min(1).max(1000),
  lockOnWriteBurst: z.boolean(),
  timeZone: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  additionalCurrencies: z.array(z.string().regex(/^[A-Z]{3}$/)),
}).partial().strict();
const NewPortal = z.object({ hubId: z.number().int().positive().optional(), settings: Settings.optional(), demoSeed: z.number().int().optional() }).strict();
const NewToken = z.object({ expiresInSeconds: z.number().int().positive().optional(), scopes: z.array(z.string()).optional() }).strict();
const DemoRequest = z.object({ seed: z.number().int().default(42), companies: z.number().int().min(5).max(1000).optional() }).strict();
const NewFault = z.object({ hubId: z.union([z.number().int().positive(), z.literal('*')]).default('*') }).passthrough();
const NewApp = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(8), redirectUri: z.string().url(), appId: z.number().int().positive().optional() }).strict();
const NewCode = z.object({ clientId: z.string().min(1), hubId: z.number().int().positive(), scopes: z.array(z.string()).optional() }).strict();
const WebhookConfig = z.object({
  targetUrl: z.string().url(), clientSecret: z.string().min(1), appId: z.number().int().positive(),
  subscriptions: z.array(z.object({ subscriptionType: z.string(), objectTypeId: z.string().optional(), propertyName: z.string().optional(), active: z.boolean().optional() }).strict()).optional(),
  retryScheduleMs: z.array(z.number().int().min(0)).max(10).optional(), jitter: z.number().min(0).max(1).optional(),
  timeoutMs: z.number().int().positive().optional(), maxBatch: z.number().int().min(1).max(100).optional(), flushIntervalMs: z.number().int().positive().optional(),
}).strict();
const PrivacyDeletion = z.object({ hubId: z.number().int().positive(), contactId: z.string().regex(/^\d+$/) }).strict();

const deliveries = new WeakMap<SandboxState, WebhookDelivery>();

class AdminError extends Error {
  constructor(readonly httpStatus: number, message: string) { super(message); }
}

/** Test and demo controls, mounted at /_sandbox without bearer auth. Never part of HubSpot's API surface. */
export function adminRouter(state: SandboxState): Router {
  const router = Router();
  const portalOf = (req: Request): Portal => {
    const portal = state.portals.get(Number(req.params.hubId));
    if (!portal) throw new AdminError(404, `no portal ${String(req.params.hubId)}`);
    return portal;
  };

  router.get('/portals', (_req, res) => {
    res.json({ results: [...state.portals.values()].map((p) => ({ hubId: p.hubId, settings: p.settings })) });
  });
  router.post('/portals', handle((req, res) => {
    const body = NewPortal.parse(req.body ?? {});
    const portal = state.createPortal({ hubId: body.hubId, settings: body.settings });
    const demo = body.demoSeed === undefined ? undefined : loadDemoPortal(portal, generateDemoData(body.demoSeed));
    res.status(201).json({ hubId: portal.hubId, settings: portal.settings, accessToken: state.issueAccessToken(portal.hubId), demo });
  }));
  router.patch('/portals/:hubId/settings', handle((req, res) => {
    const portal = portalOf(req);
    portal.settings = { ...portal.settings, ...Settings.parse(req.body ?? {}) };
    res.json({ hubId: portal.hubId, settings: portal.settings });
  }));
  router.get('/portals/:hubId/requests', handle((req, res) => { res.json(requestCounts(portalOf(req))); }));
  router.get('/portals/:hubId/state', handle((req, res) => { res.json(dumpState(portalOf(req))); }));
  router.post('/portals/:hubId/tokens', handle((req, res) => {
    const portal = portalOf(req);
    const body = NewToken.parse(req.body ?? {});
    res.status(201).json({ accessToken: state.issueAccessToken(portal.hubId, body), hubId: portal.hubId });
  }));
  router.post('/portals/:hubId/demo', handle((req, res) => {
    const body = DemoRequest.parse(req.body ?? {});
    res.status(201).json(loadDemoPortal(portalOf(req), generateDemoData(body.seed, { companies: body.companies })));
  }));
  router.get('/demo/invoices.csv', handle((req, res) => {
    const q = z.object({ seed: z.coerce.number().int().default(42), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).parse(req.query);
    const csv = generateDemoInvoicesCsv(generateDemoData(q.seed), { asOf: q.asOf, seed: q.seed });
    res.type('text/csv; charset=utf-8').send(csv);
  }));

  router.get('/faults', (_req, res) => {
    res.json({ results: listFaults(state).map((f) => ({ id: f.id, hubId: f.hubId, remaining: f.remaining, ...f.spec })) });
  });
  router.post('/faults', handle((req, res) => {
    const { hubId, ...spec } = NewFault.parse(req.body ?? {});
    const fault = injectFault(state, hubId, FaultSpecSchema.parse(spec));
    res.status(201).json({ id: fault.id, hubId: fault.hubId, remaining: fault.remaining, ...fault.spec });
  }));
  router.delete('/faults', (_req, res) => { clearFaults(state); res.status(204).end(); });

  router.post('/webhooks', handle((req, res) => {
    const config = WebhookConfig.parse(req.body ?? {});
    deliveries.get(state)?.stop();
    const delivery = startWebhookDelivery(state, config);
    deliveries.set(state, delivery);
    res.status(201).json(describeDelivery(delivery));
  }));
  router.get('/webhooks', (_req, res) => {
    const delivery = deliveries.get(state);
    res.json(delivery ? describeDelivery(delivery) : { configured: false });
  });
  router.delete('/webhooks', (_req, res) => {
    deliveries.get(state)?.stop();
    deliveries.delete(state);
    res.status(204).end();
  });
  router.post('/webhooks/flush', handle(async (_req, res) => {
    const delivery = deliveries.get(state);
    if (!delivery) throw new AdminError(409, 'webhooks are not configured');
    // Waiting for retries could take a day with HubSpot's schedule; the admin flush only sends.
    await delivery.flush({ waitForRetries: false });
    res.json(describeDelivery(delivery));
  }));
  router.post('/webhooks/privacy-deletion', handle((req, res) => {
    const body = PrivacyDeletion.parse(req.body ?? {});
    const delivery = deliveries.get(state);
    if (!delivery) throw new AdminError(409, 'webhooks are not configured');
    delivery.enqueuePrivacyDeletion(body.hubId, body.contactId);
    res.status(202).json({ queued: true });
  }));

  router.post('/oauth/apps', handle((req, res) => {
    const app = oauthStore(state).registerApp(NewApp.parse(req.body ?? {}));
    res.status(201).json({ appId: app.appId, clientId: app.clientId, redirectUri: app.redirectUri });
  }));
  router.post('/oauth/codes', handle((req, res) => {
    const body = NewCode.parse(req.body ?? {});
    res.status(201).json({ code: oauthStore(state).createAuthorizationCode(body) });
  }));
  return router;
}

function describeDelivery(d: WebhookDelivery): Record<string, unknown> {
  // The client secret is deliberately absent: admin answers end up in logs.
  return { configured: true, ...d.options, attempts: d.deliveries.length, delivered: d.deliveries.filter((a) => a.ok).length, exhausted: d.exhausted.length };
}

function handle(fn: (req: Request, res: Response) => void | Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await fn(req, res);
    } catch (err) {
      if (err instanceof z.ZodError) {
        res.status(400).json({ status: 'error', category: 'VALIDATION_ERROR', message: err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
      } else if (err instanceof AdminError) {
        res.status(err.httpStatus).json({ status: 'error', category: 'ADMIN_ERROR', message: err.message });
      } else {
        res.status(400).json({ status: 'error', category: 'VALIDATION_ERROR', message: (err as Error).message });
      }
    }
  };
}
