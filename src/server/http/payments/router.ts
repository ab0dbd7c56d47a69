import type { ApiErrorBody } from '../../../contracts/api-error';
import express, { Router } from 'express';
import { z } from 'zod';
import { isProviderPaymentId, type CheckoutService } from '../../payments/checkout-service';

const WebhookQuery = z.object({ portal: z.string().regex(/^\d{1,20}$/) });
const WebhookBody = z.object({ id: z.string().refine(isProviderPaymentId) });

/**
 * Mollie's webhook (mounted at /payments/mollie): a form POST with only the payment id. It proves nothing by
 * itself, so the payment is fetched from Mollie with our key before anything is written; an id we did not create
 * for this portal changes nothing and gets the same 200 (Mollie retries anything else, and the answer must not tell
 * a prober which ids exist).
 */
export function createPaymentWebhooksRouter(deps: { checkout: CheckoutService }): Router {
  const router = Router();
  router.post('/webhook', express.urlencoded({ extended: false, limit: '2kb' }), async (req, res) => {
    const q = WebhookQuery.safeParse(req.query);
    const b = WebhookBody.safeParse(req.body ?? {});
    if (!q.success || !b.success) { res.status(400).json({ code: 'bad_request', message: 'Expected ?portal=<id> and a form field id=tr_….' } satisfies ApiErrorBody); return; }
    await deps.checkout.settle(q.data.portal, b.data.id);
    res.status(200).send('');
  });
  return router;
}
