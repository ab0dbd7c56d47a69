import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Month } from '../acceptance/support/month';
import { startChaosMonth } from './support/chaos-month';
import type { CustomerLedger } from '../../src/domain/ledger';
import { anyCurrency, anyDate, anyId, anyMinor, ledgerDefects, mangled } from './support/hostile';
import { recordFigures } from './support/figures';

/**
 * Fuzzing the ingest API and the card-write API of the composition `npm start` runs, from the outside:
 * thousands of generated requests, each mixing valid and hostile values. Every answer must be a 2xx or a 4xx
 * that names what is wrong, and nothing invalid may reach the ledger — afterwards the portal still syncs.
 */
const RUNS = 1000;
let m: Month;
let company: string;
let ingestKey: string;

beforeAll(async () => {
  m = await startChaosMonth({ firstDay: '2027-03-01' });
  company = await m.createCompany({ name: 'Fuzz BV', domain: 'fuzz.example' });
  await m.invoices({ hubspotCompanyId: company }, [{ id: 'FUZZ-BASE', amount: 50_000, issued: '2027-01-10', due: '2027-02-09' }]);
  // Ingest keys are made by the portal's admins only.
  const created = await m.signedFetch('POST', `/api/admin/api-keys?portalId=${m.portalId}&userId=${m.embedded.hubspot.adminUserId}`, { label: 'fuzz' });
  expect(created.status).toBe(201);
  ingestKey = ((await created.json()) as { key: string }).key;
}, 120_000);
afterAll(async () => { await m?.close(); });

const ingest = (path: string, body: string) => fetch(`${m.embedded.publicBaseUrl}/api/ingest${path}`, {
  method: 'POST', headers: { Authorization: `Bearer ${ingestKey}`, 'Content-Type': 'application/json' }, body,
});

const invoice = fc.record({
  externalId: anyId, number: anyId, customer: fc.oneof(fc.constant({ hubspotCompanyId: '__company__' }), fc.record({ name: anyId }), fc.constant({})),
  currency: anyCurrency, amountMinor: anyMinor, openMinor: fc.option(anyMinor, { nil: undefined }),
  issueDate: anyDate, dueDate: anyDate, paidDate: fc.option(anyDate, { nil: undefined }),
  status: fc.option(fc.constantFrom('open', 'paid', 'bogus'), { nil: undefined }),
}, { requiredKeys: ['externalId', 'number', 'customer', 'currency', 'amountMinor', 'issueDate', 'dueDate'] });
const payment = fc.record({
  externalId: anyId, invoiceExternalId: fc.oneof(fc.constant('FUZZ-BASE'), anyId), currency: anyCurrency, amountMinor: anyMinor, date: anyDate,
});

/** Sends one generated body; checks the answer's status and, for a 200, that the report accounts for every item. */
async function send(path: string, body: string, items: number, counts: { tried: number; fiveXX: number; survived: number; accepted: number }) {
  counts.tried++;
  const res = await ingest(path, body);
  const text = await res.text();
  if (res.status >= 500) { counts.fiveXX++; return `${res.status} ${text.slice(0, 200)} for ${body.slice(0, 300)}`; }
  if (res.status === 200) {
    counts.accepted++;
    const r = JSON.parse(text) as { received: number; created: number; updated: number; unchanged: number; unmatched: number; rejected: number };
    if (r.received !== items || r.created + r.updated + r.unchanged + r.unmatched + r.rejected !== items) return `report does not add up: ${text}`;
  } else if (!(res.status >= 400 && res.status < 500 && /"code"/.test(text))) return `unexpected ${res.status} ${text.slice(0, 200)}`;
  counts.survived++;
  return undefined;
}

