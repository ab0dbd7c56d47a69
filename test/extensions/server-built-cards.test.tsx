import { Alert, DescriptionListItem, StatisticsItem, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaymentStatusVM, ReceivablesVM } from '../../src/contracts/cards';
import { addDays } from '../../src/domain/dates';
import type { CustomerLedger } from '../../src/domain/ledger';
import { money } from '../../src/domain/money';
import { DEFAULT_POLICY } from '../../src/domain/policy/policy';
import { createI18n } from '../../src/extensions/i18n';
import { reasonText } from '../../src/extensions/i18n/describe';
import { en } from '../../src/extensions/i18n/en';
import { nl } from '../../src/extensions/i18n/nl';
import { RecordPaymentStatusView } from '../../src/extensions/views/RecordPaymentStatusView';
import { ReceivablesView } from '../../src/extensions/views/ReceivablesView';
import { ladderFor } from '../../src/server/cards/ladder-vm';
import { buildPaymentStatusVM } from '../../src/server/cards/payment-status-vm';
import { buildReceivablesVM } from '../../src/server/cards/receivables-vm';
import { aDispute, aLedger, anArrangement, anInvoice, aProfile, aPromise } from '../domain/builders';
import { jsonResponse, textOf, withPatientWaitFor } from './fixtures';

/**
 * The cards rendering view models that the SERVER's own code built from ledgers (not hand-written fixtures),
 * sent through JSON as the card API sends them, in English and Dutch. A reason or advice whose fields the card
 * reads wrongly, a date it cannot format or a text missing in one language fails here.
 */

afterEach(() => vi.restoreAllMocks());

const ASOF = '2026-11-23';
const NOW = new Date('2026-11-23T10:00:00Z');
const calendar = { timeZone: 'Europe/Amsterdam', holidays: new Set<string>() };

const ledgers: Record<string, CustomerLedger> = {
  'an overdue customer with an open promise': aLedger({
    invoices: [
      anInvoice({ externalId: 'a', number: 'F-1', issueDate: addDays(ASOF, -60), dueDate: addDays(ASOF, -30), amount: money(120_000, 'EUR') }),
      anInvoice({ externalId: 'b', number: 'F-2', issueDate: addDays(ASOF, -40), dueDate: addDays(ASOF, -10), amount: money(30_000, 'EUR') }),
    ],
    promises: [aPromise({ id: 'p1', invoiceExternalIds: ['a'], madeOn: addDays(ASOF, -3), promisedDate: addDays(ASOF, 4), amount: money(120_000, 'EUR') })],
  }),
  'a key customer who broke a promise, disputes one invoice and is paying another in instalments': aLedger({
    invoices: [
      anInvoice({ externalId: 'a', number: 'F-1', issueDate: addDays(ASOF, -120), dueDate: addDays(ASOF, -90), amount: money(500_000, 'EUR') }),
      anInvoice({ externalId: 'b', number: 'F-2', issueDate: addDays(ASOF, -50), dueDate: addDays(ASOF, -20), amount: money(80_000, 'EUR') }),
      anInvoice({ externalId: 'c', number: 'F-3', issueDate: addDays(ASOF, -45), dueDate: addDays(ASOF, -15), amount: money(60_000, 'EUR') }),
      anInvoice({ externalId: 'd', number: 'F-4', issueDate: addDays(ASOF, -35), dueDate: addDays(ASOF, -5), amount: money(7_500, 'USD'), directDebit: true }),
    ],
    promises: [aPromise({ id: 'p-old', invoiceExternalIds: ['a'], madeOn: addDays(ASOF, -30), promisedDate: addDays(ASOF, -20), amount: money(500_000, 'EUR') })],
    disputes: [aDispute({ id: 'd1', invoiceExternalId: 'b', openedOn: addDays(ASOF, -7) })],
    arrangements: [anArrangement({ id: 'arr', invoiceExternalIds: ['c'], agreedOn: addDays(ASOF, -2), instalments: [{ dueDate: addDays(ASOF, 20), amount: money(60_000, 'EUR') }] })],
    failedCollections: [{ id: 'fc1', companyId: 'c1', invoiceExternalId: 'd', date: addDays(ASOF, -3), reason: 'insufficient_funds' }],
    profile: aProfile({ relationshipTier: 'key' }),
  }),
  'a customer with one invoice at the collection agency and one paid by betalingskenmerk': aLedger({
    invoices: [
      anInvoice({ externalId: 'a', number: 'F-1', issueDate: addDays(ASOF, -90), dueDate: addDays(ASOF, -60), amount: money(90_000, 'EUR'), status: 'in_collection' }),
      anInvoice({ externalId: 'b', number: 'F-2', issueDate: addDays(ASOF, -40), dueDate: addDays(ASOF, -10), amount: money(20_000, 'EUR'), paymentReference: '5000056789012345' }),
    ],
  }),
  'a consumer paying on time': aLedger({
    invoices: [anInvoice({ externalId: 'a', number: 'F-1', issueDate: addDays(ASOF, -5), dueDate: addDays(ASOF, 9), amount: money(4_995, 'EUR') })],
    profile: aProfile({ customerType: 'consumer' }),
  }),
};

