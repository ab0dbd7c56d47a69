import { describe, expect, it } from 'vitest';
import { isArrangementOnTrack, isDisputeOpen, isOptOutActive } from '../../src/domain/holds';
import { money } from '../../src/domain/money';
import { aDispute, aLedger, anArrangement, anInvoice, aPayment } from './builders';

describe('dispute open, arrangement on track, opt-out active', () => {
  it.each([
    ['before it was opened', { openedOn: '2026-03-02' }, false],
    ['on the day it was opened', { openedOn: '2026-03-01' }, true],
    ['on the day it was resolved', { openedOn: '2026-02-01', resolvedOn: '2026-03-01' }, false],
    ['the day before it was resolved', { openedOn: '2026-02-01', resolvedOn: '2026-03-02' }, true],
  ])('when asked %s, then a dispute is open: %s', (_, d, open) => {
    expect(isDisputeOpen(aDispute(d), '2026-03-01')).toBe(open);
  });

  it('when an instalment is paid on time, the arrangement is on track; before it was agreed or once an instalment is missed, it is not', () => {
    const ledger = aLedger({ invoices: [anInvoice({ externalId: 'inv-1', amount: money(100_000, 'EUR') })] });
    const a = anArrangement();
    expect(isArrangementOnTrack(a, ledger, '2026-02-04')).toBe(false);
    expect(isArrangementOnTrack(a, ledger, '2026-02-20')).toBe(true);
    expect(isArrangementOnTrack(a, ledger, '2026-03-05')).toBe(false);
    const paid = { ...ledger, payments: [aPayment({ invoiceExternalId: 'inv-1', amount: money(50_000, 'EUR'), date: '2026-02-28' })] };
    expect(isArrangementOnTrack(a, paid, '2026-03-05')).toBe(true);
  });

  it.each([
    ['none', undefined, false],
    ['not started yet', { since: '2026-03-02' }, false],
    ['open-ended', { since: '2026-01-01' }, true],
    ['ending today', { since: '2026-01-01', until: '2026-03-01' }, true],
    ['ended yesterday', { since: '2026-01-01', until: '2026-02-28' }, false],
  ])('when the opt-out is %s, then it is active: %s', (_, optOut, active) => {
    expect(isOptOutActive(optOut, '2026-03-01')).toBe(active);
  });
});
