import { afterEach, describe, expect, it } from 'vitest';
import { Signature } from '@hubspot/api-client';
import { SandboxState } from '../../../src/sandbox/state';
import { startWebhookDelivery, type WebhookDelivery, type WebhookEvent } from '../../../src/sandbox/webhooks';
import { startReceiver } from './receiver';

const SECRET = 'wh-secret-0123456789';
const cleanups: (() => unknown)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0)) await c(); });

async function setup(answer?: Parameters<typeof startReceiver>[0], opts: Partial<Parameters<typeof startWebhookDelivery>[1]> = {}) {
  const state = new SandboxState();
  const portal = state.createPortal();
  const receiver = await startReceiver(answer);
  const delivery: WebhookDelivery = startWebhookDelivery(state, { targetUrl: receiver.url, clientSecret: SECRET, appId: 777, ...opts });
  cleanups.push(() => delivery.stop(), () => receiver.close());
  return { state, portal, receiver, delivery };
}

const events = (body: string): WebhookEvent[] => JSON.parse(body) as WebhookEvent[];

describe('webhook delivery', () => {
  it('when a company is created and changed, then HubSpot-shaped events arrive signed (v3 and v1) and verify with the api-client Signature helper', async () => {
    const { portal, receiver, delivery } = await setup();
    const company = portal.createObject('companies', { name: 'Acme B.V.' });
    portal.updateObject('companies', company.id, { domain: 'acme.nl' });
    await delivery.flush();

    const sent = receiver.received.flatMap((r) => events(r.body));
    const creation = sent.find((e) => e.subscriptionType === 'company.creation');
    expect(creation).toMatchObject({ portalId: portal.hubId, appId: 777, objectId: Number(company.id), attemptNumber: 0, changeFlag: 'CREATED', changeSource: 'API' });
    expect(sent.find((e) => e.subscriptionType === 'company.propertyChange' && e.propertyName === 'domain')).toMatchObject({ propertyValue: 'acme.nl' });
    for (const r of receiver.received) {
      const timestamp = Number(r.headers['x-hubspot-request-timestamp']);
      expect(Signature.isValid({
        signatureVersion: 'v3', signature: r.headers['x-hubspot-signature-v3'] as string, clientSecret: SECRET,
        requestBody: r.body, url: receiver.url, method: 'POST', timestamp,
      })).toBe(true);
      expect(Signature.isValid({ signatureVersion: 'v1', signature: r.headers['x-hubspot-signature'] as string, clientSecret: SECRET, requestBody: r.body })).toBe(true);
      expect(Signature.isValid({
        signatureVersion: 'v3', signature: r.headers['x-hubspot-signature-v3'] as string, clientSecret: 'wrong-secret',
        requestBody: r.body, url: receiver.url, method: 'POST', timestamp,
      })).toBe(false);
    }
  });

  it('when 250 companies are created, then they arrive in POSTs of at most 100 events, each exactly once', async () => {
    const { portal, receiver, delivery } = await setup(undefined, { subscriptions: [{ subscriptionType: 'company.creation' }], flushIntervalMs: 10_000 });
    for (let i = 0; i < 250; i++) portal.createObject('companies', { name: `Firm ${i}` });
    await delivery.flush();
    const sizes = receiver.received.map((r) => events(r.body).length);
    expect(sizes).toEqual([100, 100, 50]);
    const ids = receiver.received.flatMap((r) => events(r.body).map((e) => e.eventId));
    expect(new Set(ids).size).toBe(250);
  });

  it('when the endpoint answers 500 twice, then the same batch is retried on the schedule with a rising attemptNumber', async () => {
    const { portal, receiver, delivery } = await setup((i) => ({ status: i < 2 ? 500 : 200 }), { retryScheduleMs: [20, 20, 20], jitter: 0 });
    portal.createObject('contacts', { email: 'a@b.nl' });
    await delivery.flush();
    expect(receiver.received).toHaveLength(3);
    const bodies = receiver.received.map((r) => events(r.body));
    expect(bodies.map((b) => b[0]?.attemptNumber)).toEqual([0, 1, 2]);
    expect(new Set(bodies.map((b) => b[0]?.eventId)).size).toBe(1);
    expect(bodies[0]?.[0]?.subscriptionType).toBe('contact.creation');
    expect(delivery.deliveries.map((d) => d.ok)).toEqual([false, false, true]);
  });

  it('when the endpoint answers slower than the timeout, then the delivery counts as failed and is retried', async () => {
    const { portal, receiver, delivery } = await setup((i) => ({ status: 200, delayMs: i === 0 ? 2000 : 0 }), { retryScheduleMs: [10], jitter: 0, timeoutMs: 600 });
    portal.createObject('deals', { dealname: 'Jaarorder' });
    await delivery.flush();
    expect(delivery.deliveries[0]).toMatchObject({ ok: false, error: 'no answer within 600 ms' });
    expect(delivery.deliveries[1]).toMatchObject({ ok: true, attemptNumber: 1 });
    expect(receiver.received).toHaveLength(2);
  });

  it('when every attempt fails, then the batch is given up after the last scheduled retry', async () => {
    const { portal, receiver, delivery } = await setup(() => ({ status: 503 }), { retryScheduleMs: [5, 5], jitter: 0 });
    portal.createObject('tickets', { subject: 'Vraag over factuur' });
    await delivery.flush();
    expect(receiver.received).toHaveLength(3);
    expect(delivery.exhausted).toHaveLength(1);
  });

  it('when a meeting changes or a contact is privacy-deleted, then generic object.* (0-47) and contact.privacyDeletion events are sent; filtered properties are not', async () => {
    const { portal, receiver, delivery } = await setup(undefined, {
      subscriptions: [
        { subscriptionType: 'object.creation', objectTypeId: '0-47' },
        { subscriptionType: 'company.propertyChange', propertyName: 'name' },
        { subscriptionType: 'contact.privacyDeletion' },
      ],
    });
    const meeting = portal.createObject('meetings', { hs_meeting_title: 'Betalingsafspraak', hs_timestamp: new Date().toISOString() });
    const company = portal.createObject('companies', { name: 'Old' });
    portal.updateObject('companies', company.id, { name: 'New', city: 'Utrecht' });
    delivery.enqueuePrivacyDeletion(portal.hubId, '12');
    await delivery.flush();
    const sent = receiver.received.flatMap((r) => events(r.body));
    expect(sent.map((e) => e.subscriptionType).sort()).toEqual(['company.propertyChange', 'contact.privacyDeletion', 'object.creation']);
    expect(sent.find((e) => e.subscriptionType === 'object.creation')).toMatchObject({ objectTypeId: '0-47', objectId: Number(meeting.id) });
    expect(sent.find((e) => e.subscriptionType === 'company.propertyChange')).toMatchObject({ propertyName: 'name', propertyValue: 'New' });
  });

  it('when configured with a bad subscription or target, then it refuses to start', () => {
    const state = new SandboxState();
    expect(() => startWebhookDelivery(state, { targetUrl: 'ftp://x', clientSecret: SECRET, appId: 1 })).toThrow(/http/);
    expect(() => startWebhookDelivery(state, { targetUrl: 'http://x', clientSecret: SECRET, appId: 1, subscriptions: [{ subscriptionType: 'object.creation' }] })).toThrow(/objectTypeId/);
    expect(() => startWebhookDelivery(state, { targetUrl: 'http://x', clientSecret: SECRET, appId: 1, subscriptions: [{ subscriptionType: 'invoice.creation' }] })).toThrow(/unsupported/);
  });
});