/** What the card API answers: the server's view model as JSON text. */
const overTheWire = (vm: unknown) => jsonResponse(JSON.parse(JSON.stringify(vm)));

function receivablesFor(ledger: CustomerLedger): ReceivablesVM {
  const ladder = ladderFor(ledger, { now: NOW, calendar, policy: DEFAULT_POLICY });
  return ReceivablesVM.parse(buildReceivablesVM({ companyId: '4242', ledger, asOf: ASOF, calendar, policy: DEFAULT_POLICY, query: { page: 1, pageSize: 25, sort: '-daysOverdue' }, ladder }));
}

const paymentStatusFor = (ledger: CustomerLedger): PaymentStatusVM =>
  PaymentStatusVM.parse(buildPaymentStatusVM({ companyId: '4242', ledger, asOf: ASOF, calendar, policy: DEFAULT_POLICY }));

function setup(location: 'crm.record.tab' | 'crm.record.sidebar', language: 'en' | 'nl') {
  const renderer = withPatientWaitFor(createRenderer(location));
  renderer.mocks.context.portal.id = 777;
  renderer.mocks.context.portal.timezone = 'Europe/Amsterdam';
  renderer.mocks.context.crm.objectId = 4242;
  renderer.mocks.context.crm.objectTypeId = '0-2';
  renderer.mocks.context.user.language = language;
  renderer.mocks.context.user.locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  return renderer;
}

/** Texts a card shows when it formats a bad value or falls back to a raw code. */
function expectNoBrokenText(text: string) {
  expect(text).not.toMatch(/Invalid|NaN|undefined|null|\[object/);
  // A step, pause or reason the messages lack is shown as its raw id (with underscores or spaces for them).
  expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  for (const id of [...DEFAULT_POLICY.steps.map((s) => s.id), 'failed_direct_debit']) expect(text).not.toContain(id.replace(/_/g, ' '));
}

const cases = Object.keys(ledgers).flatMap((name) => (['en', 'nl'] as const).map((language) => ({ name, language })));

describe('cards on view models the server built', () => {
  it.each(cases)('Receivables tab for $name, in $language: every reason has its text, every date is a date', async ({ name, language }) => {
    const vm = receivablesFor(ledgers[name]!);
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => overTheWire(vm));
    const r = setup('crm.record.tab', language);
    r.render(<ReceivablesView />);
    const t = language === 'nl' ? nl : en;
    if (vm.empty) {
      await r.waitFor(() => expect(textOf(r.getRootNode())).toContain(t.emptyTitle));
      return;
    }
    await r.waitFor(() => expect(r.findAll(StatisticsItem).length).toBeGreaterThan(0));
    const text = textOf(r.getRootNode());
    expectNoBrokenText(text);
    // Every reason the server gave is worded (only a regular relationship has nothing to say).
    const i18n = createI18n({ language, locale: language === 'nl' ? 'nl-NL' : 'en-GB' }, 'Europe/Amsterdam');
    for (const reason of vm.risk.reasons) {
      if (reason.code === 'relationship_value' && reason.params.tier === 'regular') continue;
      const line = reasonText(i18n, reason);
      expect(line, reason.code).toBeDefined();
      expect(text).toContain(line);
    }
    if (name.includes('collection agency')) {
      expect(text).toContain(t.tag_in_collection);
      expect(text).toContain(t.paymentReference('5000 0567 8901 2345'));
      expect(text).toContain(t.pause_in_collection);
    }
    if (name.includes('open promise')) {
      expect(vm.risk.reasons.map((x) => x.code)).toContain('promise_not_due');
      const promised = language === 'nl' ? '27 nov 2026' : '27 Nov 2026';
      expect(text).toContain(promised);
    }
  });

  it.each(cases)('Payment status for $name, in $language: the advice is one sentence with real dates', async ({ name, language }) => {
    const vm = paymentStatusFor(ledgers[name]!);
    vi.spyOn(hubspot, 'fetch').mockImplementation(async () => overTheWire(vm));
    const r = setup('crm.record.sidebar', language);
    r.render(<RecordPaymentStatusView />);
    await r.waitFor(() => expect(r.find(Alert).props.title.length).toBeGreaterThan(10));
    expectNoBrokenText(textOf(r.getRootNode()));
    expectNoBrokenText(r.find(Alert).props.title);
  });
});

