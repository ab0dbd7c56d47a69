import { describe, expect, it } from 'vitest';
import { INVOICE_TAGS as WIRE_TAGS } from '../../../src/contracts/cards';
import { INVOICE_TAGS, invoiceTags } from '../../../src/domain/cards/invoice-tags';
import { money } from '../../../src/domain/money';
import { aDispute, aLedger, anArrangement, anInvoice, aPromise } from '../builders';

const ASOF = '2026-12-01';

describe('invoice tags', () => {
  it('when a dispute, a balance promise and an invoice arrangement hold, then each open invoice carries exactly its own tags', () => {
    const ledger = aLedger({
      invoices: [
        anInvoice({ externalId: 'a', dueDate: '2026-10-01' }),
        anInvoice({ externalId: 'b', dueDate: '2026-11-01', directDebit: true }),
        anInvoice({ externalId: 'c', dueDate: '2026-12-20' }),
      ],
      disputes: [aDispute({ invoiceExternalId: 'a', openedOn: '2026-11-10' }), aDispute({ id: 'old', invoiceExternalId: 'b', openedOn: '2026-11-01', resolvedOn: '2026-11-05' })],
      // A promise listing no invoices covers the overdue balance.
      promises: [aPromise({ invoiceExternalIds: [], madeOn: '2026-11-20', promisedDate: '2026-12-10', amount: money(1_000, 'EUR') })],
      arrangements: [anArrangement({ invoiceExternalIds: ['c'], agreedOn: '2026-11-25', instalments: [{ dueDate: '2026-12-15', amount: money(50_000, 'EUR') }] })],
    });
    const tagsOf = invoiceTags(ledger, ASOF);
    expect(ledger.invoices.map((i) => [i.externalId, tagsOf(i)])).toEqual([
      ['a', ['overdue', 'disputed', 'promised']],
      ['b', ['overdue', 'promised', 'direct_debit']],
      ['c', ['in_arrangement']],
    ]);
  });

  it('when the domain lists its tags, then the wire contract lists the same (contracts cannot import the domain)', () => {
    expect([...WIRE_TAGS]).toEqual([...INVOICE_TAGS]);
  });
});
