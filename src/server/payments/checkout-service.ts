import type { Redis } from 'ioredis';
import { bankedCreditOf, type PaidOnline } from '../../domain/cash-application/paid-online';
import { dateInZone } from '../../domain/dates';
import type { PayLine } from '../../domain/debtor-page/pay-selection';
import type { PaymentMethod } from '../../domain/ledger';
import type { Logger } from '../infra/logger';
import type { LedgerStore } from '../ledger/ledger-store';
import type { BankCreditStore } from './bank-credit-store';
import type { PaidOnlineStore } from './paid-online-store';
import type { PaymentProvider, ProviderStatus } from './payment-provider';

/** What we asked the provider for, kept per portal: the webhook carries only the provider's id. */
interface CheckoutRecord {
  readonly companyId: string;
  readonly lines: readonly { readonly invoiceExternalId: string; readonly minor: number; readonly number?: string }[];
  readonly currency: string;
  readonly createdAt: string;
  readonly status: ProviderStatus;
  /** The bank credit that brought this payment's money before the provider's webhook did (never counted twice). */
  readonly bankedBy?: string;
}

export type CheckoutOutcome = 'recorded' | 'banked_already' | 'not_paid' | 'unknown' | 'amount_mismatch';

const PROVIDER_ID = /^tr_[A-Za-z0-9]{1,40}$/;
export const isProviderPaymentId = (id: string): boolean => PROVIDER_ID.test(id);

const methodOf = (m: string | undefined): PaymentMethod => (m === 'creditcard' ? 'card' : m === 'banktransfer' ? 'bank_transfer' : 'other');

/**
 * Online payments of the debtor page: a checkout at the provider for the chosen invoices, and the provider's
 * webhook turning a paid payment into ledger payments at once — one per invoice, keyed by the provider's
 * payment id, so a repeated webhook, the payer's return and a retry all write the same records once. The
 * ledger write feeds the continuous sync, which zeroes the rollups and closes the tasks.
 */
