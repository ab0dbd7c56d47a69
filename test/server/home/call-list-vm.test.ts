import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_LIST_CHANNELS, CALL_LIST_SEGMENTS, CALL_LIST_SORTS, CallListQuery } from '../../../src/contracts/home';
import type { CallListEntry } from '../../../src/domain/prioritisation/call-list';
import { dayProgress } from '../../../src/domain/prioritisation/call-list';
import { buildSnapshot, callListPage } from '../../../src/server/home/call-list-vm';

const entry = fc.record({
  segment: fc.constantFrom(...CALL_LIST_SEGMENTS),
  status: fc.constantFrom('open', 'done', 'snoozed', 'later' as const),
  owner: fc.option(fc.constantFrom('o1', 'o2', 'o3'), { nil: undefined }),
  channel: fc.option(fc.constantFrom(...CALL_LIST_CHANNELS), { nil: undefined }),
  currencies: fc.subarray(['EUR', 'GBP', 'USD']),
  score: fc.nat(1_000_000),
});

const query = fc.record({
  sort: fc.constantFrom(...CALL_LIST_SORTS),
  segment: fc.option(fc.constantFrom(...CALL_LIST_SEGMENTS), { nil: undefined }),
  channel: fc.option(fc.constantFrom(...CALL_LIST_CHANNELS), { nil: undefined }),
  currency: fc.option(fc.constantFrom('EUR', 'GBP', 'CHF'), { nil: undefined }),
  page: fc.integer({ min: 1, max: 4 }),
  pageSize: fc.integer({ min: 1, max: 7 }),
  scope: fc.option(fc.subarray(['o1', 'o2', 'o3']), { nil: null }),
});

describe('call list page', () => {
  it('when any filter, scope, sort and page is asked, then the one-pass page is what filtering the sorted list gives', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 40 }), query, (drawn, q) => {
      const ranked: CallListEntry[] = drawn.map((d, i) => ({
        companyId: String(1000 + i), score: d.score, segment: d.segment, reasons: [], status: d.status,
        overdue: d.currencies.map((currency) => ({ minor: 100 * (i + 1), currency })),
        ...(d.owner ? { ownerId: d.owner } : {}),
        ...(d.channel ? { planned: { stepId: 's', action: 'call', channel: d.channel, dueAt: '2026-12-03T09:00:00.000Z' } } : {}),
      }));
      const snap = buildSnapshot({ portalId: '1', asOf: '2026-12-03', computedAt: '2026-12-03T08:00:00.000Z', ranked, names: {}, owners: {}, ownerNames: {}, kpis: [], trend: [] });
      const parsed = CallListQuery.parse({ portalId: '1', scope: 'all', ...Object.fromEntries(Object.entries(q).filter(([k, v]) => k !== 'scope' && v !== undefined)) });
      const scope = q.scope === null ? null : new Set(q.scope);
      const page = callListPage(snap, parsed, scope);

      // The reference: materialise the sorted list and filter it step by step.
      const sorted = [...snap.orders[parsed.sort]].map((i) => snap.entries[i]!);
      const scoped = sorted.filter((e) => scope === null || (e.vm.ownerId !== null && scope.has(e.vm.ownerId)));
      const matching = scoped.filter((e) => (q.segment === undefined || e.vm.segment === q.segment)
        && (q.channel === undefined || e.vm.planned?.channel === q.channel)
        && (q.currency === undefined || e.currencies.includes(q.currency)));
      const start = (parsed.page - 1) * parsed.pageSize;
      expect(page.items).toEqual(matching.slice(start, start + parsed.pageSize).map((e) => e.vm));
      expect(page.total).toBe(matching.length);
      expect(page.progress).toEqual(dayProgress(scoped));
      expect(page.currencies).toEqual([...new Set(scoped.flatMap((e) => e.currencies))].sort());
    }));
  });
});
