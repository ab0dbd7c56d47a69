import { describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money';
import { aLedger, anInvoice, aProfile } from '../builders';
import { walkLadder } from './support';

/**
 * The seeds' ladder on real NL dates (Europe/Amsterdam): steps land on business days, public holidays are
 * skipped (Koningsdag 27-04-2026, Hemelvaart 14-05-2026, Pinkstermaandag 25-05-2026, Christmas), calls avoid
 * Monday morning. The ledger is walked day by day and every planned action is done at its due moment.
 */
const cases = [
  {
    name: 'when the due date is Koningsdag (Mon 27-04-2026), then the due-date reminder comes the Friday before and the final notice skips Whit Monday',
    issue: '2026-03-28', due: '2026-04-27', customerType: 'business' as const,
    expected: {
      receipt_check: '2026-04-01 09:00', due_date_reminder: '2026-04-24 09:00', late_payment_call: '2026-04-29 09:00',
      formal_reminder: '2026-05-11 09:00', final_notice: '2026-05-26 09:00', escalation: '2026-06-11 09:00',
    },
  },
  {
    name: 'when the due date is Hemelvaart (Thu 14-05-2026), then the reminder comes the day before and the call two business days later is on Monday after lunch, not in the morning',
    issue: '2026-04-14', due: '2026-05-14', customerType: 'business' as const,
    expected: {
      receipt_check: '2026-04-17 09:00', due_date_reminder: '2026-05-13 09:00', late_payment_call: '2026-05-18 13:00',
      formal_reminder: '2026-05-28 09:00', final_notice: '2026-06-11 09:00', escalation: '2026-06-29 09:00',
    },
  },
  {
    name: 'when the due date is a Saturday, then the due-date reminder is on Friday and later moments roll to Monday (across the DST change)',
    issue: '2026-10-01', due: '2026-10-31', customerType: 'business' as const,
    expected: {
      receipt_check: '2026-10-06 09:00', due_date_reminder: '2026-10-30 09:00', late_payment_call: '2026-11-03 09:00',
      formal_reminder: '2026-11-16 09:00', final_notice: '2026-11-30 09:00', escalation: '2026-12-15 09:00',
    },
  },
  {
    name: 'when a consumer is due on a Sunday before Christmas, then the reminder is on the Friday before, the call in the evening, the 14-day letter replaces the final notice and escalation waits for its pay-by date',
    issue: '2026-11-20', due: '2026-12-20', customerType: 'consumer' as const,
    expected: {
      receipt_check: '2026-11-25 09:00', due_date_reminder: '2026-12-18 09:00', late_payment_call: '2026-12-22 18:00',
      formal_reminder: '2027-01-04 09:00', fourteen_day_letter: '2027-01-18 09:00', escalation: '2027-02-05 09:00',
    },
  },
];

describe('ladder timing on NL business days', () => {
  it.each(cases)('$name', ({ issue, due, customerType, expected }) => {
    const ledger = aLedger({
      invoices: [anInvoice({ externalId: 'a', issueDate: issue, dueDate: due, amount: money(100_000, 'EUR') })],
      profile: aProfile({ customerType }),
    });
    const walked = walkLadder(ledger, issue, 90);
    expect(Object.fromEntries([...walked].map(([id, a]) => [id, a.when]))).toEqual(expected);
  });

  it('when a step is done, then it is never planned again in the same cycle', () => {
    const ledger = aLedger({ invoices: [anInvoice({ externalId: 'a', issueDate: '2026-03-28', dueDate: '2026-04-27' })] });
    const keys = new Set<string>();
    const walked = walkLadder(ledger, '2026-03-28', 90);
    for (const a of walked.values()) keys.add(a.key);
    expect(keys.size).toBe(walked.size);
  });
});
