import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBusinessDay } from '../../../src/domain/calendar';
import { dateInZone, isoWeekday } from '../../../src/domain/dates';
import type { CustomerLedger } from '../../../src/domain/ledger';
import { activePauses, isInvoicePaused } from '../../../src/domain/pauses';
import { DEFAULT_CONSUMER_CALL_WINDOWS, DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { ledgerArb, nowArb } from './arbitraries';
import { NL_CALENDAR, plan, recordDone, ZONE } from './support';

const runs = { numRuns: 300 };
const reversed = (l: CustomerLedger): CustomerLedger => ({
  ...l, invoices: [...l.invoices].reverse(), history: [...l.history].reverse(), promises: [...l.promises].reverse(),
  disputes: [...l.disputes].reverse(), failedCollections: [...l.failedCollections].reverse(),
});

describe('planning properties (random ledgers, NL calendar)', () => {
  it('when the same ledger is planned twice (or with its lists in another order), then the result is identical', () => {
    fc.assert(fc.property(ledgerArb, nowArb, (ledger, now) => {
      const first = plan(ledger, now);
      expect(plan(structuredClone(ledger), now)).toEqual(first);
      expect(plan(reversed(ledger), now)).toEqual(first);
    }), runs);
  });

  it('when the planned actions are recorded as done, then planning again at the same moment plans nothing', () => {
    fc.assert(fc.property(ledgerArb, nowArb, (ledger, now) => {
      const first = plan(ledger, now);
      const again = plan(recordDone(ledger, first.actions, () => now), now);
      expect(again.actions).toEqual([]);
    }), runs);
  });

  it('when anything is planned, then no paused invoice is in it and an opted-out customer gets nothing', () => {
    fc.assert(fc.property(ledgerArb, nowArb, (ledger, now) => {
      const asOf = dateInZone(now, ZONE);
      const pauses = activePauses(ledger, asOf, { toleranceMinor: DEFAULT_POLICY.toleranceMinor });
      const { actions } = plan(ledger, now);
      for (const id of actions.flatMap((a) => a.invoiceExternalIds)) {
        expect(isInvoicePaused(ledger.invoices.find((i) => i.externalId === id)!, pauses)).toBe(false);
      }
      if (pauses.some((p) => p.kind === 'opt_out')) expect(actions).toEqual([]);
    }), runs);
  });

  it('when anything is planned, then it is due on a business day, not before now, and calls fall in a call window (evenings for consumers, never at lunch)', () => {
    fc.assert(fc.property(ledgerArb, nowArb, (ledger, now) => {
      for (const a of plan(ledger, now).actions) {
        const date = dateInZone(a.dueAt, ZONE);
        expect(isBusinessDay(date, NL_CALENDAR)).toBe(true);
        expect(a.dueAt >= now).toBe(true);
        if (a.action !== 'call') continue;
        const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: 'numeric', hourCycle: 'h23' }).format(new Date(a.dueAt)));
        const windows = ledger.profile.callWindows.length > 0 ? ledger.profile.callWindows
          : ledger.profile.customerType === 'consumer' ? DEFAULT_CONSUMER_CALL_WINDOWS : DEFAULT_POLICY.callWindows;
        if (ledger.profile.callWindows.length === 0) expect(hour).not.toBe(12); // the default windows never use the lunch hour
        expect(windows.some((w) => w.weekday === isoWeekday(date) && hour >= w.fromHour && hour < w.toHour)).toBe(true);
      }
    }), runs);
  });

  it("when anything is planned, then each action's invoices share its currency and its amount is their open total", () => {
    fc.assert(fc.property(ledgerArb, nowArb, (ledger, now) => {
      const { actions } = plan(ledger, now);
      for (const a of actions) {
        const invoices = a.invoiceExternalIds.map((id) => ledger.invoices.find((i) => i.externalId === id)!);
        expect(invoices.length).toBeGreaterThan(0);
        expect(new Set(invoices.map((i) => i.open.currency))).toEqual(new Set([a.currency]));
        expect(a.amount).toEqual({ minor: invoices.reduce((s, i) => s + i.open.minor, 0), currency: a.currency });
      }
      expect(new Set(actions.map((a) => a.key)).size).toBe(actions.length);
      expect(actions.every((a) => /^ra[0-9a-f]{16}$/.test(a.key))).toBe(true);
    }), runs);
  });
});
