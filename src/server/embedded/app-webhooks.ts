import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { WebhookSubscription } from '../../sandbox/webhooks';
import { OBJECT_TYPE_IDS } from '../../sandbox/webhooks/events';

const Subscription = z.object({
  subscriptionType: z.string().min(1),
  propertyName: z.string().min(1).optional(),
  objectType: z.string().min(1).optional(),
  active: z.boolean().default(true),
});
const WebhooksMeta = z.object({
  config: z.object({
    subscriptions: z.object({
      crmObjects: z.array(Subscription).default([]),
      legacyCrmObjects: z.array(Subscription).default([]),
      hubEvents: z.array(Subscription).default([]),
    }),
  }),
});

/** A generic subscription names its object ('task'); the sandbox, like HubSpot's payloads, knows it by type id. */
function objectTypeId(objectType: string): string {
  const plural = objectType === 'company' ? 'companies' : `${objectType}s`;
  const id = (OBJECT_TYPE_IDS as Record<string, string | undefined>)[plural];
  if (!id) throw new Error(`webhooks-hsmeta.json: unknown objectType "${objectType}"`);
  return id;
}

/** The app's webhook component, exactly what HubSpot builds and delivers for an installed app. */
export const WEBHOOKS_HSMETA_URL = new URL('../../app/webhooks/webhooks-hsmeta.json', import.meta.url);

/** The app's subscriptions, so the embedded sandbox delivers what HubSpot would deliver, and nothing more. */
export function readAppSubscriptions(file: URL | string = WEBHOOKS_HSMETA_URL): WebhookSubscription[] {
  const { crmObjects, legacyCrmObjects, hubEvents } = WebhooksMeta.parse(JSON.parse(readFileSync(file, 'utf8'))).config.subscriptions;
  return [...crmObjects, ...legacyCrmObjects, ...hubEvents].map((s) => ({
    subscriptionType: s.subscriptionType, active: s.active, ...(s.propertyName ? { propertyName: s.propertyName } : {}),
    ...(s.objectType ? { objectTypeId: objectTypeId(s.objectType) } : {}),
  }));
}