describe('hostile input', () => {
  it(`when ${RUNS} generated invoice and payment batches arrive, then none is answered with a 5xx and nothing invalid is stored`, async () => {
    const counts = { tried: 0, fiveXX: 0, survived: 0, accepted: 0 };
    await fc.assert(fc.asyncProperty(
      fc.array(mangled(invoice), { minLength: 1, maxLength: 4 }), fc.array(payment, { minLength: 1, maxLength: 3 }),
      async (invoices, payments) => {
        const body = JSON.stringify({ invoices }).replaceAll('__company__', company);
        expect(await send('/invoices', body, invoices.length, counts)).toBeUndefined();
        expect(await send('/payments', JSON.stringify({ payments }), payments.length, counts)).toBeUndefined();
      },
    ), { numRuns: RUNS / 2 });
    // And bodies that are not even the envelope: broken JSON, wrong types, lone surrogates in raw text.
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.constant('{"invoices":"\\ud800"}')), async (raw) => {
      counts.tried++;
      const res = await ingest('/invoices', raw);
      if (res.status >= 500) counts.fiveXX++; else counts.survived++;
      expect(res.status).toBeLessThan(500);
    }), { numRuns: RUNS / 2 });

    await m.settle();
    const ledger = await m.embedded.backend.ledger.getCustomerLedger(m.portalId, company);
    const defects = ledgerDefects(ledger!);
    const waiting = (await m.embedded.backend.ledger.listUnmatched(m.portalId, { offset: 0, limit: 10_000 })).items
      .flatMap((d) => ledgerDefects({ ...ledger!, invoices: [], payments: [], promises: [], disputes: [], arrangements: [], ...fromWaiting(d.payload) }));
    recordFigures({ scenario: 'ingest API, fast-check', tried: counts.tried, survived: counts.survived, lost: 0, doubled: 0, fiveXX: counts.fiveXX,
      note: `${defects.length + waiting.length} invalid values stored` });
    expect([...defects, ...waiting]).toEqual([]);
    expect(counts.fiveXX).toBe(0);
    // The portal still syncs: the company's rollup is in HubSpot and no refresh failed.
    expect((await m.embedded.backend.queues.refresh.getJobCounts('failed')).failed).toBe(0);
    expect(Number.isFinite((await m.rollup(company)).open)).toBe(true);
    expect(counts.accepted).toBeGreaterThan(0);
  });

  it(`when ${RUNS} generated preference and outcome writes arrive from the cards, then none is answered with a 5xx and nothing invalid is stored`, async () => {
    const counts = { tried: 0, fiveXX: 0, survived: 0 };
    const statuses = new Map<number, number>();
    const today = m.today().toISOString().slice(0, 10);
    const preferences = fc.record({
      channels: fc.oneof(fc.constant(['phone', 'email']), fc.array(fc.constantFrom('phone', 'email', 'fax', ''), { maxLength: 3 })),
      callWindows: fc.array(fc.record({ weekday: fc.integer({ min: -1, max: 8 }), fromHour: fc.integer({ min: -1, max: 25 }), toHour: fc.integer({ min: -1, max: 25 }) }), { maxLength: 3 }),
      language: fc.constantFrom('nl', 'en', 'de'), customerType: fc.constantFrom('business', 'consumer', 'x'),
      optOut: fc.option(fc.record({ until: fc.option(anyDate, { nil: undefined }), reason: fc.option(anyId, { nil: undefined }) }), { nil: undefined }),
      pauses: fc.array(fc.record({ reason: anyId, from: fc.oneof(fc.constant(today), anyDate), until: anyDate }), { maxLength: 2 }),
    });
    const money = fc.record({ minor: anyMinor, currency: fc.oneof(fc.constant('EUR'), anyCurrency) });
    const outcome = fc.record({
      outcomeId: fc.oneof(fc.stringMatching(/^[a-z0-9]{12}$/), anyId), result: fc.constantFrom('reached', 'not_reached', 'maybe'),
      notes: fc.option(fc.oneof(anyId, fc.string({ unit: 'binary', maxLength: 50 })), { nil: undefined }),
      promise: fc.option(fc.record({ date: anyDate, amount: money, invoiceExternalIds: fc.array(anyId, { maxLength: 2 }) }), { nil: undefined }),
      dispute: fc.option(fc.record({ invoiceExternalId: fc.oneof(fc.constant('FUZZ-BASE'), anyId), reason: fc.constantFrom('quality', 'nope') }), { nil: undefined }),
      arrangement: fc.option(fc.record({ instalments: fc.array(fc.record({ dueDate: anyDate, amount: money }), { minLength: 0, maxLength: 3 }) }), { nil: undefined }),
      deferral: fc.option(fc.record({ until: anyDate }), { nil: undefined }),
    }, { requiredKeys: ['outcomeId', 'result'] });
    // Most generated outcomes are refused; the few valid ones log a call in HubSpot, at the portal's rate budget.
    const bodies = fc.oneof({ weight: 1, arbitrary: preferences.map((b) => ['PUT', 'preferences', b] as const) },
      { weight: 1, arbitrary: outcome.filter((o) => o.promise !== undefined || o.arrangement !== undefined || o.deferral !== undefined || o.dispute !== undefined).map((b) => ['POST', 'outcomes', b] as const) });
    await fc.assert(fc.asyncProperty(bodies, async ([method, route, body]) => {
      counts.tried++;
      const res = await m.signedFetch(method, `/api/cards/${route}?portalId=${m.portalId}&companyId=${company}`, body);
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) counts.fiveXX++; else counts.survived++;
      expect([res.status, text.slice(0, 300)]).toEqual([expect.toSatisfy((s: number) => s < 500), expect.anything()]);
    }), { numRuns: RUNS });

    await m.settle();
    const defects = ledgerDefects((await m.embedded.backend.ledger.getCustomerLedger(m.portalId, company))!);
    recordFigures({ scenario: 'card writes, fast-check', tried: counts.tried, survived: counts.survived, lost: 0, doubled: 0, fiveXX: counts.fiveXX,
      note: `${defects.length} invalid values stored` });
    expect(defects).toEqual([]);
    expect(counts.fiveXX).toBe(0);
    // Both kinds of answer occurred: writes that went in, and writes refused with the field named.
    expect([...statuses.keys()].filter((s) => s < 300).length).toBeGreaterThan(0);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(401) ?? 0).toBe(0);
    expect((await m.embedded.backend.queues.refresh.getJobCounts('failed')).failed).toBe(0);
    expect((await m.receivables(company)).companyId).toBe(company);
  });
});

/** A waiting document's validated input as ledger-shaped records, so the same checks apply to it. */
function fromWaiting(payload: unknown): Partial<CustomerLedger> {
  const p = payload as { type: string; input: Record<string, string> };
  const i = p.input;
  if (p.type === 'invoice') {
    return { invoices: [{ externalId: i.externalId, number: i.number, issueDate: i.issueDate, dueDate: i.dueDate, paidDate: i.paidDate, amount: { minor: Number(i.amountMinor) }, open: { minor: Number(i.openMinor ?? i.amountMinor) } }] } as unknown as Partial<CustomerLedger>;
  }
  return { payments: [{ externalId: i.externalId, date: i.date, amount: { minor: Number(i.amountMinor) } }] } as unknown as Partial<CustomerLedger>;
}
