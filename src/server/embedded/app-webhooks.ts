import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { WebhookSubscription } from '../../sandbox/webhooks';

const Subscription = z.object({
  subscriptionType: z.string().min(1),
  propertyName: z.string().min(1).optional(),
  objectType: z.string().min(1).optional(),
  active: z.boolean().default(true),
});
const WebhooksMeta = z.object({
  config: z.object({
    subscriptions: z.object({
      legacyCrmObjects: z.array(Subscription).default([]),
      hubEvents: z.array(Subscription).default([]),
    }),
  }),
});

/** The app's webhook component, exactly what HubSpot builds and delivers for an installed app. */
export const WEBHOOKS_HSMETA_URL = new URL('../../app/webhooks/webhooks-hsmeta.json', import.meta.url);

/** The app's subscriptions, so the embedded sandbox delivers what HubSpot would deliver, and nothing more. */
export function readAppSubscriptions(file: URL | string = WEBHOOKS_HSMETA_URL): WebhookSubscription[] {
  const { legacyCrmObjects, hubEvents } = WebhooksMeta.parse(JSON.parse(readFileSync(file, 'utf8'))).config.subscriptions;
  return [...legacyCrmObjects, ...hubEvents].map((s) => ({
    subscriptionType: s.subscriptionType, active: s.active, ...(s.propertyName ? { propertyName: s.propertyName } : {}),
  }));
}
