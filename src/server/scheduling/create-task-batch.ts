import type { ActionRecord } from '../../domain/ledger';
import type { PlannedAction } from '../../domain/policy/plan';
import type { TaskType } from '../../domain/policy/task-kind';
import type { HubSpotGateway, TaskDraft } from '../hubspot/gateway';
import type { DeadLetters } from '../jobs/dead-letters';
import type { LedgerStore, RevisionChange } from '../ledger/ledger-store';
import type { TaskClaims } from './task-claims';

export interface PlannedTask {
  readonly action: PlannedAction;
  /** Built lazily: the text is written only for tasks that will really be created. */
  readonly draft: () => TaskDraft;
}

export interface BatchCounts {
  created: number;
  alreadyCreated: number;
  recovered: number;
  busy: number;
  rejected: number;
  byType: Record<TaskType, number>;
}

export const emptyCounts = (): BatchCounts => ({ created: 0, alreadyCreated: 0, recovered: 0, busy: 0, rejected: 0, byType: { call: 0, email: 0, todo: 0 } });

/** What a batch settled: the actions whose task now exists (recorded in the history), and the revision each recording made. */
export interface BatchSettlement {
  readonly settled: ReadonlySet<string>;
  readonly revisions: ReadonlyMap<string, RevisionChange>;
  /** The texts written to HubSpot for the tasks this batch created, by action key. */
  readonly drafts: ReadonlyMap<string, TaskDraft>;
}

export interface BatchDeps {
  readonly gateway: HubSpotGateway;
  readonly claims: TaskClaims;
  readonly ledger: LedgerStore;
  readonly deadLetters: DeadLetters;
}

const toRecord = (a: PlannedAction, doneAt: string): ActionRecord => ({
  key: a.key, companyId: a.companyId, stepId: a.stepId, kind: a.action, channel: a.channel, doneAt, dueAt: a.dueAt,
  invoiceExternalIds: a.invoiceExternalIds, ...(a.contactId ? { contactId: a.contactId } : {}), task: {},
});

/**
 * Turns at most 100 planned tasks into HubSpot tasks exactly once: claim each key, find tasks a crashed
 * earlier run created, create the rest in one batch, then record them (claims first, ledger history second;
 * both idempotent by key, so a crash between any two steps is repaired by the next run).
 */
export async function createTaskBatch(deps: BatchDeps, portalId: string, tasks: readonly PlannedTask[], who: { owner: string; run: string; now: string }, counts: BatchCounts): Promise<BatchSettlement> {
  if (tasks.length === 0) return { settled: new Set(), revisions: new Map(), drafts: new Map() };
  const keys = tasks.map((t) => t.action.key);
  const outcomes = await deps.claims.claim(portalId, keys, who.owner, who.run);
  const done: { task: PlannedTask; taskId: string }[] = [];
  const toCreate: PlannedTask[] = [];
  const toRecover: PlannedTask[] = [];
  const written = new Map<string, TaskDraft>();
  tasks.forEach((task, i) => {
    const o = outcomes[i]!;
    if (o.kind === 'created') { counts.alreadyCreated++; done.push({ task, taskId: o.taskId }); }
    else if (o.kind === 'claimed') toCreate.push(task);
    else if (o.kind === 'recover') toRecover.push(task);
    else if (o.kind === 'busy') counts.busy++;
    else counts.rejected++;
  });
  if (toRecover.length > 0) {
    const found = await deps.gateway.findTasksByActionKey(portalId, toRecover.map((t) => t.action.key));
    for (const task of toRecover) {
      const taskId = found.get(task.action.key);
      if (taskId) { counts.recovered++; done.push({ task, taskId }); } else toCreate.push(task);
    }
    await markCreated(deps, portalId, done.filter((d) => found.has(d.task.action.key)));
  }
  if (toCreate.length > 0) {
    const held = await deps.claims.confirm(portalId, toCreate.map((t) => t.action.key), who.run);
    const mine = toCreate.filter((_, i) => held[i]);
    counts.busy += toCreate.length - mine.length;
    const drafts = mine.map((t) => t.draft());
    const { created, rejected } = await deps.gateway.createTasks(portalId, drafts);
    const byKey = new Map(mine.map((t) => [t.action.key, t]));
    const fresh = created.map((c) => ({ task: byKey.get(c.actionKey)!, taskId: c.taskId }));
    await markCreated(deps, portalId, fresh);
    done.push(...fresh);
    counts.created += fresh.length;
    for (const d of drafts) {
      if (created.some((c) => c.actionKey === d.actionKey)) { counts.byType[d.type]++; written.set(d.actionKey, d); }
    }
    if (rejected.length > 0) {
      counts.rejected += rejected.length;
      await deps.claims.markRejected(portalId, rejected.map((r) => r.actionKey), rejected[0]!.reason);
      for (const r of rejected) await deps.deadLetters.add(portalId, { kind: 'create-task', ref: r.actionKey, reason: r.reason, companyId: byKey.get(r.actionKey)!.action.companyId });
    }
  }
  // The engine must not plan these again: record them in the ledger history (idempotent by key).
  const revisions = done.length > 0 ? await deps.ledger.recordActions(portalId, done.map((d) => toRecord(d.task.action, who.now))) : new Map<string, RevisionChange>();
  return { settled: new Set(done.map((d) => d.task.action.key)), revisions, drafts: written };
}

async function markCreated(deps: BatchDeps, portalId: string, items: readonly { task: PlannedTask; taskId: string }[]): Promise<void> {
  await deps.claims.markCreated(portalId, items.map(({ task, taskId }) => ({
    actionKey: task.action.key, taskId, companyId: task.action.companyId, invoiceExternalIds: task.action.invoiceExternalIds, action: task.action,
  })));
}
