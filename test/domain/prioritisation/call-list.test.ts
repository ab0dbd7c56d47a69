import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates';
import { money } from '../../../src/domain/money';
import { planActions } from '../../../src/domain/policy/engine';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { callListEntry, dayProgress, rankCallList } from '../../../src/domain/prioritisation/call-list';
import type { CustomerLedger } from '../../../src/domain/ledger';
import { aLedger, anInvoice, aProfile } from '../builders';

const NOW = '2026-11-23T07:00:00.000Z';
const ASOF = '2026-11-23';
const calendar = { timeZone: 'Europe/Amsterdam', holidays: new Set<string>() };
const entry = (ledger: CustomerLedger, now = NOW) =>
  callListEntry({ ledger, plan: planActions({ ledger, policy: DEFAULT_POLICY, now, calendar }), policy: DEFAULT_POLICY, now, timeZone: calendar.timeZone });
const overdueLedger = (companyId: string, minor: number, days: number, over: Partial<CustomerLedger> = {}) => aLedger({
  companyId,
  invoices: [anInvoice({ companyId, externalId: `${companyId}-a`, issueDate: addDays(ASOF, -days - 30), dueDate: addDays(ASOF, -days), amount: money(minor, 'EUR') })],
  profile: aProfile({ companyId }),
  ...over,
});

describe('callListEntry', () => {
  it('when nothing is overdue and nothing is due today, then the customer is not on the list', () => {
    const current = aLedger({ invoices: [anInvoice({ issueDate: addDays(ASOF, -2), dueDate: addDays(ASOF, 28) })] });
    expect(entry(current)).toBeUndefined();
  });

  it('when a contact is due today, then it is open with the planned step, channel and window', () => {
    const e = entry(overdueLedger('1', 500_000, 9));
    expect(e?.status).toBe('open');
    expect(e?.planned).toMatchObject({ action: expect.any(String), channel: expect.any(String) });
    expect(e?.planned?.window).toBeDefined();
    expect(e?.overdue).toEqual([{ minor: 500_000, currency: 'EUR' }]);
  });

  it('when a task was only created today, then the contact is still open', () => {
    const ledger = overdueLedger('2', 500_000, 9, {
      history: [{ key: 'k1', companyId: '2', kind: 'call', channel: 'phone', doneAt: '2026-11-23T06:30:00.000Z', invoiceExternalIds: ['2-a'] }],
    });
    expect(entry(ledger)?.status).not.toBe('done');
  });

  it('when the customer was contacted today, then the entry is done', () => {
    const ledger = overdueLedger('2', 500_000, 9, {
      history: [{ key: 'k1', companyId: '2', kind: 'call', channel: 'phone', doneAt: '2026-11-23T06:30:00.000Z', outcome: 'reached', invoiceExternalIds: ['2-a'] }],
    });
    expect(entry(ledger)?.status).toBe('done');
  });

  it('when the customer is paused by hand, then the entry is on hold (snoozed)', () => {
    const ledger = overdueLedger('3', 500_000, 9, {
      profile: aProfile({ companyId: '3', pauses: [{ reason: 'customer on holiday', from: addDays(ASOF, -1), until: addDays(ASOF, 3) }] }),
    });
    expect(entry(ledger)?.status).toBe('snoozed');
  });
});

describe('rankCallList and dayProgress', () => {
  it('when customers owe different money-days, then the list is in the prioritisation order and progress counts statuses', () => {
    const list = rankCallList([entry(overdueLedger('b', 100_000, 9))!, entry(overdueLedger('a', 900_000, 40))!, entry(overdueLedger('c', 100_000, 9))!]);
    expect(list.map((e) => e.companyId)).toEqual(['a', 'b', 'c']);
    expect(dayProgress(list)).toEqual({ done: 0, open: list.filter((e) => e.status === 'open').length, snoozed: 0 });
  });
});