describe('interest and collection costs on the cards', () => {
  const business = ledgers['an overdue customer with an open promise']!;
  const consumer = aLedger({
    invoices: [anInvoice({ externalId: 'a', number: 'F-1', issueDate: addDays(ASOF, -60), dueDate: addDays(ASOF, -30), amount: money(120_000, 'EUR') })],
    profile: aProfile({ customerType: 'consumer' }),
  });
  const both = (['en', 'nl'] as const).flatMap((language) => [
    // €1,200 for 30 days and €300 for 10 days overdue for a business: 15% of €1,500 under the WIK scale is
    // €225, above 2 × €40; interest at the commercial rate is about €10.84.
    { who: 'a business', ledger: business, language, interest: language === 'nl' ? nl.chargesInterest_commercial : en.chargesInterest_commercial, costs: language === 'nl' ? '€ 225,00' : '€225.00', notYet: false },
    // A consumer owes the scale (15% of €1,200 = €180) only after the 14-day letter's term; none went out.
    // Interest at the consumer rate (4%) for 30 days is about €3.95.
    { who: 'a consumer without a 14-day letter', ledger: consumer, language, interest: language === 'nl' ? nl.chargesInterest_consumer : en.chargesInterest_consumer, costs: language === 'nl' ? '€ 180,00' : '€180.00', notYet: true },
  ]);

  it.each(both)('when $who is overdue, then both cards show the interest to date and the costs, in $language', async ({ ledger, language, interest, costs, notYet }) => {
    const t = language === 'nl' ? nl : en;
    const receivables = receivablesFor(ledger);
    const status = paymentStatusFor(ledger);
    expect(receivables.charges).toEqual(status.charges);
    expect(receivables.charges.interest).toEqual([{ minor: notYet ? 395 : 1_084, currency: 'EUR' }]);
    const i18n = createI18n({ language, locale: language === 'nl' ? 'nl-NL' : 'en-GB' }, 'Europe/Amsterdam');
    const interestText = i18n.moneyList(receivables.charges.interest);

    for (const [location, view, vm] of [['crm.record.tab', <ReceivablesView />, receivables], ['crm.record.sidebar', <RecordPaymentStatusView />, status]] as const) {
      vi.spyOn(hubspot, 'fetch').mockImplementation(async () => overTheWire(vm));
      const r = setup(location, language);
      r.render(view);
      await r.waitFor(() => expect(textOf(r.getRootNode())).toContain(t.chargesTitle));
      const text = textOf(r.getRootNode()).replace(/\u00a0/g, ' ');
      expectNoBrokenText(text);
      const labels = r.findAll(DescriptionListItem).map((item) => item.props.label);
      expect(labels).toEqual(expect.arrayContaining([interest, t.chargesCosts]));
      expect(text).toContain(interestText.replace(/\u00a0/g, ' '));
      expect(text).toContain(notYet ? t.chargesCostsNotYet(costs) : costs);
      vi.restoreAllMocks();
    }
  });

  it.each(['en', 'nl'] as const)('when the creditor adds VAT to collection costs, then both cards state the costs with the VAT, in %s', async (language) => {
    const t = language === 'nl' ? nl : en;
    const costs = { vatBasisPoints: 2_100 };
    const receivables = ReceivablesVM.parse(buildReceivablesVM({ companyId: '4242', ledger: business, asOf: ASOF, calendar, policy: DEFAULT_POLICY, costs, query: { page: 1, pageSize: 25, sort: '-daysOverdue' } }));
    const status = PaymentStatusVM.parse(buildPaymentStatusVM({ companyId: '4242', ledger: business, asOf: ASOF, calendar, policy: DEFAULT_POLICY, costs }));
    // €225 of the scale plus 21%: €272.25.
    expect(receivables.charges).toMatchObject({ collectionCosts: { minor: 27_225, currency: 'EUR' }, vatBasisPoints: 2_100 });
    expect(status.charges).toEqual(receivables.charges);
    for (const [location, view, vm] of [['crm.record.tab', <ReceivablesView />, receivables], ['crm.record.sidebar', <RecordPaymentStatusView />, status]] as const) {
      vi.spyOn(hubspot, 'fetch').mockImplementation(async () => overTheWire(vm));
      const r = setup(location, language);
      r.render(view);
      await r.waitFor(() => expect(textOf(r.getRootNode())).toContain(t.chargesTitle));
      expect(textOf(r.getRootNode()).replace(/\u00a0/g, ' ')).toContain(t.chargesInclVat(language === 'nl' ? '€ 272,25' : '€272.25', '21%'));
      vi.restoreAllMocks();
    }
  });

  it('when nothing is overdue, then the cards show no interest or costs', () => {
    const vm = receivablesFor(ledgers['a consumer paying on time']!);
    expect(vm.charges).toMatchObject({ principal: [], interest: [], collectionCosts: null, costsChargeable: false });
  });
});
