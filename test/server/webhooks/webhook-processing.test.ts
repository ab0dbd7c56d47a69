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

  it('when a company is created in HubSpot, then it enters the company index without a new listing, and the sync is asked to re-match', async () => {
    const { portalId } = f.h;
    await f.companyIndex.get(portalId);
    const listings = () => f.h.calls(/^GET \/crm\/v3\/objects\/companies$/);
    const listed = listings();
    const created = f.h.hub.createObject('companies', { name: 'Nieuwe Klant BV', domain: 'nieuweklant.example' });
    await deliverAndProcess();
    const after = await f.companyIndex.get(portalId);
    expect(after!.ids).toHaveProperty(created.id);
    expect(after!.keys.domain['nieuweklant.example']).toEqual([created.id]);
    expect(listings()).toBe(listed);
    expect(f.refreshes).toContain(portalId);
  });

  it('when a company\'s domain changes or it is deleted in HubSpot, then the index follows', async () => {
    const { portalId } = f.h;
    const created = f.h.hub.createObject('companies', { name: 'Wisselt BV', domain: 'oud.example' });
    await deliverAndProcess();
    f.h.hub.updateObject('companies', created.id, { domain: 'nieuw.example' });
    await deliverAndProcess();
    let index = (await f.companyIndex.get(portalId))!;
    expect(index.keys.domain['nieuw.example']).toEqual([created.id]);
    expect(index.keys.domain['oud.example']).toBeUndefined();
    f.h.hub.archive('companies', created.id);
    await deliverAndProcess();
    index = (await f.companyIndex.get(portalId))!;
    expect(index.ids).not.toHaveProperty(created.id);
  });

  it('when a company with a ledger is merged into another, then its documents are filed under the survivor and nothing is lost', async () => {
    const { portalId } = f.h;
    const [primary, merged] = f.h.companyIds as [string, string];
    await f.h.ledger.upsertInvoices(portalId, [invoiceFor(primary, 1, '2026-10-01'), invoiceFor(merged, 1, '2026-10-01')]);
    await f.h.ledger.takeDirtyCompanies(portalId);
    f.h.hub.merge('companies', primary, merged);
    await deliverAndProcess();
    expect(await f.h.ledger.takeDirtyCompanies(portalId)).toEqual([primary, merged].sort());
    expect(await f.h.ledger.getCustomerLedger(portalId, merged)).toBeUndefined();
    const survivor = (await f.h.ledger.getCustomerLedger(portalId, primary))!;
    expect(survivor.invoices.map((i) => [i.externalId, i.companyId]).sort()).toEqual([[`inv-${merged}-1`, primary], [`inv-${primary}-1`, primary]].sort());
    expect(await f.h.ledger.findInvoiceCompanies(portalId, [`inv-${merged}-1`])).toEqual([primary]);
    expect((await f.companyIndex.get(portalId))!.ids).not.toHaveProperty(merged);
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

describe('which company property changes reach the company index', () => {
  const processWith = () => {
    const read: string[] = [];
    const dirty: string[] = [];
    const process = createWebhookProcessor({
      companyIndex: { upsert: async () => undefined, remove: async () => undefined },
      readCompanies: async (_portalId, ids) => { read.push(...ids); return ids.map((id) => ({ id })); },
      ledger: {
        getCustomerLedger: async (_p, id) => ({ companyId: id }) as never, markDirty: async (_p, ids) => { dirty.push(...ids); },
        forgetContact: async () => [], moveCompany: async () => false,
      },
      claims: { moveOpenTasks: async () => undefined },
      requestRefresh: async () => undefined,
    });
    return { read, dirty, process };
  };
  const change = (propertyName: string) =>
    ({ portalId: '42', events: [{ eventId: '1', subscriptionType: 'company.propertyChange', objectId: '7', propertyName }] });

  it('when a property matching reads changes (the schema\'s names), then the company is read again; the owner marks its ledger dirty; others do nothing', async () => {
    for (const name of MATCHING_PROPERTY_NAMES) {
      const { read, process } = processWith();
      expect((await process(change(name))).companiesIndexed, name).toBe(1);
      expect(read).toEqual(['7']);
    }
    expect(MATCHING_PROPERTY_NAMES).toEqual(expect.arrayContaining(['name', 'domain', 'rd_vat_number', 'rd_coc_number', 'rd_customer_number']));
    const owner = processWith();
    expect(await owner.process(change('hubspot_owner_id'))).toMatchObject({ companiesIndexed: 1, companiesMarkedDirty: ['7'] });
    const other = processWith();
    expect(await other.process(change('rd_open_balance'))).toMatchObject({ companiesIndexed: 0, companiesMarkedDirty: [] });
    expect(other.read).toEqual([]);
  });
});

describe('task status changes', () => {
  it('when tasks change status (HubSpot\'s generic task events), then their ids go to the letter read-back once each; other task properties do nothing', async () => {
    const asked: string[][] = [];
    const process = createWebhookProcessor({
      companyIndex: { upsert: async () => undefined, remove: async () => undefined },
      readCompanies: async () => [],
      ledger: { getCustomerLedger: async () => undefined, markDirty: async () => undefined, forgetContact: async () => [], moveCompany: async () => false },
      claims: { moveOpenTasks: async () => undefined },
      requestRefresh: async () => undefined,
      tasksChanged: async (_portalId, ids) => { asked.push([...ids]); },
    });
    const task = (eventId: string, objectId: string, propertyName: string, objectTypeId = '0-27') =>
      ({ eventId, subscriptionType: 'object.propertyChange', objectTypeId, objectId, propertyName });
    const outcome = await process({ portalId: '42', events: [
      task('1', '501', 'hs_task_status'), task('2', '501', 'hs_task_status'), task('3', '502', 'hs_task_body'), task('4', '503', 'hs_task_status', '0-46'), task('5', '504', 'hs_task_status'),
    ] });
    expect(asked).toEqual([['501', '504']]);
    expect(outcome.tasksChanged).toBe(2);
  });
});
