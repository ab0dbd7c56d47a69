import { describe, expect, it, vi } from 'vitest';
import { CallListQuery } from '../../../src/contracts/home';
import { addDays } from '../../../src/domain/dates';
import { money } from '../../../src/domain/money';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { createCallListService } from '../../../src/server/home/call-list-service';
import { aLedger, anInvoice } from '../../domain/builders';

const DAY1 = '2026-11-23';
const ledger = aLedger({
  companyId: '101',
  invoices: [anInvoice({ companyId: '101', externalId: 'a', number: 'F-1', issueDate: addDays(DAY1, -60), dueDate: addDays(DAY1, -30), amount: money(500_000, 'EUR') })],
});

function service() {
  let now = new Date(`${DAY1}T07:00:00Z`);
  let builds = 0;
  const calls = createCallListService({
    now: () => now,
    calendarFor: () => ({ timeZone: 'Europe/Amsterdam', holidays: new Set<string>() }),
    policy: DEFAULT_POLICY,
    // Every full build lists the portal's companies once: counting that counts the builds.
    ledger: { listCompanyIds: async () => { builds++; return ['101']; }, getCustomerLedger: async () => ledger },
    companyIndex: async () => ({ names: { 101: 'Bakkerij De Korenbloem' }, owners: {} }),
    owners: async () => [],
  });
  return { calls, builds: () => builds, nextDay: () => { now = new Date(now.getTime() + 86_400_000); } };
}

const all = CallListQuery.parse({ portalId: '7', scope: 'all' });

describe('the call list service', () => {
  it('when the app home was in use yesterday, then the morning\'s refresh builds today\'s list and the first request finds it', async () => {
    const s = service();
    expect((await s.calls.page(all)).asOf).toBe(DAY1);
    expect(s.builds()).toBe(1);
    s.nextDay();
    await s.calls.update('7', ['101']);
    // Started by the refresh, before anyone asks.
    await vi.waitFor(() => expect(s.builds()).toBe(2));
    const today = await s.calls.page(all);
    expect(today.asOf).toBe(addDays(DAY1, 1));
    // The request found it (or waited for the same build): no build of its own.
    expect(s.builds()).toBe(2);
    expect(today.items.map((e) => e.companyId)).toEqual(['101']);
  });

  it('when a portal never opened the app home, then a refresh builds nothing', async () => {
    const s = service();
    await s.calls.update('7', ['101']);
    expect(s.builds()).toBe(0);
  });
});
