import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryTransactions, isCamtEntry, statementOf, type BankTransaction } from '../../../../src/server/ingest/bank/camt-entries';
import { readXmlRecords } from '../../../../src/server/ingest/xml/xml-records';
import { camtDocument, type CamtOptions } from './camt-fixtures';

async function read(o: CamtOptions): Promise<BankTransaction[]> {
  const out: BankTransaction[] = [];
  let n = 0;
  for await (const r of readXmlRecords([camtDocument(o)], { isRecord: isCamtEntry })) {
    const s = statementOf(r);
    if (!s.ok) throw new Error(s.error);
    const t = entryTransactions(r.element, s.value, ++n);
    if (!t.ok) throw new Error(t.error);
    out.push(...t.value);
  }
  return out;
}

describe('camt entries', () => {
  it.each(['02', '04', '08'] as const)('when a camt.053 version %s credit arrives, then amount, reference, name, IBAN and text are read alike', async (version) => {
    const [t] = await read({ version, entries: [{ amount: 12_345, reference: 'RF18539007547034', name: 'Klant BV', iban: 'NL02RABO0123456789', text: 'factuur F-1', acctSvcrRef: 'R1' }] });
    expect(t).toMatchObject({ direction: 'credit', amount: { minor: 12_345, currency: 'EUR' }, reference: 'RF18539007547034', counterpartyName: 'Klant BV', counterpartyIban: 'NL02RABO0123456789', remittance: 'factuur F-1', booked: true, bookingDate: '2027-04-06' });
  });

  it('when a batch entry holds transactions with their amounts, then each is its own credit; a pending entry is not booked', async () => {
    const txs = await read({ entries: [{ amount: 0, acctSvcrRef: 'B', batch: [{ amount: 100, text: 'a', acctSvcrRef: 'B1' }, { amount: 200, text: 'b', acctSvcrRef: 'B2' }] }, { amount: 5, status: 'PDNG' }] });
    expect(txs.map((t) => [t.amount.minor, t.remittance, t.booked])).toEqual([[100, 'a', true], [200, 'b', true], [5, '', false]]);
    expect(new Set(txs.map((t) => t.key)).size).toBe(3);
  });

  it('when a direct debit comes back, then the debit carries its reason code and end-to-end id', async () => {
    const [t] = await read({ message: '054', entries: [{ amount: 4_200, debit: true, endToEndId: 'F-9', returnReason: 'AM04' }] });
    expect(t).toMatchObject({ direction: 'debit', returnReason: 'AM04', endToEndId: 'F-9' });
  });

  it('when the same statement is read twice, or its camt.054 first, then each booking has the same key', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 5 }), async (amounts) => {
      const entries = amounts.map((amount, i) => ({ amount, acctSvcrRef: `REF-${i}` }));
      const a = await read({ id: 'DAY', message: '054', entries });
      const b = await read({ id: 'EVENING', entries });
      expect(b.map((t) => t.key)).toEqual(a.map((t) => t.key));
      expect(b.map((t) => t.amount.minor)).toEqual(amounts);
    }), { numRuns: 30 });
  });
});
