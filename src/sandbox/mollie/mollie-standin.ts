import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';

/**
 * A local stand-in for Mollie's Payments API v2, for the embedded default and the tests: the real
 * `@mollie/api-client` talks to it through its `apiEndpoint`. It creates and reads payments as Mollie answers
 * them (HAL JSON with `_links.checkout`), serves a checkout page on which the payer makes the payment succeed,
 * fail, be cancelled or expire, and then calls the payment's `webhookUrl` the way Mollie does — a form POST
 * carrying only `id=tr_…` (the receiver must fetch the payment to learn its status), retried when the receiver
 * does not answer 2xx — before sending the payer back to `redirectUrl`.
 */

export type StandInStatus = 'open' | 'paid' | 'failed' | 'canceled' | 'expired';

interface StoredPayment {
  id: string;
  status: StandInStatus;
  amount: { currency: string; value: string };
  description: string;
  redirectUrl: string;
  webhookUrl?: string;
  metadata: unknown;
  method: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt?: string;
}

export interface MollieStandIn {
  readonly url: string;
  /** Mollie's apiEndpoint for the client: `<url>/v2/`. */
  readonly apiEndpoint: string;
  /** The test API key it accepts. */
  readonly apiKey: string;
  /** Webhook calls made so far (id and the receiver's status), for tests. */
  readonly webhookCalls: { id: string; status: number }[];
  /** Calls the webhook of a payment again (Mollie does so on every status change and on retries). */
  redeliver(id: string): Promise<number>;
  /** Holds status-change webhooks back (a late webhook, as after an outage on the receiver's side) until `release`. */
  holdWebhooks(): { release(): Promise<void> };
  close(): Promise<void>;
}

const problem = (res: Response, status: number, title: string, detail: string, field?: string) =>
  res.status(status).type('application/hal+json').json({ status, title, detail, ...(field ? { field } : {}), _links: { documentation: { href: 'https://docs.mollie.com/overview/handling-errors', type: 'text/html' } } });

