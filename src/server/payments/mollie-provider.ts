import http from 'node:http';
import https from 'node:https';
import { createMollieClient, MollieApiError, type MollieOptions, type Payment } from '@mollie/api-client';
import { currencyExponent, type Money } from '../../domain/money';
import type { PaymentProvider, ProviderPayment } from './payment-provider';
import { PROVIDER_STATUSES } from './payment-provider';

/** Mollie's decimal string (`"12.30"`) from integer minor units, and back. */
export const mollieValue = (m: Money): string => {
  const e = currencyExponent(m.currency);
  return e === 0 ? String(m.minor) : `${Math.floor(m.minor / 10 ** e)}.${String(m.minor % 10 ** e).padStart(e, '0')}`;
};
export const fromMollieValue = (value: string, currency: string): Money => {
  const e = currencyExponent(currency);
  const [whole, frac = ''] = value.split('.');
  return { minor: Number(whole) * 10 ** e + Number((frac + '0'.repeat(e)).slice(0, e) || '0'), currency };
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The client hard-wires an https.Agent (with Mozilla's roots) into every request, which cannot speak to a plain-http
 * endpoint. The local stand-in is plain http on loopback, so for exactly that case the client is built while
 * `https.Agent` names http's agent — synchronously, restored at once; everything else about the client is unchanged.
 * Any other http endpoint is refused: real Mollie is https only.
 */
function mollieClient(options: MollieOptions) {
  const endpoint = options.apiEndpoint ? new URL(options.apiEndpoint) : undefined;
  if (endpoint?.protocol !== 'http:') return createMollieClient(options);
  if (!LOOPBACK.has(endpoint.hostname)) throw new RangeError('a plain-http Mollie endpoint is only allowed on loopback (the local stand-in)');
  const original = https.Agent;
  (https as { Agent: unknown }).Agent = http.Agent;
  try {
    return createMollieClient(options);
  } finally {
    (https as { Agent: unknown }).Agent = original;
  }
}

/**
 * The Mollie adapter over the official client. `apiEndpoint` points it at the local stand-in on the embedded
 * default; in production it is Mollie's own (the client's default).
 */
export function createMollieProvider(o: { apiKey: string; apiEndpoint?: string }): PaymentProvider {
  const client = mollieClient({ apiKey: o.apiKey, ...(o.apiEndpoint ? { apiEndpoint: o.apiEndpoint } : {}) });
  const toProvider = (p: Payment): ProviderPayment => ({
    id: p.id,
    status: (PROVIDER_STATUSES as readonly string[]).includes(p.status) ? (p.status as ProviderPayment['status']) : 'open',
    amount: fromMollieValue(p.amount.value, p.amount.currency),
    ...(p.paidAt ? { paidAt: p.paidAt } : {}),
    ...(p.method ? { method: String(p.method) } : {}),
  });
  return {
    name: 'mollie',
    async createCheckout(input) {
      const p = await client.payments.create({
        amount: { currency: input.amount.currency, value: mollieValue(input.amount) },
        description: input.description, redirectUrl: input.redirectUrl, webhookUrl: input.webhookUrl,
        idempotencyKey: input.idempotencyKey,
      });
      const checkoutUrl = p.getCheckoutUrl();
      if (!checkoutUrl) throw new Error('Mollie answered a payment without a checkout URL');
      return { id: p.id, checkoutUrl };
    },
    async getPayment(id) {
      try {
        return toProvider(await client.payments.get(id));
      } catch (e) {
        if (e instanceof MollieApiError && e.statusCode === 404) return undefined;
        throw e;
      }
    },
  };
}
