import { describe, expect, it } from 'vitest';
import { parseStatus } from '../../../../src/server/ingest/csv/csv-values';

describe('status words of accounting exports', () => {
  it.each([
    ['Incassobureau', 'in_collection'], ['Uit handen gegeven', 'in_collection'], ['bij deurwaarder', 'in_collection'], ['Sent to collections', 'in_collection'],
    ['In collection', 'in_collection'], ['Afgeboekt', 'written_off'], ['Oninbaar verklaard', 'written_off'], ['Written off', 'written_off'], ['uncollectible', 'written_off'],
    ['Gecrediteerd', 'credited'], ['Credited', 'credited'], ['Betwist', 'disputed'], ['In geschil', 'disputed'], ['In dispute', 'disputed'],
    ['Awaiting Payment', 'open'], ['Vervallen', 'open'], ['Te laat', 'open'], ['Deels betaald', 'partially_paid'], ['Betaald.', 'paid'],
  ])('"%s" means %s', (word, status) => {
    expect(parseStatus(word)).toEqual({ ok: true, value: status });
  });

  it('a bare "incasso" is refused: in Dutch exports it means direct debit as often as debt collection', () => {
    expect(parseStatus('incasso').ok).toBe(false);
  });
});
