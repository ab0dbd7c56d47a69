import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookDelivery } from '../../../../src/sandbox/webhooks';
import { APP_ID, startWebhookFixture, type WebhookFixture } from '../../webhooks/webhook-fixture';

let nextEventId = 9_000_000;
const event = (portalId: number, over: Record<string, unknown> = {}) => ({
  eventId: nextEventId++, subscriptionId: 1, portalId, appId: APP_ID, occurredAt: Date.now(), subscriptionType: 'contact.propertyChange',
  attemptNumber: 0, objectId: 501, changeSource: 'CRM', propertyName: 'email', propertyValue: 'someone@example.test', ...over,
});

describe('POST /webhooks/hubspot', () => {
  let f: WebhookFixture;
  let hubId: number;
  beforeAll(async () => { f = await startWebhookFixture(); hubId = f.h.hub.hubId; });
  afterAll(async () => { await f.close(); });

  it('when the sandbox delivers signed events for a change, then every delivery gets 204 and the events are queued', async () => {
    const delivery = startWebhookDelivery(f.h.sandbox.state, { targetUrl: f.targetUrl, clientSecret: f.secret, appId: APP_ID, retryScheduleMs: [] });
    try {
      f.h.hub.createObject('companies', { name: 'Delivered BV', domain: 'delivered.example' });
      await delivery.flush();
      expect(delivery.deliveries.length).toBeGreaterThan(0);
      expect(delivery.deliveries.every((d) => d.status === 204)).toBe(true);
      await f.drain();
      const queuedIds = f.processed.flatMap((p) => p.job.events.map((e) => e.eventId));
      expect(queuedIds).toEqual(expect.arrayContaining(delivery.deliveries.flatMap((d) => d.eventIds.map(String))));
    } finally {
      delivery.stop();
    }
  });

  it('when the sandbox signs with another secret, then every delivery gets 401 and nothing is queued', async () => {
    const before = f.processed.length;
    const delivery = startWebhookDelivery(f.h.sandbox.state, { targetUrl: f.targetUrl, clientSecret: 'not-our-secret', appId: APP_ID, retryScheduleMs: [] });
    try {
      f.h.hub.createObject('companies', { name: 'Forged BV' });
      await delivery.flush();
      expect(delivery.deliveries.length).toBeGreaterThan(0);
      expect(delivery.deliveries.every((d) => d.status === 401)).toBe(true);
    } finally {
      delivery.stop();
    }
    await f.drain();
    expect(f.processed.length).toBe(before);
  });

  it('when the body was changed after signing, then 401', async () => {
    const signed = JSON.stringify([event(hubId)]);
    const res = await f.post(signed.replace('"objectId":501', '"objectId":502'), { signedBody: signed });
    expect(res.status).toBe(401);
  });

  it('when HubSpot retries a delivery (same eventId, next attemptNumber), then it is acknowledged twice and processed once', async () => {
    const e = event(hubId, { subscriptionType: 'company.propertyChange', propertyName: 'name', propertyValue: 'X' });
    expect((await f.post(JSON.stringify([e]))).status).toBe(204);
    // The retry comes together with a new event (HubSpot batches freely): only the new one is queued.
    const next = event(hubId, { subscriptionType: 'company.creation', propertyName: undefined });
    expect((await f.post(JSON.stringify([{ ...e, attemptNumber: 1 }, next, e]))).status).toBe(204);
    await f.drain();
    const times = (id: number) => f.processed.flatMap((p) => p.job.events).filter((q) => q.eventId === String(id)).length;
    expect(times(e.eventId)).toBe(1);
    expect(times(next.eventId)).toBe(1);
    const ttl = await f.h.redis.ttl(`${f.h.prefix}:p:${hubId}:webhooks:seen:${e.eventId}`);
    expect(ttl).toBeGreaterThanOrEqual(24 * 3600);
  });

  it('when a queued event carried a property value, then the job keeps ids and names only (no personal data in BullMQ)', async () => {
    const e = event(hubId);
    expect((await f.post(JSON.stringify([e]))).status).toBe(204);
    await f.drain();
    const job = f.processed.find((p) => p.job.events.some((q) => q.eventId === String(e.eventId)))!;
    expect(JSON.stringify(job.job)).not.toContain('someone@example.test');
  });

  it('when a signed request has more than 100 events, is not JSON, or has a malformed event, then 400', async () => {
    const many = Array.from({ length: 101 }, () => event(hubId));
    expect((await f.post(JSON.stringify(many))).status).toBe(400);
    expect((await f.post('[{"eventId": 1,')).status).toBe(400);
    expect((await f.post(JSON.stringify([{ ...event(hubId), eventId: 'abc' }]))).status).toBe(400);
    expect((await f.post(JSON.stringify({ not: 'an array' }))).status).toBe(400);
  });

  it('when an unsigned request is not even JSON, then the signature check answers first (401, not 400)', async () => {
    const res = await fetch(f.targetUrl, { method: 'POST', body: 'not json', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(401);
  });

  it('when the events belong to a portal that is not installed, then they are acknowledged (204) and ignored', async () => {
    const before = f.processed.length;
    expect((await f.post(JSON.stringify([event(99_999_999)]))).status).toBe(204);
    await f.drain();
    expect(f.processed.length).toBe(before);
  });
});
