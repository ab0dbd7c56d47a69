import { Alert, Text, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaymentStatusVM } from '../../src/contracts/cards';
import { addDays } from '../../src/domain/dates';
import { money } from '../../src/domain/money';
import { DEFAULT_POLICY } from '../../src/domain/policy/policy';
import { plural } from '../../src/extensions/i18n/plural';
import { RecordPaymentStatusView } from '../../src/extensions/views/RecordPaymentStatusView';
import { buildPaymentStatusVM } from '../../src/server/cards/payment-status-vm';
import { aDispute, aLedger, anInvoice } from '../domain/builders';
import { jsonResponse, plain, textOf, withPatientWaitFor } from './fixtures';

/**
 * Counts in the cards take the form Intl.PluralRules gives them, in English and Dutch: the payment-status card,
 * on a view model the server built from a ledger, with one and with several disputed invoices and overdue days.
 */

afterEach(() => vi.restoreAllMocks());

const ASOF = '2026-11-23';
const calendar = { timeZone: 'Europe/Amsterdam', holidays: new Set<string>() };

/** `count` invoices of €100, all disputed, the oldest `days` overdue. */
function statusOf(count: number, days: number): PaymentStatusVM {
  const invoices = Array.from({ length: count }, (_, i) => anInvoice({
    externalId: `i${i}`, number: `F-${i + 1}`, issueDate: addDays(ASOF, -days - 30), dueDate: addDays(ASOF, -days + i), amount: money(10_000, 'EUR'),
  }));
  const ledger = aLedger({ invoices, disputes: invoices.map((inv) => aDispute({ id: `d-${inv.externalId}`, invoiceExternalId: inv.externalId, openedOn: addDays(ASOF, -1) })) });
  return PaymentStatusVM.parse(JSON.parse(JSON.stringify(buildPaymentStatusVM({ companyId: '4242', ledger, asOf: ASOF, calendar, policy: DEFAULT_POLICY }))));
}

async function render(vm: PaymentStatusVM, language: 'en' | 'nl') {
  vi.spyOn(hubspot, 'fetch').mockImplementation(async () => jsonResponse(vm));
  const r = withPatientWaitFor(createRenderer('crm.record.sidebar'));
  r.mocks.context.portal.id = 777;
  r.mocks.context.crm.objectId = 4242;
  r.mocks.context.crm.objectTypeId = '0-2';
  r.mocks.context.user.language = language;
  r.render(<RecordPaymentStatusView />);
  await r.waitFor(() => expect(r.find(Alert)).toBeTruthy());
  return { advice: plain(r.find(Alert).props.title ?? ''), oldest: textOf(r.findByTestId(Text, 'status-oldest')) };
}

describe('plurals in the cards', () => {
  it.each([
    { language: 'en', count: 1, days: 1, advice: '1 invoice disputed — ask finance before discussing payment.', oldest: '1 day' },
    { language: 'en', count: 2, days: 3, advice: '2 invoices disputed — ask finance before discussing payment.', oldest: '3 days' },
    { language: 'nl', count: 1, days: 1, advice: '1 factuur in geschil — overleg met finance voordat je over betaling begint.', oldest: '1 dag' },
    { language: 'nl', count: 2, days: 3, advice: '2 facturen in geschil — overleg met finance voordat je over betaling begint.', oldest: '3 dagen' },
  ] as const)('when $count disputed invoices, the oldest $days days late, then the $language card says "$advice"', async ({ language, count, days, advice, oldest }) => {
    const shown = await render(statusOf(count, days), language);
    expect(shown).toEqual({ advice, oldest });
  });

  it.each([
    ['en', 0, '0 days'], ['en', 1, '1 day'], ['en', 21, '21 days'], ['en', 1_000, '1,000 days'],
    ['nl', 0, '0 dagen'], ['nl', 1, '1 dag'], ['nl', 21, '21 dagen'], ['nl', 1_000, '1.000 dagen'],
  ] as const)('when the count is %s %i, then it reads "%s"', (lang, n, want) => {
    expect(plural(lang, n, lang === 'en' ? { one: '# day', other: '# days' } : { one: '# dag', other: '# dagen' })).toBe(want);
  });

  it('when the caller formatted the number for the user\'s locale, then that is the number shown', () => {
    expect(plural('en', 2, { one: '# company', other: '# companies' }, '2')).toBe('2 companies');
    expect(plural('nl', 1_500, { one: '# bedrijf', other: '# bedrijven' }, '1 500')).toBe('1 500 bedrijven');
  });
});