export async function startMollieStandIn(opts: { port?: number; apiKey?: string; webhookRetryMs?: readonly number[] } = {}): Promise<MollieStandIn> {
  const apiKey = opts.apiKey ?? `test_${randomBytes(15).toString('base64url').replace(/[-_]/g, 'x').slice(0, 30)}`;
  const retries = opts.webhookRetryMs ?? [200, 1000, 3000];
  const payments = new Map<string, StoredPayment>();
  const webhookCalls: { id: string; status: number }[] = [];
  const app = express();
  let base = '';

  const view = (p: StoredPayment) => ({
    resource: 'payment', id: p.id, mode: 'test', status: p.status, amount: p.amount, description: p.description,
    method: p.method, metadata: p.metadata, createdAt: p.createdAt, expiresAt: p.expiresAt, ...(p.paidAt ? { paidAt: p.paidAt } : {}),
    redirectUrl: p.redirectUrl, webhookUrl: p.webhookUrl ?? null, profileId: 'pfl_standin', sequenceType: 'oneoff',
    isCancelable: p.status === 'open',
    _links: {
      self: { href: `${base}/v2/payments/${p.id}`, type: 'application/hal+json' },
      ...(p.status === 'open' ? { checkout: { href: `${base}/checkout/${p.id}`, type: 'text/html' } } : {}),
      dashboard: { href: `${base}/dashboard/${p.id}`, type: 'text/html' },
    },
  });

  const callWebhook = async (p: StoredPayment): Promise<number> => {
    if (!p.webhookUrl) return 0;
    const status = await fetch(p.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ id: p.id }).toString() })
      .then((r) => r.status, () => 0);
    webhookCalls.push({ id: p.id, status });
    return status;
  };
  let held: StoredPayment[] | undefined;
  const deliver = async (p: StoredPayment): Promise<void> => {
    if (held) { held.push(p); return; }
    for (let attempt = 0; ; attempt++) {
      const status = await callWebhook(p);
      if ((status >= 200 && status < 300) || attempt >= retries.length) return;
      await new Promise((r) => setTimeout(r, retries[attempt]));
    }
  };

  const api = express.Router();
  api.use((req, res, next) => {
    if (req.get('authorization') !== `Bearer ${apiKey}`) { problem(res, 401, 'Unauthorized Request', 'Missing authentication, or failed to authenticate'); return; }
    next();
  });
  api.use(express.json({ limit: '64kb' }));
  api.post('/payments', (req: Request, res: Response) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const amount = b.amount as { currency?: unknown; value?: unknown } | undefined;
    if (!amount || typeof amount.value !== 'string' || !/^\d+\.\d{2}$/.test(amount.value) || typeof amount.currency !== 'string') {
      problem(res, 422, 'Unprocessable Entity', 'The amount is invalid', 'amount'); return;
    }
    if (Number(amount.value) < 0.01) { problem(res, 422, 'Unprocessable Entity', 'The amount is lower than the minimum', 'amount'); return; }
    if (typeof b.description !== 'string' || b.description.length === 0) { problem(res, 422, 'Unprocessable Entity', 'The description is invalid', 'description'); return; }
    if (typeof b.redirectUrl !== 'string') { problem(res, 422, 'Unprocessable Entity', 'The redirect URL is invalid', 'redirectUrl'); return; }
    const now = new Date();
    const p: StoredPayment = {
      id: `tr_${randomBytes(8).toString('hex').slice(0, 10)}`, status: 'open', amount: { currency: amount.currency, value: amount.value },
      description: b.description, redirectUrl: b.redirectUrl, ...(typeof b.webhookUrl === 'string' ? { webhookUrl: b.webhookUrl } : {}),
      metadata: b.metadata ?? null, method: typeof b.method === 'string' ? b.method : null,
      createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 15 * 60_000).toISOString(),
    };
    payments.set(p.id, p);
    res.status(201).type('application/hal+json').json(view(p));
  });
  api.get('/payments/:id', (req, res) => {
    const p = payments.get(req.params.id);
    if (!p) { problem(res, 404, 'Not Found', 'No payment exists with token ' + req.params.id + '.'); return; }
    res.type('application/hal+json').json(view(p));
  });
  app.use('/v2', api);

  // The hosted checkout: what the payer sees after "pay online". No script; one form per outcome.
  app.get('/checkout/:id', (req, res) => {
    const p = payments.get(req.params.id);
    if (!p) { res.status(404).type('html').send('<!doctype html><html lang="en"><title>Unknown payment</title><h1>Unknown payment</h1></html>'); return; }
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const button = (outcome: string, label: string) => `<form method="post" action="/checkout/${p.id}"><input type="hidden" name="outcome" value="${outcome}"><button type="submit">${label}</button></form>`;
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mollie test checkout</title></head>
<body><main><h1>Test payment</h1><p>${esc(p.description)}</p><p>Amount: ${esc(p.amount.currency)} ${esc(p.amount.value)}</p><p>Status: ${p.status}</p>
${p.status === 'open' ? [button('paid', 'Paid'), button('failed', 'Failed'), button('canceled', 'Canceled'), button('expired', 'Expired')].join('\n') : ''}
</main></body></html>`);
  });
  app.post('/checkout/:id', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const p = payments.get(req.params.id);
    const outcome = (req.body as { outcome?: string } | undefined)?.outcome;
    if (!p || p.status !== 'open' || !['paid', 'failed', 'canceled', 'expired'].includes(outcome ?? '')) { res.status(409).type('text').send('not open'); return; }
    p.status = outcome as StandInStatus;
    if (p.status === 'paid') { p.paidAt = new Date().toISOString(); p.method = p.method ?? 'ideal'; }
    // Mollie calls the webhook on the status change; the payer comes back to the redirect URL meanwhile.
    await Promise.race([deliver(p), new Promise((r) => setTimeout(r, 5_000))]);
    res.redirect(303, p.redirectUrl);
  });

  const server = app.listen(opts.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => { server.once('listening', resolve); server.once('error', reject); });
  server.keepAliveTimeout = 5_000;
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base, apiEndpoint: `${base}/v2/`, apiKey, webhookCalls,
    async redeliver(id) { const p = payments.get(id); return p ? callWebhook(p) : 0; },
    holdWebhooks() {
      const queue: StoredPayment[] = [];
      held = queue;
      return { async release() { if (held === queue) held = undefined; for (const p of queue) await deliver(p); } };
    },
    close: () => new Promise<void>((resolve, reject) => { server.closeAllConnections(); server.close((e) => (e ? reject(e) : resolve())); }),
  };
}
