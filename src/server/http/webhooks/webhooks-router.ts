import { Router } from 'express';
import type { ReceiveWebhookEvents } from '../../webhooks/webhook-receiver';
import { HubSpotWebhookBatch } from '../../webhooks/webhook-events';
import { parseJsonBody, verifyHubSpotSignature } from '../signature';

export interface WebhooksRouterDeps {
  /** The app's client secret: HubSpot signs webhook POSTs with it (v3). */
  readonly clientSecret: string;
  /** PUBLIC_BASE_URL: the signed URI is the targetUrl HubSpot called. */
  readonly publicBaseUrl: string;
  readonly receive: ReceiveWebhookEvents;
  /** 100 events are ~40 KB; the limit leaves room without inviting abuse. */
  readonly maxBodyBytes?: number;
  readonly now?: () => Date;
}

/**
 * POST /webhooks/hubspot (mount at /webhooks). Signature on the raw body first (401), then JSON (400) and zod
 * (400: more than 100 events or a malformed event), dedupe + enqueue, 204. HubSpot retries any 4xx/5xx, so
 * a 400 only goes to requests HubSpot would never send.
 */
export function createWebhooksRouter(deps: WebhooksRouterDeps): Router {
  const router = Router();
  router.post('/hubspot',
    ...verifyHubSpotSignature({
      clientSecret: deps.clientSecret, publicBaseUrl: deps.publicBaseUrl, maxBodyBytes: deps.maxBodyBytes ?? 256 * 1024,
      ...(deps.now ? { now: deps.now } : {}),
    }),
    async (req, res) => {
      const events = HubSpotWebhookBatch.parse(parseJsonBody(req));
      await deps.receive(events);
      res.status(204).end();
    });
  return router;
}
