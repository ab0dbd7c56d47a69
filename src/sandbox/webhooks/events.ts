import type { ChangeEvent, SandboxObjectType } from '../state';

/** One subscription of the app, as in webhooks-hsmeta.json (legacy `company.creation` or generic `object.*`). */
export interface WebhookSubscription {
  subscriptionType: string;
  /** Generic `object.*` subscriptions only, e.g. '0-47' for meetings. */
  objectTypeId?: string;
  /** propertyChange only; absent means every property (a sandbox convenience: HubSpot needs one per property). */
  propertyName?: string;
  active?: boolean;
}
export interface NumberedSubscription extends WebhookSubscription { id: number }

export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  objectId: number;
  changeSource: string;
  changeFlag?: string;
  propertyName?: string;
  propertyValue?: string;
  objectTypeId?: string;
  /** Merge events (HubSpot's legacy merge payload): the merged records, the surviving one and its id now. */
  mergedObjectIds?: number[];
  primaryObjectId?: number;
  newObjectId?: number;
}

export const LEGACY_PREFIX: Partial<Record<SandboxObjectType, string>> = {
  companies: 'company', contacts: 'contact', deals: 'deal', tickets: 'ticket',
};
export const OBJECT_TYPE_IDS: Record<SandboxObjectType, string> = {
  contacts: '0-1', companies: '0-2', deals: '0-3', tickets: '0-5', communications: '0-18', tasks: '0-27',
  notes: '0-46', meetings: '0-47', calls: '0-48', emails: '0-49', invoices: '0-53',
};
const ACTIONS = ['creation', 'deletion', 'propertyChange', 'merge', 'restore', 'associationChange'] as const;
const CHANGE_FLAGS: Partial<Record<ChangeEvent['kind'], string>> = { creation: 'CREATED', deletion: 'DELETED', merge: 'MERGED', restore: 'RESTORED' };

/** Every legacy type for the four classic objects, contact.privacyDeletion, and object.* for meetings. */
export function defaultSubscriptions(): WebhookSubscription[] {
  const legacy = Object.values(LEGACY_PREFIX).flatMap((prefix) => ACTIONS.map((a) => ({ subscriptionType: `${prefix}.${a}` })));
  const meetings = ACTIONS.map((a) => ({ subscriptionType: `object.${a}`, objectTypeId: OBJECT_TYPE_IDS.meetings }));
  return [...legacy, { subscriptionType: 'contact.privacyDeletion' }, ...meetings];
}

export function validateSubscription(sub: WebhookSubscription): void {
  const [prefix, action] = sub.subscriptionType.split('.');
  const knownPrefix = prefix === 'object' || Object.values(LEGACY_PREFIX).includes(prefix ?? '');
  const knownAction = (ACTIONS as readonly string[]).includes(action ?? '') || sub.subscriptionType === 'contact.privacyDeletion';
  if (!knownPrefix || !knownAction) throw new Error(`unsupported subscriptionType "${sub.subscriptionType}"`);
  if (prefix === 'object' && !Object.values(OBJECT_TYPE_IDS).includes(sub.objectTypeId ?? '')) {
    throw new Error(`subscription ${sub.subscriptionType} needs a known objectTypeId (e.g. 0-47), got "${sub.objectTypeId ?? ''}"`);
  }
}

let nextEventId = 1;

/** The events HubSpot would send for one store change: one per matching active subscription. */
export function eventsFor(change: ChangeEvent, subscriptions: readonly NumberedSubscription[], appId: number): WebhookEvent[] {
  const legacy = LEGACY_PREFIX[change.objectType];
  const typeId = OBJECT_TYPE_IDS[change.objectType];
  return subscriptions.filter((s) => {
    if (s.active === false) return false;
    const matchesType = s.subscriptionType === `${legacy}.${change.kind}` || (s.subscriptionType === `object.${change.kind}` && s.objectTypeId === typeId);
    return matchesType && (change.kind !== 'propertyChange' || !s.propertyName || s.propertyName === change.propertyName);
  }).map((s) => {
    const event: WebhookEvent = {
      eventId: nextEventId++, subscriptionId: s.id, portalId: change.portalId, appId, occurredAt: change.occurredAt,
      subscriptionType: s.subscriptionType, attemptNumber: 0, objectId: Number(change.objectId), changeSource: change.changeSource,
    };
    const flag = CHANGE_FLAGS[change.kind];
    if (flag) event.changeFlag = flag;
    if (change.kind === 'propertyChange') {
      event.propertyName = change.propertyName;
      event.propertyValue = change.propertyValue ?? '';
    }
    if (change.kind === 'merge' && change.mergedObjectIds) {
      event.mergedObjectIds = change.mergedObjectIds.map(Number);
      event.primaryObjectId = Number(change.objectId);
      event.newObjectId = Number(change.objectId);
    }
    if (s.subscriptionType.startsWith('object.')) event.objectTypeId = typeId;
    return event;
  });
}

export function privacyDeletionEvent(subscriptions: readonly NumberedSubscription[], portalId: number, contactId: string, appId: number): WebhookEvent[] {
  return subscriptions.filter((s) => s.active !== false && s.subscriptionType === 'contact.privacyDeletion').map((s) => ({
    eventId: nextEventId++, subscriptionId: s.id, portalId, appId, occurredAt: Date.now(), subscriptionType: s.subscriptionType,
    attemptNumber: 0, objectId: Number(contactId), changeSource: 'GDPR',
  }));
}
