import type { CompanySummary } from '../hubspot/gateway';
import { MATCHING_PROPERTY_NAMES, TASK_OBJECT_TYPE_ID, TASK_STATUS_PROPERTY } from '../hubspot/crm-schema';
import type { LedgerStore } from '../ledger/ledger-store';
import type { CompanyIndexCache } from '../matching/company-index-cache';
import type { TaskClaims } from '../scheduling/task-claims';
import type { QueuedWebhookEvent, WebhookJob } from './webhook-events';

/** Company properties the matching index is built from. */
const INDEXED_COMPANY_PROPERTIES: ReadonlySet<string> = new Set(MATCHING_PROPERTY_NAMES);
/** The company owner: reminder tasks that went to the old owner follow the new one. */
const OWNER_PROPERTY = 'hubspot_owner_id';

export interface WebhookProcessorDeps {
  readonly companyIndex: Pick<CompanyIndexCache, 'upsert' | 'remove'>;
  /** The companies as HubSpot has them now (deleted ones left out): the gateway's readCompanies. */
  readonly readCompanies: (portalId: string, companyIds: readonly string[]) => Promise<readonly CompanySummary[]>;
  readonly ledger: Pick<LedgerStore, 'getCustomerLedger' | 'markDirty' | 'forgetContact' | 'moveCompany'>;
  readonly claims: Pick<TaskClaims, 'moveOpenTasks'>;
  /** Asks the portal's continuous sync to run: it files waiting documents the changed index now matches. */
  readonly requestRefresh: (portalId: string) => Promise<void>;
  /** A task's status changed in HubSpot: the scheduling service reads its letter tasks back (letter-completions.ts). */
  readonly tasksChanged?: (portalId: string, taskIds: readonly string[]) => Promise<unknown>;
  readonly log?: { info(obj: object, msg: string): void };
}

export interface WebhookOutcome {
  readonly companiesIndexed: number;
  readonly companiesRemoved: number;
  /** Merged companies whose documents were filed under the surviving company. */
  readonly companiesMoved: number;
  /** Ledger companies to re-sync: deleted (documents stay filed under the old id) or with a new owner. */
  readonly companiesMarkedDirty: string[];
  readonly contactsForgotten: number;
  /** Tasks whose status changed (the app reads its letter tasks among them back). */
  readonly tasksChanged: number;
}

const action = (e: QueuedWebhookEvent) => e.subscriptionType.split('.')[1];
const isCompany = (e: QueuedWebhookEvent) => e.subscriptionType.startsWith('company.');

const isTaskStatusChange = (e: QueuedWebhookEvent): boolean =>
  e.subscriptionType === 'object.propertyChange' && e.objectTypeId === TASK_OBJECT_TYPE_ID && e.propertyName === TASK_STATUS_PROPERTY && e.objectId !== undefined;

/** Companies whose index entry must be read again from HubSpot. */
function toRead(e: QueuedWebhookEvent): boolean {
  if (!isCompany(e) || !e.objectId) return false;
  const a = action(e);
  if (a === 'propertyChange') return e.propertyName !== undefined && (INDEXED_COMPANY_PROPERTIES.has(e.propertyName) || e.propertyName === OWNER_PROPERTY);
  return a === 'creation' || a === 'restore' || a === 'merge';
}

/**
 * Applies one portal's webhook events. Idempotent (a re-run after a crash, or HubSpot's retry, does the same):
 * - company created / restored / a matching property changed / merge survivor → read from HubSpot into the
 *   matching index (one batch read), and the continuous sync re-matches waiting documents against it;
 * - company deleted → out of the index; its ledger stays (a deletion can be undone) and is marked dirty;
 * - company merged → the merged ones leave the index, their documents and open tasks move to the survivor;
 * - company owner changed → read into the index too, and its ledger is marked dirty: open tasks follow the owner;
 * - contact.privacyDeletion → every reference to the contact leaves the ledger (LedgerStore.forgetContact);
 * - a task's status changed → the app's 14-day letter tasks among them are read back: completed means sent.
 * Other contact events need no work: contacts are read when a task or card needs them.
 */
export function createWebhookProcessor(deps: WebhookProcessorDeps): (job: WebhookJob) => Promise<WebhookOutcome> {
  return async ({ portalId, events }) => {
    const removed = new Set<string>();
    const merges: { into: string; from: string[] }[] = [];
    for (const e of events) {
      if (!isCompany(e)) continue;
      if (action(e) === 'deletion' && e.objectId) removed.add(e.objectId);
      if (action(e) === 'merge' && e.objectId) {
        const from = (e.mergedObjectIds ?? []).filter((id) => id !== e.objectId);
        from.forEach((id) => removed.add(id));
        merges.push({ into: e.objectId, from });
      }
    }
    const wanted = [...new Set(events.filter(toRead).map((e) => e.objectId!))].filter((id) => !removed.has(id));
    const found = wanted.length ? await deps.readCompanies(portalId, wanted) : [];
    const foundIds = new Set(found.map((c) => c.id));
    // Gone by the time we asked: deleted (its deletion event may still be on its way).
    wanted.filter((id) => !foundIds.has(id)).forEach((id) => removed.add(id));
    await deps.companyIndex.upsert(portalId, found);
    await deps.companyIndex.remove(portalId, [...removed]);

    let moved = 0;
    for (const { into, from } of merges) {
      for (const id of from) {
        if (await deps.ledger.moveCompany(portalId, id, into)) moved++;
        await deps.claims.moveOpenTasks(portalId, id, into);
      }
    }

    const mergedAway = new Set(merges.flatMap((m) => m.from));
    const ownerChanged = events.filter((e) => isCompany(e) && action(e) === 'propertyChange' && e.propertyName === OWNER_PROPERTY && e.objectId).map((e) => e.objectId!);
    const dirty: string[] = [];
    for (const companyId of [...new Set([...removed, ...ownerChanged])].filter((id) => !mergedAway.has(id)).sort()) {
      if (await deps.ledger.getCustomerLedger(portalId, companyId)) dirty.push(companyId);
    }
    if (dirty.length) await deps.ledger.markDirty(portalId, dirty);

    let contactsForgotten = 0;
    for (const e of events) {
      if (e.subscriptionType !== 'contact.privacyDeletion' || !e.objectId) continue;
      await deps.ledger.forgetContact(portalId, e.objectId);
      contactsForgotten++;
    }
    const tasks = [...new Set(events.filter(isTaskStatusChange).map((e) => e.objectId!))];
    if (tasks.length > 0) await deps.tasksChanged?.(portalId, tasks);
    if (found.length > 0 || removed.size > 0) await deps.requestRefresh(portalId);
    const outcome = { companiesIndexed: found.length, companiesRemoved: removed.size, companiesMoved: moved, companiesMarkedDirty: dirty, contactsForgotten, tasksChanged: tasks.length };
    deps.log?.info({ portalId, events: events.length, ...outcome, companiesMarkedDirty: dirty.length }, 'webhook events processed');
    return outcome;
  };
}
