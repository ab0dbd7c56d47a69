import { describe, expect, it } from 'vitest';
import { addMonths, decideArrangement, decideDeferral } from '../../../src/domain/debtor-page/self-service';
import { DEFAULT_SELF_SERVICE_LIMITS } from '../../../src/domain/policy/self-service-limits';
import { debtorStanding } from '../../../src/domain/debtor-page/standing';
import { money } from '../../../src/domain/money';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { aDispute, aLedger, anArrangement, anInvoice } from '../builders';

const standingOf = (overrides: Parameters<typeof aLedger>[0]) =>
  debtorStanding({ ledger: aLedger(overrides), asOf: '2026-03-01', policy: DEFAULT_POLICY, position: { paused: [] } });

describe('self-service decisions', () => {
  const invoices = [
    anInvoice({ externalId: 'a', number: 'A', amount: money(60_000, 'EUR'), dueDate: '2026-02-01' }),
    anInvoice({ externalId: 'b', number: 'B', amount: money(30_001, 'EUR'), dueDate: '2026-02-10' }),
    anInvoice({ externalId: 'c', number: 'C', dueDate: '2026-03-20' }),
  ];

  it('when a deferral stays within the limit, then it is approved; beyond it, it goes to review; into the past or for a disputed invoice, it is refused', () => {
    const s = standingOf({ invoices, disputes: [aDispute({ invoiceExternalId: 'b', openedOn: '2026-02-20' })] });
    expect(decideDeferral(s, 'c', '2026-04-03', DEFAULT_SELF_SERVICE_LIMITS)).toMatchObject({ kind: 'approved', until: '2026-04-03' });
    expect(decideDeferral(s, 'c', '2026-04-04', DEFAULT_SELF_SERVICE_LIMITS)).toMatchObject({ kind: 'review', reasons: [{ code: 'deferral_too_long', maxDays: 14 }] });
    // Overdue: counted from today.
    expect(decideDeferral(s, 'a', '2026-03-15', DEFAULT_SELF_SERVICE_LIMITS).kind).toBe('approved');
    expect(decideDeferral(s, 'a', '2026-03-01', DEFAULT_SELF_SERVICE_LIMITS)).toEqual({ kind: 'refused', reason: 'date_not_ahead' });
    expect(decideDeferral(s, 'b', '2026-03-05', DEFAULT_SELF_SERVICE_LIMITS)).toEqual({ kind: 'refused', reason: 'not_payable' });
    expect(decideDeferral(s, 'zzz', '2026-03-05', DEFAULT_SELF_SERVICE_LIMITS)).toEqual({ kind: 'refused', reason: 'unknown_invoice' });
  });

  it('when an arrangement is proposed, then the overdue balance is split in equal monthly cents with the remainder last, and each limit that is broken is named', () => {
    const s = standingOf({ invoices });
    const ok = decideArrangement(s, 3, '2026-03-31', DEFAULT_SELF_SERVICE_LIMITS);
    expect(ok.kind).toBe('approved');
    if (ok.kind === 'refused') throw new Error('refused');
    expect(ok.instalments).toEqual([
      { dueDate: '2026-03-31', amount: money(30_000, 'EUR') },
      { dueDate: '2026-04-30', amount: money(30_000, 'EUR') },
      { dueDate: '2026-05-31', amount: money(30_001, 'EUR') },
    ]);
    expect(ok.lines.map((l) => l.invoiceExternalId)).toEqual(['a', 'b']);
    const bad = decideArrangement(s, 24, '2026-04-15', DEFAULT_SELF_SERVICE_LIMITS);
    expect(bad.kind === 'review' && bad.reasons.map((r) => r.code)).toEqual(['too_many_terms', 'instalment_too_small', 'first_term_too_late']);
    const running = decideArrangement(standingOf({ invoices, arrangements: [anArrangement({ invoiceExternalIds: ['c'], agreedOn: '2026-02-20', instalments: [{ dueDate: '2026-04-01', amount: money(100_000, 'EUR') }] })] }), 2, '2026-03-10', DEFAULT_SELF_SERVICE_LIMITS);
    expect(running.kind === 'review' && running.reasons.map((r) => r.code)).toEqual(['arrangement_running']);
    expect(decideArrangement(standingOf({ invoices: [invoices[2]!] }), 2, '2026-03-10', DEFAULT_SELF_SERVICE_LIMITS)).toEqual({ kind: 'refused', reason: 'nothing_overdue' });
  });

  it('adds months on the same day, or the month\'s last day when it is shorter', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', 0)).toBe('2026-03-31');
    expect(addMonths('2026-12-31', 12)).toBe('2027-12-31');
  });
});