export function createCheckoutService(deps: {
  provider: PaymentProvider; ledger: LedgerStore; redis: Redis; prefix: string; publicBaseUrl: string;
  now: () => Date; timeZoneOf: (portalId: string) => Promise<string>; log: Logger;
  /** Remembers paid provider payments, so a bank statement of the same money later is not counted again. */
  paidOnline?: Pick<PaidOnlineStore, 'record'>;
  /** Bank credits imported before the webhook came: the same money, recognised by the domain's one rule. */
  bankCredits?: Pick<BankCreditStore, 'recent' | 'claim'>;
  /** Takes a credit off the unapplied list once its provider payment put the money on the invoices. */
  takeUnapplied?: (portalId: string, id: string) => Promise<unknown>;
}) {
  const key = (portalId: string, id: string) => `${deps.prefix}:p:${portalId}:dp:pay:${id}`;
  const read = async (portalId: string, id: string): Promise<CheckoutRecord | undefined> => {
    const raw = await deps.redis.get(key(portalId, id));
    return raw ? (JSON.parse(raw) as CheckoutRecord) : undefined;
  };

  /** The payment as the bank import looks for it: amount, and the invoices' numbers and references. */
  const paidOnline = async (portalId: string, id: string, record: CheckoutRecord, total: number): Promise<PaidOnline> => {
    const ledger = await deps.ledger.getCustomerLedger(portalId, record.companyId);
    const byId = new Map((ledger?.invoices ?? []).map((i) => [i.externalId, i]));
    return {
      providerPaymentId: id, companyId: record.companyId, amount: { minor: total, currency: record.currency },
      invoices: record.lines.map((l) => {
        const invoice = byId.get(l.invoiceExternalId);
        return { number: invoice?.number ?? l.number ?? l.invoiceExternalId, ...(invoice?.paymentReference ? { paymentReference: invoice.paymentReference } : {}) };
      }),
    };
  };

  return {
    async start(input: { portalId: string; companyId: string; token: string; lines: readonly PayLine[]; description: string }): Promise<{ id: string; checkoutUrl: string }> {
      const total = input.lines.reduce((s, l) => s + l.amount.minor, 0);
      const currency = input.lines[0]!.amount.currency;
      const created = await deps.provider.createCheckout({
        amount: { minor: total, currency },
        description: input.description,
        redirectUrl: `${deps.publicBaseUrl}/my/${input.token}/paid`,
        webhookUrl: `${deps.publicBaseUrl}/payments/mollie/webhook?portal=${input.portalId}`,
        idempotencyKey: `${input.portalId}-${input.companyId}-${deps.now().getTime()}`,
      });
      const record: CheckoutRecord = {
        companyId: input.companyId, currency, createdAt: deps.now().toISOString(), status: 'open',
        lines: input.lines.map((l) => ({ invoiceExternalId: l.invoiceExternalId, minor: l.amount.minor, number: l.number })),
      };
      await deps.redis.set(key(input.portalId, created.id), JSON.stringify(record), 'EX', 90 * 86_400);
      // The payer's return to the page names the payment: the latest checkout of this link.
      await deps.redis.set(`${deps.prefix}:p:${input.portalId}:dp:last:${input.companyId}`, created.id, 'EX', 86_400);
      return created;
    },

    /** The customer's latest checkout id (for the return page). */
    async latest(portalId: string, companyId: string): Promise<string | undefined> {
      return (await deps.redis.get(`${deps.prefix}:p:${portalId}:dp:last:${companyId}`)) ?? undefined;
    },

    /**
     * A webhook (or the payer's return) says payment `id` changed: ask the provider, and if it is paid, the
     * ledger gets the payments. Unknown ids — another portal's, made up — change nothing.
     */
    async settle(portalId: string, id: string): Promise<{ outcome: CheckoutOutcome; status?: ProviderStatus; companyId?: string }> {
      const record = await read(portalId, id);
      if (!record) return { outcome: 'unknown' };
      const payment = await deps.provider.getPayment(id);
      if (!payment) return { outcome: 'unknown' };
      const total = record.lines.reduce((s, l) => s + l.minor, 0);
      if (payment.amount.minor !== total || payment.amount.currency !== record.currency) {
        deps.log.warn({ portalId, payment: id }, 'provider payment amount differs from the checkout; not recorded');
        return { outcome: 'amount_mismatch', status: payment.status, companyId: record.companyId };
      }
      if (record.status !== payment.status) await deps.redis.set(key(portalId, id), JSON.stringify({ ...record, status: payment.status }), 'KEEPTTL');
      if (payment.status !== 'paid') return { outcome: 'not_paid', status: payment.status, companyId: record.companyId };
      if (record.bankedBy) return { outcome: 'banked_already', status: 'paid', companyId: record.companyId };
      const paid = await paidOnline(portalId, id, record, total);
      // A statement can come before the webhook (a late webhook, a payout naming the payment): the same money.
      const banked = deps.bankCredits ? bankedCreditOf(paid, await deps.bankCredits.recent(portalId)) : undefined;
      if (!banked?.applied) {
        const date = dateInZone(payment.paidAt ?? deps.now().toISOString(), await deps.timeZoneOf(portalId));
        await deps.ledger.upsertPayments(portalId, record.lines.map((l) => ({
          externalId: `mollie-${id}-${l.invoiceExternalId}`, companyId: record.companyId, invoiceExternalId: l.invoiceExternalId,
          amount: { minor: l.minor, currency: record.currency }, date, method: methodOf(payment.method),
        })));
      }
      if (banked) {
        // Claimed first, then remembered on the checkout: a repeated webhook (even after the credit is pruned) writes nothing.
        await deps.bankCredits!.claim(portalId, banked.creditKey, id);
        if (!banked.applied) await deps.takeUnapplied?.(portalId, banked.creditKey);
        await deps.redis.set(key(portalId, id), JSON.stringify({ ...record, status: payment.status, bankedBy: banked.creditKey }), 'KEEPTTL');
      }
      await deps.paidOnline?.record(portalId, banked ? { ...paid, bankedBy: banked.creditKey } : paid);
      return { outcome: banked?.applied ? 'banked_already' : 'recorded', status: 'paid', companyId: record.companyId };
    },
  };
}
export type CheckoutService = ReturnType<typeof createCheckoutService>;
