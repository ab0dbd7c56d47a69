import { describe, expect, it } from 'vitest';
import { isOpenReceivable, overdueByCurrency } from '../../src/domain/measures/aging';
import { activePauses, isInvoicePaused } from '../../src/domain/pauses';
import { aLedger, anInvoice } from './builders';
import { at, plan } from './policy/support';

const asOf = '2026-03-10';
const atAgency = anInvoice({ externalId: 'inv-agency', number: 'F-1', status: 'in_collection' });
const ours = anInvoice({ externalId: 'inv-ours', number: 'F-2' });

describe('accounting statuses', () => {
  it('when an invoice is at the collection agency, then it pauses that invoice only and stays owed and overdue', () => {
    const ledger = aLedger({ invoices: [atAgency, ours] });
    const pauses = activePauses(ledger, asOf);
    expect(pauses).toEqual([{ kind: 'in_collection', invoiceExternalId: 'inv-agency' }]);
    expect(isInvoicePaused(atAgency, pauses)).toBe(true);
    expect(isInvoicePaused(ours, pauses)).toBe(false);
    expect(isOpenReceivable(atAgency)).toBe(true);
    expect(overdueByCurrency(ledger.invoices, asOf)).toEqual([{ minor: 200_000, currency: 'EUR' }]);
  });

  it('when one of two overdue invoices is at the agency, then our reminder names only the other, and the agency one is skipped as paused', () => {
    const result = plan(aLedger({ invoices: [atAgency, ours] }), at(asOf));
    expect(result.actions.length).toBeGreaterThan(0);
    for (const action of result.actions) expect(action.invoiceExternalIds).toEqual(['inv-ours']);
    expect(result.skipped).toContainEqual({ reason: { code: 'paused', params: { kind: 'in_collection' } }, invoiceExternalIds: ['inv-agency'] });
  });

  it('when every overdue invoice is at the agency, then we plan no reminder at all', () => {
    expect(plan(aLedger({ invoices: [atAgency] }), at(asOf)).actions).toEqual([]);
  });

  it('when an invoice is credited or written off, then it leaves the open receivables even with an open amount; paid in full ends the collection', () => {
    expect(isOpenReceivable(anInvoice({ status: 'credited' }))).toBe(false);
    expect(isOpenReceivable(anInvoice({ status: 'written_off' }))).toBe(false);
    expect(plan(aLedger({ invoices: [anInvoice({ status: 'credited' }), anInvoice({ externalId: 'w', status: 'written_off' })] }), at(asOf)).actions).toEqual([]);
    expect(activePauses(aLedger({ invoices: [{ ...atAgency, open: { minor: 0, currency: 'EUR' } }] }), asOf)).toEqual([]);
  });
});
