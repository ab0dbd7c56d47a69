import type { Redis } from 'ioredis';
import type { PortalRegistry } from '../portals/portal-registry';
import { toQueued, type HubSpotWebhookEvent, type WebhookJob } from './webhook-events';

/** HubSpot retries for about 24 h (reference §6); remembering event ids for 48 h covers every retry. */
export const SEEN_TTL_SECONDS = 48 * 3600;

export interface ReceiveSummary {
  readonly queued: number;
  readonly duplicates: number;
  /** Events of portals that are not installed: acknowledged and dropped. */
  readonly ignored: number;
}

export interface WebhookReceiverDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly portals: Pick<PortalRegistry, 'get'>;
  readonly enqueue: (job: WebhookJob) => Promise<void>;
}

export type ReceiveWebhookEvents = (events: readonly HubSpotWebhookEvent[]) => Promise<ReceiveSummary>;

/**
 * The fast half of the receiver pattern (perf-reliability §5.1): dedupe by eventId with SET NX, enqueue one
 * job per portal, return. Processing happens in the worker.
 *
 * Unknown portal → acknowledged and ignored: retrying cannot make it known (an uninstalled portal's events
 * are noise, and a portal that installs later gets a full first sync anyway).
 */
export function createWebhookReceiver(deps: WebhookReceiverDeps): ReceiveWebhookEvents {
  const seenKey = (portalId: string, eventId: string) => `${deps.prefix}:p:${portalId}:webhooks:seen:${eventId}`;

  return async (events) => {
    let queued = 0, ignored = 0;
    for (const [portalId, ofPortal] of groupByPortal(events)) {
      if (!(await deps.portals.get(portalId))) {
        ignored += ofPortal.length;
        continue;
      }
      const tx = deps.redis.multi();
      for (const e of ofPortal) tx.set(seenKey(portalId, e.eventId), '1', 'EX', SEEN_TTL_SECONDS, 'NX');
      const marks = (await tx.exec()) ?? [];
      const fresh = ofPortal.filter((_, i) => marks[i]?.[1] === 'OK');
      if (fresh.length === 0) continue;
      try {
        await deps.enqueue({ portalId, events: fresh.map(toQueued) });
      } catch (err) {
        // Not queued → not seen: HubSpot's retry of this delivery must get through.
        await deps.redis.del(...fresh.map((e) => seenKey(portalId, e.eventId)));
        throw err;
      }
      queued += fresh.length;
    }
    return { queued, ignored, duplicates: events.length - queued - ignored };
  };
}

function groupByPortal(events: readonly HubSpotWebhookEvent[]): Map<string, HubSpotWebhookEvent[]> {
  const groups = new Map<string, HubSpotWebhookEvent[]>();
  const seenInBatch = new Set<string>();
  for (const e of events) {
    // The same event twice inside one POST counts once, like across POSTs.
    if (seenInBatch.has(`${e.portalId}/${e.eventId}`)) continue;
    seenInBatch.add(`${e.portalId}/${e.eventId}`);
    const list = groups.get(e.portalId) ?? [];
    list.push(e);
    groups.set(e.portalId, list);
  }
  return groups;
}
