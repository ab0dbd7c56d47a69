import type { OutcomeInput } from '../../contracts/actions';
import type { IsoDate } from '../../domain/dates';
import type { CustomerLedger } from '../../domain/ledger';
import { coverableAmount, openBalances, openInvoices } from './open-balance';
import { fieldErrorCollector } from './validation-error';

/**
 * The rules a logged outcome must meet against this company's ledger and today's date. Only invoices of this
 * company (in this portal) can be named; another company's invoice gets the same answer as an unknown one,
 * so nothing about other customers leaks.
 */
export function validateOutcome(input: OutcomeInput, ledger: CustomerLedger, asOf: IsoDate): void {
  const errors = fieldErrorCollector();
  const open = new Map(openInvoices(ledger).map((i) => [i.externalId, i]));
  const known = new Set(ledger.invoices.map((i) => i.externalId));
  const currencies = new Set(openBalances(ledger).map((m) => m.currency));
  const checkInvoices = (field: string, ids: readonly string[]) => ids.forEach((id, i) => {
    if (!open.has(id)) errors.add(`${field}.${i}`, 'invoice_not_found', 'This invoice is not an open invoice of this company.');
  });

  const agreements = [input.promise && 'promise', input.dispute && 'dispute', input.arrangement && 'arrangement', input.deferral && 'deferral'].filter(Boolean);
  if (input.result !== 'reached') {
    for (const field of agreements) errors.add(field as string, 'agreement_needs_reached', 'Agreements can only be logged when the right person was reached.');
  }

  if (input.promise) {
    const p = input.promise;
    if (p.date < asOf) errors.add('promise.date', 'date_in_past', 'The promised payment date cannot be in the past.');
    checkInvoices('promise.invoiceExternalIds', p.invoiceExternalIds);
    if (!currencies.has(p.amount.currency)) errors.add('promise.amount', 'currency_not_open', 'Nothing is open in this currency.');
    else if (p.amount.minor > coverableAmount(ledger, p.invoiceExternalIds, p.amount.currency)) {
      errors.add('promise.amount', 'amount_above_open', 'The promised amount is more than the open balance.');
    }
  }

  if (input.dispute) {
    // A paid invoice can still be disputed (e.g. a wrong amount); it must be this company's, though.
    if (!known.has(input.dispute.invoiceExternalId)) errors.add('dispute.invoiceExternalId', 'invoice_not_found', 'This invoice is not an invoice of this company.');
  }

  if (input.arrangement) {
    const a = input.arrangement;
    checkInvoices('arrangement.invoiceExternalIds', a.invoiceExternalIds);
    const dates = a.instalments.map((x) => x.dueDate);
    if (dates[0] !== undefined && dates[0] < asOf) errors.add('arrangement.instalments.0.dueDate', 'date_in_past', 'The first instalment cannot be in the past.');
    if (dates.some((d, i) => i > 0 && d <= dates[i - 1]!)) errors.add('arrangement.instalments', 'instalments_not_in_order', 'Instalment dates must follow each other.');
    const currency = a.instalments[0]?.amount.currency ?? '';
    if (a.instalments.some((x) => x.amount.currency !== currency) || !currencies.has(currency)) {
      errors.add('arrangement.instalments', 'currency_not_open', 'All instalments must be in one currency that is open.');
    } else if (a.instalments.reduce((s, x) => s + x.amount.minor, 0) > coverableAmount(ledger, a.invoiceExternalIds, currency)) {
      errors.add('arrangement.instalments', 'amount_above_open', 'The instalments add up to more than the open balance.');
    }
  }

  if (input.deferral && input.deferral.until <= asOf) errors.add('deferral.until', 'date_in_past', 'A deferral must end after today.');
  errors.throwIfAny();
}
