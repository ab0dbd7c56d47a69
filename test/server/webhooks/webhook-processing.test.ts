import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionRecord, ContactProfile, PromiseToPay } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { MATCHING_PROPERTY_NAMES } from '../../../src/server/hubspot/crm-schema';
import { defaultProfile } from '../../../src/server/ledger/default-profile';
import { createWebhookProcessor } from '../../../src/server/webhooks/webhook-processor';
import { startWebhookDelivery, type WebhookDelivery } from '../../../src/sandbox/webhooks';
import { invoiceFor } from '../hubspot/harness';
import { APP_ID, startWebhookFixture, type WebhookFixture } from './webhook-fixture';

describe('processing webhook events delivered by the sandbox', () => {
  let f: WebhookFixture;
  let delivery: WebhookDelivery;
  beforeAll(async () => { f = await startWebhookFixture(); });
  beforeEach(() => {
    delivery?.stop();
    delivery = startWebhookDelivery(f.h.sandbox.state, { targetUrl: f.targetUrl, clientSecret: f.secret, appId: APP_ID, retryScheduleMs: [] });
  });
  afterAll(async () => { delivery?.stop(); await f.close(); });

  const deliverAndProcess = async () => {
    await delivery.flush();
    expect(delivery.deliveries.every((d) => d.status === 204)).toBe(true);
    await f.drain();
  };

  it('when a company is created in HubSpot, then the cached company index is dropped and the next match sees the new company', async () => {
    const { portalId } = f.h;
    const before = await f.companyIndex.get(portalId);
    const created = f.h.hub.createObject('companies', { name: 'Nieuwe Klant BV', domain: 'nieuweklant.example' });
    // Without the webhook the cached index would still be served:
    expect(Object.keys((await f.companyIndex.get(portalId))!.ids)).toEqual(Object.keys(before!.ids));
    await deliverAndProcess();
    const after = await f.companyIndex.get(portalId);
    expect(after!.ids).toHaveProperty(created.id);
    expect(after!.keys.domain['nieuweklant.example']).toEqual([created.id]);
  });

  it('when a company with a ledger is merged into another, then both ledgers are marked dirty for the next sync and no document is lost', async () => {
    const { portalId } = f.h;
    const [primary, merged] = f.h.companyIds as [string, string];
    await f.h.ledger.upsertInvoices(portalId, [invoiceFor(primary, 1, '2026-10-01'), invoiceFor(merged, 1, '2026-10-01')]);
    await f.h.ledger.takeDirtyCompanies(portalId);
    f.h.hub.merge('companies', primary, merged);
    await deliverAndProcess();
    expect(await f.h.ledger.takeDirtyCompanies(portalId)).toEqual([primary, merged].sort());
    expect((await f.h.ledger.getCustomerLedger(portalId, merged))!.invoices).toHaveLength(1);
  });

  it('when a contact is deleted for privacy, then its id leaves the profile roles, history and promises, and other contacts stay', async () => {
    const { portalId } = f.h;
    const companyId = f.h.companyIds[0]!;
    const profile: ContactProfile = { ...defaultProfile(companyId), accountsPayableContactId: '7001', decisionMakerContactId: '7002' };
    await f.h.ledger.saveProfile(portalId, profile);
    const action: ActionRecord = { key: 'call-1', companyId, kind: 'call', doneAt: '2026-11-20T10:00:00.000Z', invoiceExternalIds: [], contactId: '7001' };
    const other: ActionRecord = { ...action, key: 'call-2', contactId: '7002' };
    await f.h.ledger.recordActions(portalId, [action, other]);
    const promise: PromiseToPay = { id: 'p-1', companyId, invoiceExternalIds: [], promisedDate: '2026-12-01', amount: money(10_000, 'EUR'), source: 'call', madeOn: '2026-11-20', contactId: '7001' };
    await f.h.ledger.addPromise(portalId, promise);

    delivery.enqueuePrivacyDeletion(f.h.hub.hubId, '7001');
    await deliverAndProcess();

    const ledger = (await f.h.ledger.getCustomerLedger(portalId, companyId))!;
    expect(ledger.profile.accountsPayableContactId).toBeUndefined();
    expect(ledger.profile.decisionMakerContactId).toBe('7002');
    expect(ledger.history.map((a) => [a.key, a.contactId])).toEqual([['call-1', undefined], ['call-2', '7002']]);
    const { contactId: _forgotten, ...promiseWithoutContact } = promise;
    expect(ledger.promises).toEqual([promiseWithoutContact]);
    expect(JSON.stringify(ledger)).not.toContain('7001');
  });
});

describe('which company property changes drop the company index', () => {
  const processWith = () => {
    const invalidated: string[] = [];
    const process = createWebhookProcessor({
      companyIndex: { invalidate: async (portalId) => { invalidated.push(portalId); } },
      ledger: { getCustomerLedger: async () => undefined, markDirty: async () => undefined, forgetContact: async () => [] },
    });
    return { invalidated, process };
  };
  const change = (propertyName: string) =>
    ({ portalId: '42', events: [{ eventId: '1', subscriptionType: 'company.propertyChange', objectId: '7', propertyName }] });

  it('when a property matching reads changes (the schema\'s names), then the index is dropped; any other property leaves it', async () => {
    for (const name of MATCHING_PROPERTY_NAMES) {
      const { invalidated, process } = processWith();
      expect((await process(change(name))).indexInvalidated, name).toBe(true);
      expect(invalidated).toEqual(['42']);
    }
    expect(MATCHING_PROPERTY_NAMES).toEqual(expect.arrayContaining(['name', 'domain', 'rd_vat_number', 'rd_coc_number', 'rd_customer_number']));
    const { invalidated, process } = processWith();
    expect((await process(change('hubspot_owner_id'))).indexInvalidated).toBe(false);
    expect((await process(change('rd_open_balance'))).indexInvalidated).toBe(false);
    expect(invalidated).toEqual([]);
  });
});
