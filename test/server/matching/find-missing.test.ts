import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestService } from '../../../src/server/ingest/ingest-service';
import { createMissingCompanyFinder } from '../../../src/server/matching/find-missing';
import { startHarness, type Harness } from '../hubspot/harness';

let h: Harness;
beforeAll(async () => { h = await startHarness({ companies: 2 }); });
afterAll(async () => h.close());

const SEARCH = /POST \/crm\/v3\/objects\/companies\/search/;
const invoice = (externalId: string, customer: Record<string, string>) => ({
  externalId, number: externalId, customer, currency: 'EUR', amountMinor: 10_000, issueDate: '2027-03-01', dueDate: '2027-03-31',
});

/** The ingest service as composeBackend wires it: the webhook-maintained index first, one HubSpot search for a miss. */
function ingestWith(maxSearches?: number) {
  const { companyIndex, gateway } = h.services;
  const findMissing = createMissingCompanyFinder({ redis: h.redis, prefix: h.prefix, findCompanies: gateway.findCompanies, companyIndex, ...(maxSearches ? { maxSearches } : {}) });
  return createIngestService({ ledger: h.ledger, companyIndex: (portalId) => companyIndex.get(portalId), findMissing });
}

describe('a document whose company the index does not know yet', () => {
  it('when the company exists in HubSpot (its webhook not yet processed), then one search finds it and the document is filed, not left waiting', async () => {
    const ingest = ingestWith();
    await h.services.companyIndex.get(h.portalId); // listed before the company existed
    const late = h.hub.createObject('companies', { name: 'Net Binnen BV', domain: 'netbinnen.example' }).id;
    const searches = h.calls(SEARCH);
    expect(await ingest.ingestInvoices(h.portalId, [invoice('M-1', { domain: 'netbinnen.example' })])).toMatchObject({ created: 1, unmatched: 0 });
    expect(h.calls(SEARCH)).toBe(searches + 1);
    expect(await h.ledger.findInvoiceCompanies(h.portalId, ['M-1'])).toEqual([late]);
    // The index learned it: the next document for that company needs no search.
    expect(await ingest.ingestInvoices(h.portalId, [invoice('M-2', { domain: 'netbinnen.example' })])).toMatchObject({ created: 1 });
    expect(h.calls(SEARCH)).toBe(searches + 1);
  });

  it('when HubSpot has no such company, then the document waits, and its keys are not searched again for a while', async () => {
    const ingest = ingestWith();
    const searches = h.calls(SEARCH);
    expect(await ingest.ingestInvoices(h.portalId, [invoice('M-3', { domain: 'bestaatniet.example', name: 'Bestaat Niet BV' })])).toMatchObject({ unmatched: 1 });
    expect(h.calls(SEARCH)).toBe(searches + 1);
    expect(await ingest.ingestInvoices(h.portalId, [invoice('M-4', { domain: 'bestaatniet.example', name: 'Bestaat Niet BV' })])).toMatchObject({ unmatched: 1 });
    expect(h.calls(SEARCH)).toBe(searches + 1);
    expect((await ingest.listUnmatched(h.portalId, { offset: 0, limit: 10 })).items.map((i) => i.externalId)).toEqual(expect.arrayContaining(['M-3', 'M-4']));
  });

  it('when a request holds many unknown customers, then it searches at most its share of the 5/s search budget', async () => {
    const ingest = ingestWith(2);
    const searches = h.calls(SEARCH);
    // Long names fill a search body quickly, so these keys need several searches.
    const many = Array.from({ length: 200 }, (_, i) => invoice(`M-X${i}`, { name: `Onbekende Klant Met Een Heel Lange Naam Nummer ${i} BV` }));
    expect(await ingest.ingestInvoices(h.portalId, many)).toMatchObject({ received: 200, unmatched: 200 });
    expect(h.calls(SEARCH) - searches).toBe(2);
  });
});
