import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clearFaults } from '../../src/sandbox/faults';
import type { Month } from '../acceptance/support/month';
import { startChaosMonth } from './support/chaos-month';
import { recordFigures } from './support/figures';
import { injectFaults } from './support/fired-faults';
import { auditCompanies, objectsByCompany } from './support/hubspot-audit';

/**
 * HubSpot did the write, but its answer never arrived (the sandbox closes the connection after handling the
 * request, as a dropping proxy would) — at scale, for every kind of object the app writes: rollups and reminder
 * tasks of a few hundred companies, calls logged on the card with their follow-up tasks, notes from the debtor
 * page. Every object must exist exactly once (test/acceptance/lost-answers.test.ts tells the single cases).
 */
let m: Month;
beforeAll(async () => { m = await startChaosMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });
afterEach(() => clearFaults(m.embedded.hubspot.sandbox.state));

/** Loses the answers to the next `count` requests matching the pattern; the counter says how many were really lost. */
async function loseAnswers(pathPattern: string, count: number): Promise<() => number> {
  const fired = await injectFaults(m, [{ pathPattern, method: 'POST', kind: 'lose_answer', count }]);
  return () => fired()[0]!;
}

const companies = (label: string, n: number) =>
  m.createCompanies(Array.from({ length: n }, (_, i) => ({ name: `Lost ${label} ${i} BV`, domain: `lost-${label}-${i}.example` })));

describe('lost answers at scale', () => {
  it('when the answers to rollup writes and reminder-task batches of 250 companies are lost, then every rollup is right and every task exists once', async () => {
    const ids = await companies('run', 250);
    const rollups = await loseAnswers('companies/batch/update$', 3);
    const tasks = await loseAnswers('tasks/batch/create$', 3);
    await m.ingestJson('/invoices', {
      invoices: ids.map((c, i) => ({
        externalId: `LA-${i}`, number: `LA-${i}`, customer: { hubspotCompanyId: c }, currency: 'EUR', amountMinor: (300 + i) * 100, issueDate: '2027-01-04', dueDate: '2027-02-03',
      })),
    });
    const audit = auditCompanies(m, new Map(ids.map((c, i) => [c, 300 + i])));
    recordFigures({
      scenario: `lost answers: rollups + reminder tasks, ${ids.length} companies`, tried: ids.length, survived: audit.survived, lost: audit.lost, doubled: audit.doubled, fiveXX: 0,
      note: `answers lost: ${rollups()} rollup batches, ${tasks()} task batches; ${audit.tasks} tasks, ${audit.wrongRollups} rollups wrong`,
    });
    expect(rollups()).toBeGreaterThan(0);
    expect(tasks()).toBeGreaterThan(0);
    expect(audit).toMatchObject({ lost: 0, doubled: 0, survived: ids.length });
    expect(await m.embedded.backend.hubspot.deadLetters.list(m.portalId)).toEqual([]);
  });

  it('when the answers to 20 logged calls and to their follow-up tasks are lost, then each card gets its answer and HubSpot has one call and one follow-up each', async () => {
    const ids = await companies('call', 20);
    await m.ingestJson('/invoices', {
      invoices: ids.map((c, i) => ({ externalId: `LC-${i}`, number: `LC-${i}`, customer: { hubspotCompanyId: c }, currency: 'EUR', amountMinor: 40_000, issueDate: '2027-01-04', dueDate: '2027-02-03' })),
    });
    const calls = await loseAnswers('/crm/v3/objects/calls$', ids.length);
    const followUps = await loseAnswers('tasks/batch/create$', ids.length);
    const answers: { status: number; body: Record<string, unknown> }[] = [];
    for (const c of ids) answers.push(await m.logOutcome(c, { result: 'not_reached' }));
    const byCompany = objectsByCompany(m, 'calls', ids);
    const tasks = objectsByCompany(m, 'tasks', ids);
    const once = ids.filter((c, i) => {
      const callIds = byCompany.get(c)!.map((r) => r.id);
      const callAgain = tasks.get(c)!.filter((t) => t.properties.rd_step === 'call_again');
      return answers[i]!.status === 201 && callIds.length === 1 && callIds[0] === answers[i]!.body.callId && callAgain.length === 1;
    }).length;
    const doubled = [...byCompany.values()].reduce((n, l) => n + Math.max(0, l.length - 1), 0)
      + [...tasks.values()].reduce((n, l) => n + Math.max(0, l.filter((t) => t.properties.rd_step === 'call_again').length - 1), 0);
    const lost = [...byCompany.values()].filter((l) => l.length === 0).length;
    const fiveXX = answers.filter((a) => a.status >= 500).length;
    recordFigures({
      scenario: `lost answers: logged calls + follow-up tasks, ${ids.length} outcomes`, tried: ids.length, survived: once, lost, doubled, fiveXX,
      note: `answers lost: ${calls()} call creates, ${followUps()} follow-up task batches`,
    });
    expect({ once, lost, doubled, fiveXX }).toEqual({ once: ids.length, lost: 0, doubled: 0, fiveXX: 0 });
    expect(calls()).toBe(ids.length);
  });

  it('when the answers to 20 debtor-page notes are lost, then each customer sees the outcome and HubSpot has one note each', async () => {
    const ids = await companies('note', 20);
    await m.ingestJson('/invoices', {
      invoices: ids.map((c, i) => ({ externalId: `LN-${i}`, number: `LN-${i}`, customer: { hubspotCompanyId: c }, currency: 'EUR', amountMinor: 45_000, issueDate: '2027-02-18', dueDate: '2027-03-20' })),
    });
    const urls = await Promise.all(ids.map(async (c) => (await m.paymentStatus(c)).debtorPageUrl!));
    const notes = await loseAnswers('/crm/v3/objects/notes$', ids.length);
    const statuses: number[] = [];
    for (const [i, url] of urls.entries()) {
      const res = await fetch(`${url}/arrange?lang=en`, {
        method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ kind: 'deferral', submission: `lost-note-submission-${i}`, invoice: `LN-${i}`, until: '2027-03-30' }).toString(),
      });
      statuses.push(res.status);
    }
    await m.settle();
    const byCompany = objectsByCompany(m, 'notes', ids);
    const counts = ids.map((c) => byCompany.get(c)!.length);
    recordFigures({
      scenario: `lost answers: debtor-page notes, ${ids.length} deferrals`, tried: ids.length,
      survived: counts.filter((n, i) => n === 1 && statuses[i] === 303).length, lost: counts.filter((n) => n === 0).length,
      doubled: counts.reduce((n, c) => n + Math.max(0, c - 1), 0), fiveXX: statuses.filter((s) => s >= 500).length,
      note: `answers lost: ${notes()} note creates`,
    });
    expect(statuses.every((s) => s === 303)).toBe(true);
    expect(counts).toEqual(ids.map(() => 1));
    expect(notes()).toBe(ids.length);
  });
});
