import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCallScript } from '../../../src/domain/call-script/script';
import type { CallScript } from '../../../src/domain/call-script/types';
import { dateInZone } from '../../../src/domain/dates';
import { ledgerArb, nowArb } from '../policy/arbitraries';
import { NL_CALENDAR, ZONE } from '../policy/support';

const shape = (s: CallScript) => ({
  persona: s.persona, tone: s.tone, preparation: s.preparation.map((i) => [i.id, i.status]), goals: s.goals.map((g) => [g.id, g.proposed]),
  excuses: s.excuses.map((e) => e.id), closing: s.closing.length, followUp: s.followUp.map((f) => f.id), letter: s.fourteenDayLetter,
});
const texts = (s: CallScript): string[] =>
  [...s.preparation.map((i) => i.text), s.opening, ...s.goals.map((g) => g.text), ...s.excuses.flatMap((e) => [e.excuse, e.answer]), ...s.closing, ...s.followUp.map((f) => f.text)];

describe('call script properties (random ledgers)', () => {
  it('when a script is built in English and in Dutch, then both say the same things (same structure, every text filled)', () => {
    fc.assert(fc.property(ledgerArb, nowArb, (ledger, now) => {
      const input = { ledger, asOf: dateInZone(now, ZONE), now, calendar: NL_CALENDAR };
      const en = buildCallScript({ ...input, language: 'en' });
      const nl = buildCallScript({ ...input, language: 'nl' });
      expect(shape(nl)).toEqual(shape(en));
      for (const t of [...texts(en), ...texts(nl)]) expect(t).not.toMatch(/\{\w+\}|undefined|NaN|^\s*$/);
    }), { numRuns: 200 });
  });
});
