import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCallScript } from '../../../../src/domain/call-script';
import { PreferencesVM } from '../../../../src/contracts/actions';
import { testRedis } from '../../../support/redis';
import { invoice, signed, startActionsFixture, type ActionsFixture } from './fixture';

let redis: Redis;
let f: ActionsFixture;
const path = () => `/api/cards/preferences?portalId=${f.portalId}&companyId=${f.companyId}`;
const valid = () => ({
  channels: ['whatsapp', 'phone', 'email'], accountsPayableContactId: f.contactId, callWindows: [{ weekday: 2, fromHour: 9, toHour: 12 }],
  language: 'en', customerType: 'business', pauses: [{ reason: 'Holiday', from: '2026-11-23', until: '2026-12-04' }],
  optOut: { until: '2026-12-31', reason: 'Asked for a break' },
});

beforeAll(async () => {
  redis = testRedis();
  f = await startActionsFixture(redis, buildCallScript);
  await f.ledger.upsertInvoices(f.portalId, [invoice(f.companyId)]);
});
afterAll(async () => {
  await f.close();
  await redis.quit();
});

describe('/api/cards/preferences', () => {
  it('when nothing was saved, then the default profile comes back (phone, e-mail, Dutch, business)', async () => {
    const res = await signed(f.app, 'GET', path());
    expect(res.status).toBe(200);
    const vm = PreferencesVM.parse(res.body);
    expect(vm.preferences).toMatchObject({ channels: ['phone', 'email'], language: 'nl', customerType: 'business', pauses: [] });
    expect(vm.suggestion).toBeNull();
  });

  it('when preferences are saved, then the company properties in HubSpot and the ledger profile both hold them', async () => {
    const res = await signed(f.app, 'PUT', path(), valid());
    expect(res.status).toBe(200);
    expect(PreferencesVM.parse(res.body).preferences.channels).toEqual(['whatsapp', 'phone', 'email']);
    const company = await f.client.crm.companies.basicApi.getById(f.companyId, [
      'rd_preferred_channels', 'rd_ap_contact_id', 'rd_call_times', 'rd_language', 'rd_customer_type', 'rd_opt_out_until', 'rd_paused_until',
    ]);
    expect(company.properties).toMatchObject({
      rd_preferred_channels: 'whatsapp;phone;email', rd_ap_contact_id: f.contactId, rd_call_times: '2 09-12', rd_language: 'en', rd_customer_type: 'business',
    });
    expect(new Date(Number(company.properties.rd_opt_out_until) || company.properties.rd_opt_out_until!).toISOString().slice(0, 10)).toBe('2026-12-31');
    const profile = (await f.ledger.getCustomerLedger(f.portalId, f.companyId))!.profile;
    expect(profile).toMatchObject({ channels: ['whatsapp', 'phone', 'email'], accountsPayableContactId: f.contactId, language: 'en', optOut: { since: '2026-11-23', until: '2026-12-31' } });
    expect(profile.pauses).toEqual([{ reason: 'Holiday', from: '2026-11-23', until: '2026-12-04' }]);
    expect((await signed(f.app, 'GET', path())).body.preferences.channels).toEqual(['whatsapp', 'phone', 'email']);
  });

  it('when a pause ends in the past, a channel repeats or the AP contact is not associated, then 422 names each field and nothing changes', async () => {
    const before = (await f.ledger.getCustomerLedger(f.portalId, f.companyId))!.profile;
    const res = await signed(f.app, 'PUT', path(), {
      ...valid(), channels: ['phone', 'phone'], decisionMakerContactId: '999999',
      pauses: [{ reason: 'Old', from: '2026-11-01', until: '2026-11-10' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.fieldErrors).toMatchObject({
      channels: { code: 'duplicate_channel' }, 'pauses.0.until': { code: 'date_in_past' }, decisionMakerContactId: { code: 'contact_not_associated' },
    });
    expect((await f.ledger.getCustomerLedger(f.portalId, f.companyId))!.profile).toEqual(before);
  });

  it('when the outcomes say WhatsApp answers and phone does not, then the card is told and a change is suggested', async () => {
    await f.ledger.saveProfile(f.portalId, { ...(await f.ledger.getCustomerLedger(f.portalId, f.companyId))!.profile, channels: ['phone', 'whatsapp'] });
    const rec = (key: string, channel: 'phone' | 'whatsapp', outcome: 'reached' | 'not_reached' | 'replied') =>
      ({ key, companyId: f.companyId, kind: 'call' as const, channel, doneAt: '2026-11-10T10:00:00.000Z', outcome, invoiceExternalIds: [] });
    await f.ledger.recordActions(f.portalId, [rec('a1', 'phone', 'not_reached'), rec('a2', 'phone', 'not_reached'), rec('a3', 'whatsapp', 'replied'), rec('a4', 'whatsapp', 'replied')]);
    const vm = PreferencesVM.parse((await signed(f.app, 'GET', path())).body);
    expect(vm.responses).toEqual(expect.arrayContaining([{ channel: 'phone', attempts: 2, responses: 0 }, { channel: 'whatsapp', attempts: 2, responses: 2 }]));
    expect(vm.suggestion).toEqual({ channel: 'whatsapp', instead: 'phone' });
  });
});
