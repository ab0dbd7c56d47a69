import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../src/sandbox/faults';
import type { Month } from '../acceptance/support/month';
import { startChaosMonth } from './support/chaos-month';
import { recordFigures } from './support/figures';
import { injectFaults } from './support/fired-faults';
import { auditCompanies, objectsByCompany } from './support/hubspot-audit';

/**
 * A bad hour at HubSpot while 200 companies are synced and planned, and again while their payments come in:
 * 429 storms (secondly and ten-secondly), 500/502/503 bursts, 423 (locked) and slow answers on the writes and
 * reads the runs make. When it is over every rollup is right and every task exists exactly once.
 */
const COMPANIES = 200;
const open = (i: number) => 700 + i;
/** Every other company pays its invoice in full. */
const pays = (i: number) => i % 2 === 0;
let m: Month;
beforeAll(async () => { m = await startChaosMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const WRITES = '/crm/v3/objects/(companies|tasks)/batch/(update|create)$';
const storm = (secondly429: number): FaultSpec[] => [
  { pathPattern: WRITES, kind: 'status', status: 429, policyName: 'SECONDLY', count: secondly429 },
  { pathPattern: 'companies/batch/update$', kind: 'status', status: 429, policyName: 'TEN_SECONDLY_ROLLING', count: 1 },
  { pathPattern: WRITES, kind: 'status', status: 500, count: 2 },
  { pathPattern: WRITES, kind: 'status', status: 502, count: 2 },
  { pathPattern: WRITES, kind: 'status', status: 503, count: 2 },
  { pathPattern: 'tasks/batch/(create|update)$', kind: 'status', status: 423, count: 2 },
  { pathPattern: '/crm/v3/objects/', kind: 'delay', ms: 1500, count: 6 },
];

/** What fired, by kind: "429 ×11, 5xx ×6, 423 ×2, slow ×6". */
function firedByKind(specs: readonly FaultSpec[], fired: readonly number[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  specs.forEach((s, i) => {
    const kind = s.kind === 'delay' ? 'slow' : s.kind === 'status' ? (s.status >= 500 ? '5xx' : String(s.status)) : s.kind;
    kinds[kind] = (kinds[kind] ?? 0) + fired[i]!;
  });
  return kinds;
}
const describeFired = (k: Record<string, number>) => Object.entries(k).map(([kind, n]) => `${kind} ×${n}`).join(', ');

describe('HubSpot faults', () => {
  it(`when HubSpot answers 429s, 5xx, 423 and slowly while ${COMPANIES} companies are synced, planned and paid, then every rollup and task exists exactly once`, async () => {
    const ids = await m.createCompanies(Array.from({ length: COMPANIES }, (_, i) => ({ name: `Fault ${i} BV`, domain: `fault${i}.example` })));
    const invoice = (i: number) => `HF-${i}`;

    const first = storm(10);
    const firedFirst = await injectFaults(m, first);
    await m.ingestJson('/invoices', {
      invoices: ids.map((c, i) => ({
        externalId: invoice(i), number: invoice(i), customer: { hubspotCompanyId: c }, currency: 'EUR', amountMinor: open(i) * 100, issueDate: '2027-01-04', dueDate: '2027-02-03',
      })),
    });
    const planned = auditCompanies(m, new Map(ids.map((c, i) => [c, open(i)])));

    const second = storm(5);
    const firedSecond = await injectFaults(m, second);
    await m.payments(ids.flatMap((_, i) => (pays(i) ? [{ invoiceId: invoice(i), amountMinor: open(i) * 100, date: m.date(1) }] : [])));
    const paid = auditCompanies(m, new Map(ids.map((c, i) => [c, pays(i) ? 0 : open(i)])));
    const tasks = objectsByCompany(m, 'tasks', ids);
    const openForPaid = ids.filter((c, i) => pays(i) && tasks.get(c)!.some((t) => t.properties.hs_task_status !== 'COMPLETED')).length;

    const fired = firedByKind([...first, ...second], [...firedFirst(), ...firedSecond()]);
    const survived = Math.min(planned.survived, paid.survived) - openForPaid;
    recordFigures({
      scenario: `HubSpot 429 storms, 5xx bursts, 423, slow answers; ${COMPANIES} companies planned and paid`, tried: COMPANIES,
      survived, lost: Math.max(planned.lost, paid.lost), doubled: Math.max(planned.doubled, paid.doubled), fiveXX: 0,
      note: `faults fired: ${describeFired(fired)}; ${paid.tasks} tasks, ${paid.wrongRollups} rollups wrong, ${openForPaid} paid companies with an open task`,
    });
    expect(planned).toMatchObject({ lost: 0, doubled: 0, survived: COMPANIES });
    // Paying closes tasks, it creates none: the same tasks, each still once.
    expect(paid).toMatchObject({ lost: 0, doubled: 0, survived: COMPANIES, tasks: planned.tasks });
    expect(openForPaid).toBe(0);
    expect(Object.values(fired).every((n) => n > 0)).toBe(true);
    expect(await m.embedded.backend.hubspot.deadLetters.list(m.portalId)).toEqual([]);
  });
});
