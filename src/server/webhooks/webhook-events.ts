import { z } from 'zod';

/** HubSpot sends at most 100 events per request (reference §6); more is not HubSpot. */
export const MAX_EVENTS_PER_REQUEST = 100;

const numericId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,20}$/)]).transform(String);

/**
 * One event of a webhook POST (reference §6). Only the fields we act on are validated; HubSpot may add more.
 * `propertyValue` is read by nobody: it can be an e-mail address or phone number, so it is never kept.
 */
export const HubSpotWebhookEvent = z.object({
  eventId: numericId,
  portalId: numericId,
  subscriptionType: z.string().regex(/^[a-z_]+\.[A-Za-z]+$/),
  objectId: numericId.optional(),
  propertyName: z.string().max(200).optional(),
  /** Generic object.* events: the object type, e.g. 0-27 for tasks. */
  objectTypeId: z.string().regex(/^\d{1,4}-\d{1,12}$/).optional(),
  /** Merge events: the records merged into objectId. */
  mergedObjectIds: z.array(numericId).max(1000).optional(),
  attemptNumber: z.number().int().nonnegative().optional(),
});
export type HubSpotWebhookEvent = z.output<typeof HubSpotWebhookEvent>;

export const HubSpotWebhookBatch = z.array(HubSpotWebhookEvent).max(MAX_EVENTS_PER_REQUEST);

/** What a queued job carries per event: ids and names only (BullMQ stores job data in clear text). */
export const QueuedWebhookEvent = z.object({
  eventId: z.string().regex(/^\d+$/),
  subscriptionType: z.string(),
  objectId: z.string().regex(/^\d+$/).optional(),
  propertyName: z.string().optional(),
  objectTypeId: z.string().optional(),
  mergedObjectIds: z.array(z.string().regex(/^\d+$/)).optional(),
}).strict();
export type QueuedWebhookEvent = z.infer<typeof QueuedWebhookEvent>;

export const WebhookJob = z.object({
  portalId: z.string().regex(/^\d+$/),
  events: z.array(QueuedWebhookEvent).min(1).max(MAX_EVENTS_PER_REQUEST),
}).strict();
export type WebhookJob = z.infer<typeof WebhookJob>;

export function toQueued(e: HubSpotWebhookEvent): QueuedWebhookEvent {
  return {
    eventId: e.eventId, subscriptionType: e.subscriptionType,
    ...(e.objectId !== undefined ? { objectId: e.objectId } : {}),
    ...(e.propertyName !== undefined ? { propertyName: e.propertyName } : {}),
    ...(e.objectTypeId !== undefined ? { objectTypeId: e.objectTypeId } : {}),
    ...(e.mergedObjectIds !== undefined ? { mergedObjectIds: e.mergedObjectIds } : {}),
  };
}
