import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROMISE_CHECK_MESSAGES, promiseCheck } from '../../../src/domain/follow-ups/promise-check';
import { money } from '../../../src/domain/money';
import { promiseKeptOn, promiseStatus } from '../../../src/domain/promises';
import { expectMatchingTables } from '../i18n/message-tables';
import { aLedger, aPaidInvoice, aPayment, aPromise } from '../builders';

// aPromise: made 2026-02-05, promised 2026-02-15, EUR 1,000 on inv-1; grace 1 day → deadline 2026-02-16.
const pay = (date: string, minor = 100_000) => aPayment({ externalId: `p-${date}-${minor}`, date, amount: money(minor, 'EUR'), invoiceExternalId: 'inv-1' });
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('the promise check', () => {
  it.each([
    { name: 'paid in full in one go', payments: [pay('2026-02-10')], asOf: '2026-02-11', keptOn: '2026-02-10' },
    { name: 'paid in two parts: kept on the day the second made it whole', payments: [pay('2026-02-12', 60_000), pay('2026-02-06', 40_000)], asOf: '2026-03-01', keptOn: '2026-02-12' },
    { name: 'paid on the grace day', payments: [pay('2026-02-16')], asOf: '2026-02-20', keptOn: '2026-02-16' },
    { name: 'only part paid, still before the deadline', payments: [pay('2026-02-10', 50_000)], asOf: '2026-02-12', keptOn: undefined },
    { name: 'paid after the deadline (broken, not kept)', payments: [pay('2026-02-17')], asOf: '2026-03-01', keptOn: undefined },
    { name: 'nothing paid yet', payments: [], asOf: '2026-02-10', keptOn: undefined },
  ])('when $name, then kept on $keptOn', ({ payments, asOf, keptOn }) => {
    const ledger = aLedger({ payments });
    expect(promiseKeptOn(aPromise(), ledger, asOf)).toBe(keptOn);
    expect(promiseCheck(aPromise(), ledger, asOf, 'en').kind).toBe(keptOn ? 'kept' : 'open');
  });

  it('when the source marks the covered invoice paid without payment lines, then kept on its paid date', () => {
    expect(promiseKeptOn(aPromise(), aLedger({ invoices: [aPaidInvoice('2026-02-12', { externalId: 'inv-1' })] }), '2026-03-01')).toBe('2026-02-12');
  });

  it.each([
    ['en', 'Promise kept: €1,000.00, promised by 15 Feb 2026 at the latest, was paid in full on 10 Feb 2026. The promise check is closed.'],
    ['nl', 'Toezegging nagekomen: € 1.000,00, toegezegd uiterlijk 15 feb 2026, is op 10 feb 2026 volledig betaald. De controle van de toezegging is afgesloten.'],
  ] as const)('when kept, then the note in %s says what was promised, by when, and when it was paid', (lang, want) => {
    const check = promiseCheck(aPromise(), aLedger({ payments: [pay('2026-02-10')] }), '2026-02-11', lang);
    expect(check.kind === 'kept' && plain(check.note)).toBe(want);
  });

  it('when the tables are compared, then they match and each is in its own language', () => {
    expectMatchingTables(PROMISE_CHECK_MESSAGES.en, PROMISE_CHECK_MESSAGES.nl);
  });

  it('property: a check closes exactly when the promise is kept, and never on a day before the payment that kept it', () => {
    const payment = fc.record({ day: fc.integer({ min: 0, max: 20 }), minor: fc.integer({ min: 1, max: 120_000 }) });
    fc.assert(fc.property(fc.array(payment, { maxLength: 5 }), fc.integer({ min: 0, max: 30 }), (list, asOfDay) => {
      const date = (d: number) => new Date(Date.UTC(2026, 1, 5 + d)).toISOString().slice(0, 10);
      const ledger = aLedger({ payments: list.map((p, i) => aPayment({ externalId: `p${i}`, date: date(p.day), amount: money(p.minor, 'EUR'), invoiceExternalId: 'inv-1' })) });
      const asOf = date(asOfDay);
      const keptOn = promiseKeptOn(aPromise(), ledger, asOf);
      expect(keptOn !== undefined).toBe(promiseStatus(aPromise(), ledger, asOf) === 'kept');
      if (keptOn) {
        expect(keptOn <= asOf && keptOn <= '2026-02-16').toBe(true);
        const byThen = list.filter((p) => date(p.day) <= keptOn).reduce((s, p) => s + p.minor, 0);
        expect(byThen).toBeGreaterThanOrEqual(100_000);
      }
    }));
  });
});
