import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSearch, runSearch } from '../../src/sandbox/crm/search-engine';
import { SandboxState } from '../../src/sandbox/state';

const OPS: Record<string, (a: number, b: number) => boolean> = {
  EQ: (a, b) => a === b, NEQ: (a, b) => a !== b, LT: (a, b) => a < b, LTE: (a, b) => a <= b, GT: (a, b) => a > b, GTE: (a, b) => a >= b,
};

describe('search engine (in-process)', () => {
  it('when numbers are compared with any operator, then the result equals a plain numeric filter, in id order', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: -1000, max: 100_000 }), { maxLength: 40 }), fc.integer({ min: -1000, max: 100_000 }), fc.constantFrom(...Object.keys(OPS)),
      (values, threshold, op) => {
        const portal = new SandboxState().createPortal();
        const ids = values.map((v) => portal.createObject('companies', { numberofemployees: String(v) }).id);
        const q = parseSearch({ filterGroups: [{ filters: [{ propertyName: 'numberofemployees', operator: op, value: String(threshold) }] }] });
        const got = runSearch(portal, 'companies', q, []).map((r) => r.id);
        const want = ids.filter((_, i) => OPS[op]!(values[i]!, threshold));
        expect(got).toEqual(want);
      },
    ), { numRuns: 150 });
  });

  it('when sorting by a datetime descending, then results are in non-increasing time order with missing values last', () => {
    fc.assert(fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }), { nil: undefined }), { maxLength: 30 }), (times) => {
      const portal = new SandboxState().createPortal();
      for (const t of times) portal.createObject('tasks', t === undefined ? {} : { hs_timestamp: String(t) });
      const got = runSearch(portal, 'tasks', parseSearch({ sorts: ['-hs_timestamp'] }), []).map((r) => r.properties.hs_timestamp);
      const present = got.filter((v) => v !== undefined).map((v) => Date.parse(v!));
      expect(present).toEqual([...present].sort((a, b) => b - a));
      expect(got.slice(present.length).every((v) => v === undefined)).toBe(true);
    }), { numRuns: 100 });
  });
});
