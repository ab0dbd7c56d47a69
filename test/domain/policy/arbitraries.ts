import fc from 'fast-check';
import { addDays } from '../../../src/domain/dates';
import { CHANNELS, type ActionRecord, type CustomerLedger, type Invoice } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { aDispute, aLedger, anArrangement, anInvoice, aProfile, aPromise } from '../builders';
import { at } from './support';

/** Days from 2026-01-01; everything lands in 2026–2027 so the NL calendar covers it. */
const day = (max = 540) => fc.integer({ min: 0, max }).map((n) => addDays('2026-01-01', n));
const currency = fc.constantFrom('EUR', 'EUR', 'USD');
const stepIds = [...DEFAULT_POLICY.steps.map((s) => s.id), DEFAULT_POLICY.failedDirectDebit.id];

const invoiceArb = (i: number): fc.Arbitrary<Invoice> =>
  fc.record({ issue: day(420), term: fc.integer({ min: 0, max: 60 }), cur: currency, minor: fc.integer({ min: 100, max: 1_000_000 }),
    openShare: fc.constantFrom(1, 1, 1, 0.5, 0), dd: fc.constantFrom(false, false, true) })
    .map(({ issue, term, cur, minor, openShare, dd }) => {
      const open = Math.round(minor * openShare);
      return anInvoice({
        externalId: `i${i}`, number: `F-${i}`, issueDate: issue, dueDate: addDays(issue, term), paymentTermDays: term,
        amount: money(minor, cur), open: money(open, cur), status: open === 0 ? 'paid' : open < minor ? 'partially_paid' : 'open',
        ...(open === 0 ? { paidDate: addDays(issue, term + 10) } : {}), directDebit: dd,
      });
    });

/** A random but well-formed ledger of company c1: invoices, pauses of every kind, failures and history. */
export const ledgerArb: fc.Arbitrary<CustomerLedger> = fc.integer({ min: 0, max: 6 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => invoiceArb(i))).chain((invoices) => {
    const ids = invoices.map((i) => i.externalId);
    const someId = ids.length > 0 ? fc.constantFrom(...ids) : fc.constant('i0');
    return fc.record({
      disputes: fc.array(fc.record({ id: someId, opened: day(), resolvedAfter: fc.option(fc.integer({ min: 0, max: 60 })) }), { maxLength: 2 }),
      promises: fc.array(fc.record({ ids: fc.subarray(ids), made: day(), wait: fc.integer({ min: 0, max: 20 }), cur: currency }), { maxLength: 2 }),
      arrangements: fc.array(fc.record({ ids: fc.subarray(ids), agreed: day() }), { maxLength: 1 }),
      failures: fc.array(fc.record({ id: someId, date: day(), reason: fc.constantFrom('insufficient_funds', 'technical') as fc.Arbitrary<'insufficient_funds' | 'technical'> }), { maxLength: 2 }),
      history: fc.array(fc.record({ step: fc.option(fc.constantFrom(...stepIds)), date: day(), ids: fc.subarray(ids) }), { maxLength: 4 }),
      customerType: fc.constantFrom('business', 'consumer') as fc.Arbitrary<'business' | 'consumer'>,
      channels: fc.shuffledSubarray([...CHANNELS]),
      reach: fc.record({ email: fc.boolean(), phone: fc.boolean(), whatsapp: fc.boolean(), post: fc.boolean() }),
      optOut: fc.option(fc.record({ since: day(), days: fc.option(fc.integer({ min: 0, max: 60 })) }), { freq: 5 }),
      pause: fc.option(fc.record({ from: day(), days: fc.integer({ min: 0, max: 20 }) }), { freq: 5 }),
      windows: fc.constantFrom([], [{ weekday: 3, fromHour: 14, toHour: 16 }]),
      owner: fc.option(fc.constant('owner-9')),
      mandate: fc.boolean(),
    }).map((r): CustomerLedger => aLedger({
      invoices,
      disputes: r.disputes.map((d, k) => aDispute({ id: `d${k}`, invoiceExternalId: d.id, openedOn: d.opened,
        ...(d.resolvedAfter !== null ? { resolvedOn: addDays(d.opened, d.resolvedAfter) } : {}) })),
      promises: r.promises.map((p, k) => aPromise({ id: `p${k}`, invoiceExternalIds: p.ids, madeOn: p.made, promisedDate: addDays(p.made, p.wait), amount: money(10_000, p.cur) })),
      arrangements: r.arrangements.map((a, k) => anArrangement({ id: `a${k}`, invoiceExternalIds: a.ids, agreedOn: a.agreed,
        instalments: [{ dueDate: addDays(a.agreed, 20), amount: money(5_000, 'EUR') }] })),
      failedCollections: r.failures.map((f, k) => ({ id: `f${k}`, companyId: 'c1', invoiceExternalId: f.id, date: f.date, reason: f.reason })),
      mandates: r.mandate ? [{ companyId: 'c1', reference: 'M', signedOn: '2025-01-01' }] : [],
      history: r.history.map((h, k): ActionRecord => ({ key: `h${k}`, companyId: 'c1', ...(h.step !== null ? { stepId: h.step } : {}),
        kind: 'email', doneAt: at(h.date, '11:00'), invoiceExternalIds: h.ids })),
      profile: aProfile({
        customerType: r.customerType, channels: r.channels, reachability: r.reach, callWindows: r.windows,
        ...(r.owner !== null ? { ownerId: r.owner } : {}),
        ...(r.optOut !== null ? { optOut: { since: r.optOut.since, ...(r.optOut.days !== null ? { until: addDays(r.optOut.since, r.optOut.days) } : {}) } } : {}),
        pauses: r.pause !== null ? [{ reason: 'manual', from: r.pause.from, until: addDays(r.pause.from, r.pause.days) }] : [],
      }),
    }));
  }),
);

/** A moment in 2026–2027 at any quarter hour of the day, Amsterdam time. */
export const nowArb = fc.record({ date: day(600), minutes: fc.integer({ min: 0, max: 95 }) })
  .map(({ date, minutes }) => at(date, `${String(Math.floor(minutes / 4)).padStart(2, '0')}:${String((minutes % 4) * 15).padStart(2, '0')}`));
