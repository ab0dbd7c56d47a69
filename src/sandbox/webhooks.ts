import type { ChangeEvent, Portal, SandboxState } from './state';
import {
  defaultSubscriptions, eventsFor, privacyDeletionEvent, validateSubscription,
  type NumberedSubscription, type WebhookEvent, type WebhookSubscription,
} from './webhooks/events';
import { webhookSignatureHeaders } from './webhooks/sign';

export type { WebhookEvent, WebhookSubscription } from './webhooks/events';

/**
 * HubSpot's retry pattern: up to 10 retries spread over about a day (reference §6). Tests pass a
 * compressed schedule in milliseconds.
 */
export const HUBSPOT_RETRY_SCHEDULE_MS = [60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 21_600_000, 28_800_000];

export interface WebhookDeliveryOptions {
  targetUrl: string;
  clientSecret: string;
  appId: number;
  subscriptions?: WebhookSubscription[];
  retryScheduleMs?: number[];
  /** ± fraction applied to each retry wait, like HubSpot's jitter. */
  jitter?: number;
  timeoutMs?: number;
  maxBatch?: number;
  flushIntervalMs?: number;
}

export interface DeliveryAttempt {
  batchId: number;
  portalId: number;
  attemptNumber: number;
  eventIds: number[];
  ok: boolean;
  status?: number;
  error?: string;
  durationMs: number;
  at: number;
}

export interface WebhookDelivery {
  readonly options: Readonly<Required<Omit<WebhookDeliveryOptions, 'clientSecret'>>>;
  /** Every attempt, in order (a batch retried twice appears three times). */
  readonly deliveries: readonly DeliveryAttempt[];
  /** Batches that failed every attempt. */
  readonly exhausted: readonly { batchId: number; events: WebhookEvent[] }[];
  enqueuePrivacyDeletion(portalId: number, contactId: string): void;
  /** Sends everything queued now and waits until it is delivered (and, by default, retried) or given up. */
  flush(opts?: { waitForRetries?: boolean }): Promise<void>;
  stop(): void;
}

export function startWebhookDelivery(state: SandboxState, opts: WebhookDeliveryOptions): WebhookDelivery {
  const url = new URL(opts.targetUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('targetUrl must be an http(s) URL');
  if (!opts.clientSecret) throw new Error('clientSecret is required to sign webhook requests');
  if (!Number.isInteger(opts.appId) || opts.appId <= 0) throw new Error('appId must be a positive integer');
  const subs = (opts.subscriptions ?? defaultSubscriptions()).map((s, i): NumberedSubscription => {
    validateSubscription(s);
    return { ...s, id: i + 1 };
  });
  const options = {
    targetUrl: opts.targetUrl, appId: opts.appId, subscriptions: subs,
    retryScheduleMs: opts.retryScheduleMs ?? HUBSPOT_RETRY_SCHEDULE_MS, jitter: opts.jitter ?? 0.2,
    timeoutMs: opts.timeoutMs ?? 5000, maxBatch: Math.min(100, Math.max(1, opts.maxBatch ?? 100)), flushIntervalMs: opts.flushIntervalMs ?? 50,
  };
  const queue: WebhookEvent[] = [];
  const deliveries: DeliveryAttempt[] = [];
  const exhausted: { batchId: number; events: WebhookEvent[] }[] = [];
  const inFlight = new Set<Promise<void>>();
  const retryTimers = new Set<NodeJS.Timeout>();
  const listeners = new Map<Portal, (change: ChangeEvent) => void>();
  let nextBatchId = 1;
  let stopped = false;

  const attach = (): void => {
    for (const portal of state.portals.values()) {
      if (listeners.has(portal)) continue;
      const listener = (change: ChangeEvent): void => { queue.push(...eventsFor(change, subs, options.appId)); };
      portal.changes.on('change', listener);
      listeners.set(portal, listener);
    }
  };

  const send = (batchId: number, events: WebhookEvent[], attemptNumber: number): void => {
    const work = (async () => {
      const body = JSON.stringify(events.map((e) => ({ ...e, attemptNumber })));
      const started = Date.now();
      const record: DeliveryAttempt = { batchId, portalId: events[0]?.portalId ?? 0, attemptNumber, eventIds: events.map((e) => e.eventId), ok: false, durationMs: 0, at: started };
      try {
        const res = await fetch(options.targetUrl, {
          method: 'POST', body, signal: AbortSignal.timeout(options.timeoutMs),
          headers: { 'Content-Type': 'application/json', 'User-Agent': 'HubSpot Webhooks', ...webhookSignatureHeaders(opts.clientSecret, options.targetUrl, body, started) },
        });
        await res.arrayBuffer().catch(() => undefined);
        record.status = res.status;
        record.ok = res.status >= 200 && res.status < 300;
      } catch (err) {
        record.error = (err as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : `connection failed: ${(err as Error).message}`;
      }
      record.durationMs = Date.now() - started;
      deliveries.push(record);
      if (record.ok) return;
      const wait = options.retryScheduleMs[attemptNumber];
      if (wait === undefined || stopped) return void exhausted.push({ batchId, events });
      const jittered = Math.max(0, Math.round(wait * (1 + (Math.random() * 2 - 1) * options.jitter)));
      const timer = setTimeout(() => { retryTimers.delete(timer); if (!stopped) send(batchId, events, attemptNumber + 1); }, jittered);
      retryTimers.add(timer);
    })();
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  const dispatch = (): void => {
    attach();
    // One POST carries events of one portal only, at most maxBatch of them.
    while (queue.length > 0) {
      const portalId = (queue[0] as WebhookEvent).portalId;
      const batch: WebhookEvent[] = [];
      for (let i = 0; i < queue.length && batch.length < options.maxBatch;) {
        if ((queue[i] as WebhookEvent).portalId === portalId) batch.push(...queue.splice(i, 1));
        else i++;
      }
      send(nextBatchId++, batch, 0);
    }
  };

  attach();
  const interval = setInterval(dispatch, options.flushIntervalMs);
  interval.unref();

  return {
    options: { ...options, subscriptions: subs },
    deliveries,
    exhausted,
    enqueuePrivacyDeletion(portalId, contactId) {
      queue.push(...privacyDeletionEvent(subs, portalId, contactId, options.appId));
    },
    async flush({ waitForRetries = true } = {}) {
      dispatch();
      while (inFlight.size > 0 || (waitForRetries && retryTimers.size > 0) || queue.length > 0) {
        await Promise.race([...inFlight, new Promise((r) => setTimeout(r, 5))]);
        if (queue.length > 0) dispatch();
      }
    },
    stop() {
      stopped = true;
      clearInterval(interval);
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      for (const [portal, listener] of listeners) portal.changes.off('change', listener);
      listeners.clear();
    },
  };
}
