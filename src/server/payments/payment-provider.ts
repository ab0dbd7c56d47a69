import type { Money } from '../../domain/money';

/** A payment-provider checkout as the debtor page needs it; the Mollie adapter is the one implementation. */
export const PROVIDER_STATUSES = ['open', 'pending', 'authorized', 'paid', 'failed', 'canceled', 'expired'] as const;
export type ProviderStatus = (typeof PROVIDER_STATUSES)[number];

export interface ProviderPayment {
  readonly id: string;
  readonly status: ProviderStatus;
  readonly amount: Money;
  readonly paidAt?: string;
  readonly method?: string;
}

export interface PaymentProvider {
  readonly name: 'mollie';
  createCheckout(input: {
    amount: Money;
    description: string;
    redirectUrl: string;
    webhookUrl: string;
    /** Retrying the same create (a lost answer) must not make a second payment. */
    idempotencyKey: string;
  }): Promise<{ id: string; checkoutUrl: string }>;
  /** The provider's own word on a payment: webhooks carry only an id, so this is how they are verified. */
  getPayment(id: string): Promise<ProviderPayment | undefined>;
}
