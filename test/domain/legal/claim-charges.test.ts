import { describe, expect, it } from 'vitest';
import { claimCharges } from '../../../src/domain/legal/claim-charges';
import { collectionCostOptions } from '../../../src/domain/legal/collection-costs';
import { money } from '../../../src/domain/money';
import { aLedger, anInvoice, aProfile } from '../builders';

const invoice = (externalId: string, minor: number, dueDate: string, currency: 'EUR' | 'USD' = 'EUR') =>
  anInvoice({ externalId, issueDate: '2026-01-01', dueDate, amount: money(minor, currency), open: money(minor, currency) });
const ledger = (customerType: 'business' | 'consumer', invoices: ReturnType<typeof invoice>[], disputed: string[] = []) => aLedger({
  invoices, profile: aProfile({ customerType }),
  disputes: disputed.map((id) => ({ id: `d-${id}`, companyId: 'c1', invoiceExternalId: id, reason: 'quality', openedOn: '2026-03-01' })) as never,
});

describe('claimCharges: the interest and costs a final notice and the cards state', () => {
  it.each([
    // €10,000 due 1 Feb 2026 at 10.15% (2026 H1), 49 days to 22 Mar: 1,000,000 × 1015 × 49 / 3,650,000 = 13,626.0 → €136.26
    ['a business, one invoice of €10,000, 49 days late', 'business', [invoice('a', 1_000_000, '2026-02-01')], '2026-03-22', 'commercial', [money(13_626, 'EUR')], money(87_500, 'EUR'), true],
    // Three invoices of €100, a day late (3 cents each): the scale gives 15% of €300 = €45 → €40 minimum, but €40 per invoice is owed: €120.
    ['a business, three invoices of €100', 'business', [invoice('a', 10_000, '2026-03-01'), invoice('b', 10_000, '2026-03-01'), invoice('c', 10_000, '2026-03-01')], '2026-03-02', 'commercial', [money(9, 'EUR')], money(12_000, 'EUR'), true],
    // A consumer: wettelijke rente 4% in 2026 H1; costs on the scale, not yet chargeable.
    ['a consumer, €1,000 for 30 days', 'consumer', [invoice('a', 100_000, '2026-02-01')], '2026-03-03', 'consumer', [money(329, 'EUR')], money(15_000, 'EUR'), false],
  ] as const)('%s', (_name, type, invoices, asOf, kind, interest, costs, chargeable) => {
    const c = claimCharges({ ledger: ledger(type, [...invoices]), asOf });
    expect(c).toMatchObject({ kind, interest, collectionCosts: costs, costsChargeable: chargeable });
  });

  it('when the creditor adds VAT, then the costs carry 21%; when a consumer\'s letter term has passed, then they are chargeable', () => {
    const c = claimCharges({ ledger: ledger('consumer', [invoice('a', 100_000, '2026-02-01')]), asOf: '2026-03-03', costs: collectionCostOptions(true), consumerCostsChargeable: true });
    expect(c).toMatchObject({ collectionCosts: money(18_150, 'EUR'), costsChargeable: true });
  });

  it('when an invoice is disputed or not yet due, then it adds neither interest nor costs; another currency has interest but no WIK costs', () => {
    const c = claimCharges({ ledger: ledger('business', [invoice('a', 100_000, '2026-02-01'), invoice('b', 900_000, '2026-02-01'), invoice('c', 50_000, '2026-04-01'), invoice('u', 20_000, '2026-02-01', 'USD')], ['b']), asOf: '2026-03-03' });
    expect(c.collectionCosts).toEqual(money(15_000, 'EUR'));
    expect(c.interest.map((m) => m.currency)).toEqual(['EUR', 'USD']);
    expect(c.interest[0]).toEqual(money(834, 'EUR'));
  });
});

describe('claimCharges for one notice', () => {
  it('when a notice claims some of the overdue invoices, then principal, interest and costs are of those only', () => {
    const c = claimCharges({ ledger: ledger('business', [invoice('a', 100_000, '2026-02-01'), invoice('b', 900_000, '2026-02-01')]), asOf: '2026-03-03', invoiceExternalIds: ['a'] });
    expect(c).toMatchObject({ principal: [money(100_000, 'EUR')], interest: [money(834, 'EUR')], collectionCosts: money(15_000, 'EUR') });
  });

  it.each([
    // The €40 per invoice carries no VAT: €80 for two invoices of €100, whatever the creditor's setting.
    ['a business, €40 per invoice', 'business', [invoice('a', 10_000, '2026-02-01'), invoice('b', 10_000, '2026-02-01')], money(8_000, 'EUR'), undefined],
    // €500 on the scale is €75, below €80, but €90.75 with its VAT: then the scale wins and holds the VAT.
    ['a business, the scale wins with its VAT', 'business', [invoice('a', 25_000, '2026-02-01'), invoice('b', 25_000, '2026-02-01')], money(9_075, 'EUR'), 2_100],
    ['a consumer, the scale', 'consumer', [invoice('a', 100_000, '2026-02-01')], money(18_150, 'EUR'), 2_100],
  ] as const)('when the creditor adds VAT, then %s says whether the costs hold it', (_name, type, invoices, costs, vat) => {
    const c = claimCharges({ ledger: ledger(type, [...invoices]), asOf: '2026-03-03', costs: collectionCostOptions(true) });
    expect(c.collectionCosts).toEqual(costs);
    expect(c.collectionCostsVatBasisPoints).toBe(vat);
  });
});
