import fc from 'fast-check';
import { isCalendarDate } from '../../../src/kernel/calendar-date';
import { safeIdProblem } from '../../../src/kernel/safe-text';
import type { CustomerLedger } from '../../../src/domain/ledger';

/**
 * Hostile values as the issue's fault harness found them (and their neighbours): dates that are not
 * calendar dates or lie outside any sane range, ids with lone surrogates or control characters, numbers that
 * are not whole minor units, wrong types. Each arbitrary mixes them with valid values, so some records go in.
 */
export const hostileDate = fc.oneof(
  fc.constantFrom('2026-13-01', '0000-00-00', '2026-1-5', '2026-01-05T10:00:00Z', '0001-01-01', '2026-02-30', '2099-02-30',
    '9999-12-31', '2026-00-10', '20260105', '', ' 2026-01-05', '2026-01-05 ', '١٠٢٦-٠١-٠٥', '2026-01-32', '1899-12-31', '2200-01-01'),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constant(null),
);
export const validDate = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
export const anyDate = fc.oneof({ weight: 2, arbitrary: validDate }, { weight: 3, arbitrary: hostileDate });

export const hostileId = fc.oneof(
  fc.constantFrom('\ud800', 'INV-\udc00-1', 'a\u0000b', 'tab\there', '', '   ', 'x'.repeat(129), 'line\nbreak', '\u202e', 'ok-\ud83d\ude00'),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
);
export const validId = fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,6}$/);
export const anyId = fc.oneof({ weight: 2, arbitrary: validId }, { weight: 3, arbitrary: hostileId });

export const anyMinor = fc.oneof(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom(-1, 0.5, 1e300, Number.MAX_SAFE_INTEGER + 2, '100', null, Number.NaN));
export const anyCurrency = fc.oneof(fc.constant('EUR'), fc.constantFrom('eur', 'EURO', '', 'XXX', '€'), fc.string({ maxLength: 4 }));

/** Drops some fields and adds an unknown one now and then: shape errors next to value errors. */
export const mangled = <T extends Record<string, unknown>>(record: fc.Arbitrary<T>) => fc.tuple(record, fc.subarray(['drop', 'extra', 'array'] as const))
  .map(([r, how]) => {
    const out: Record<string, unknown> = { ...r };
    if (how.includes('drop')) delete out[Object.keys(out)[0]!];
    if (how.includes('extra')) out.__proto__polluted = { admin: true };
    return how.includes('array') ? [out] : out;
  });

/** Where a stored ledger breaks the rules every boundary must enforce: "field: value" for each defect. */
export function ledgerDefects(l: CustomerLedger): string[] {
  const defects: string[] = [];
  const date = (where: string, d: string | undefined, optional = false) => {
    if (d === undefined && optional) return;
    if (typeof d !== 'string' || !isCalendarDate(d)) defects.push(`${where}: ${String(d)}`);
  };
  const id = (where: string, s: string | undefined, optional = false) => {
    if (s === undefined && optional) return;
    if (typeof s !== 'string' || safeIdProblem(s, 200) !== undefined) defects.push(`${where}: ${JSON.stringify(s)}`);
  };
  const minor = (where: string, n: number) => { if (!Number.isSafeInteger(n)) defects.push(`${where}: ${n}`); };
  for (const i of l.invoices) {
    id('invoice.externalId', i.externalId); id('invoice.number', i.number);
    date('invoice.issueDate', i.issueDate); date('invoice.dueDate', i.dueDate); date('invoice.paidDate', i.paidDate, true);
    minor('invoice.amount', i.amount.minor); minor('invoice.open', i.open.minor);
  }
  for (const p of l.payments) { id('payment.externalId', p.externalId); date('payment.date', p.date); minor('payment.amount', p.amount.minor); }
  for (const p of l.promises) {
    date('promise.promisedDate', p.promisedDate); date('promise.madeOn', p.madeOn); minor('promise.amount', p.amount.minor);
    p.invoiceExternalIds.forEach((x) => id('promise.invoiceExternalIds', x));
  }
  for (const d of l.disputes) { id('dispute.invoiceExternalId', d.invoiceExternalId); date('dispute.openedOn', d.openedOn); }
  for (const a of l.arrangements) {
    date('arrangement.agreedOn', a.agreedOn);
    a.instalments.forEach((x) => { date('arrangement.instalment.dueDate', x.dueDate); minor('arrangement.instalment.amount', x.amount.minor); });
  }
  const pr = l.profile;
  if (pr.optOut) { date('profile.optOut.since', pr.optOut.since); date('profile.optOut.until', pr.optOut.until, true); }
  for (const p of pr.pauses) { date('profile.pause.from', p.from); date('profile.pause.until', p.until); }
  return defects;
}
