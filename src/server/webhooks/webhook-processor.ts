import { MATCHING_PROPERTY_NAMES } from '../hubspot/crm-schema';
import type { LedgerStore } from '../ledger/ledger-store';
import type { CompanyIndexCache } from '../matching/company-index-cache';
import type { QueuedWebhookEvent, WebhookJob } from './webhook-events';

/** Company properties the matching index is built from. */
const INDEXED_COMPANY_PROPERTIES: ReadonlySet<string> = new Set(MATCHING_PROPERTY_NAMES);

export interface WebhookProcessorDeps {
  readonly companyIndex: Pick<CompanyIndexCache, 'invalidate'>;
  readonly ledger: Pick<LedgerStore, 'getCustomerLedger' | 'markDirty' | 'forgetContact'>;
  readonly log?: { info(obj: object, msg: string): void };
}

export interface WebhookOutcome {
  readonly indexInvalidated: boolean;
  /** Ledger companies whose HubSpot company was deleted or merged away: re-evaluated by the next sync. */
  readonly companiesMarkedDirty: string[];
  readonly contactsForgotten: number;
}

const action = (e: QueuedWebhookEvent) => e.subscriptionType.split('.')[1];
const isCompany = (e: QueuedWebhookEvent) => e.subscriptionType.startsWith('company.');

function changesCompanyIndex(e: QueuedWebhookEvent): boolean {
  if (!isCompany(e)) return false;
  const a = action(e);
  if (a === 'propertyChange') return e.propertyName !== undefined && INDEXED_COMPANY_PROPERTIES.has(e.propertyName);
  return a === 'creation' || a === 'deletion' || a === 'merge' || a === 'restore';
}

/**
 * Applies one portal's webhook events. Idempotent (a re-run after a crash does the same again):
 * - company created / restored / deleted / merged, or a matching property changed → the portal's company
 *   index is dropped, so the next match lists companies again and sees the change;
 * - company deleted or merged → its ledger (if any) is marked dirty: documents stay filed under the old id
 *   (money owed is never dropped on a CRM action that can be undone), and the next sync re-evaluates it;
 * - contact.privacyDeletion → every reference to the contact leaves the ledger (LedgerStore.forgetContact).
 * Other subscriptions (contact changes) need no work yet; they are acknowledged.
 */
export function createWebhookProcessor(deps: WebhookProcessorDeps): (job: WebhookJob) => Promise<WebhookOutcome> {
  return async ({ portalId, events }) => {
    const indexChanged = events.some(changesCompanyIndex);
    if (indexChanged) await deps.companyIndex.invalidate(portalId);

    const gone = new Set<string>();
    for (const e of events) {
      if (!isCompany(e) || (action(e) !== 'deletion' && action(e) !== 'merge')) continue;
      for (const id of [e.objectId, ...(e.mergedObjectIds ?? [])]) if (id) gone.add(id);
    }
    const dirty: string[] = [];
    for (const companyId of [...gone].sort()) {
      if (await deps.ledger.getCustomerLedger(portalId, companyId)) dirty.push(companyId);
    }
    if (dirty.length) await deps.ledger.markDirty(portalId, dirty);

    let contactsForgotten = 0;
    for (const e of events) {
      if (e.subscriptionType !== 'contact.privacyDeletion' || !e.objectId) continue;
      await deps.ledger.forgetContact(portalId, e.objectId);
      contactsForgotten++;
    }
    deps.log?.info({ portalId, events: events.length, indexChanged, dirty: dirty.length, contactsForgotten }, 'webhook events processed');
    return { indexInvalidated: indexChanged, companiesMarkedDirty: dirty, contactsForgotten };
  };
}
