import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { dateInZone } from '../../domain/dates';
import type { CustomerLedger, Language } from '../../domain/ledger';
import { promiseCheck } from '../../domain/follow-ups/promise-check';
import { scoreCustomer } from '../../domain/prioritisation/score';
import type { HubSpotGateway, RefusedTask } from '../hubspot/gateway';
import type { DeadLetters } from '../jobs/dead-letters';
import type { LedgerStore } from '../ledger/ledger-store';
import type { Portal, PortalRegistry } from '../portals/portal-registry';
import { createTaskBatch, emptyCounts, type BatchCounts, type BatchSettlement, type PlannedTask } from './create-task-batch';
import { companyBatches, type CompanyOwners } from './company-batches';
import { createPlanMarks, type PlanMarkInputs } from './plan-marks';
import { createSendQueue } from './send-queue';
import type { PoisonedCompanies } from '../sync/poisoned-companies';
import { readLedgers } from '../sync/read-ledgers';
import { createSchemaGuard } from '../sync/schema-guard';
import type { createPlanner, PortalPlanner } from './planner';
import { payLinksOf, type PayLinkFor } from './pay-links';
import { createLetterCompletions, type LetterPortal, type LetterTask } from './letter-completions';
import { createPromiseChecks } from './promise-checks';
import { createTaskClaims } from './task-claims';
import { taskDraftFor } from './task-draft';
import { taskStillNeeded } from './task-still-needed';
import { createTaskUpdater } from './update-tasks';

export interface SchedulingDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly gateway: HubSpotGateway;
  readonly ledger: LedgerStore;
  readonly portals: PortalRegistry;
  readonly planner: ReturnType<typeof createPlanner>;
  readonly deadLetters: DeadLetters;
  readonly poisoned: PoisonedCompanies;
  readonly now?: () => Date;
  /** How long a claim protects an action before another worker may take it over (crash recovery). */
  readonly claimLeaseMs?: number;
  /** Company owners as HubSpot has them now (the company listing, kept current by webhooks). */
  readonly companyOwners?: (portalId: string, companyIds: readonly string[]) => Promise<CompanyOwners>;
  /** Lists the portal's companies if not yet done, handing over each page's owners as it comes (company-batches.ts). */
  readonly companyListing?: (portalId: string, onPage: (owners: CompanyOwners) => void) => Promise<unknown>;
  /** The customer's own page, written into every reminder task (the e-mail to send, the call, the letter). */
  readonly payLinkFor?: PayLinkFor;
}

export interface SchedulingResult extends BatchCounts {
  readonly companies: number;
  /** Passed over: nothing their plan depends on changed since their last completed planning (plan-marks.ts). */
  readonly unchanged: number;
  readonly planned: number;
  closed: number;
  /** Open tasks rewritten because their facts changed (amounts, invoices, owner). */
  updated: number;
}

const BATCH = 100;
/**
 * Batches of planned tasks that may wait for their create while the next companies are planned: enough to plan
 * through a whole wait for the rate window (110 calls per 10 s) at ~100 ms a batch, few enough to hold (each
 * batch keeps its 100 ledgers until sent).
 */
const PLANNED_AHEAD = 100;
/**
 * Batch creates under way at once. The rate window admits a call every 91 ms on average while a create of 100
 * tasks takes HubSpot longer than that, so one at a time would leave the window unused. Each key is still
 * claimed on its own (task-claims.ts), so creates running side by side never share one.
 */
const CREATES_AT_ONCE = 4;

/**
 * The reminder run of one portal: plan every customer, create the due tasks in HubSpot (batches of 100,
 * exactly once per action key), complete the app's tasks that are no longer needed and rewrite the open ones
 * whose facts changed.
 * `owner` identifies the job: a re-run of the same job after a crash may take its own claims over at once.
 */
export function createSchedulingService(deps: SchedulingDeps) {
  const claims = createTaskClaims(deps.redis, deps.prefix, deps.claimLeaseMs);
  const promiseChecks = createPromiseChecks(deps.redis, deps.prefix);
  const now = deps.now ?? (() => new Date());
  const ensureSchema = createSchemaGuard(deps);
  const batchDeps = { gateway: deps.gateway, claims, ledger: deps.ledger, deadLetters: deps.deadLetters };
  const marks = createPlanMarks(deps.redis, deps.prefix);
  /** Marks become due once every task planned for the company exists, at the revision its own recording left. */
  function createMarking(inputs: PlanMarkInputs) {
    const waiting = new Map<string, { ownerId: string | undefined; revision: string | null; keys: Set<string> }>();
    const due = new Map<string, string>();
    const ripen = (companyId: string) => {
      const w = waiting.get(companyId)!;
      if (w.keys.size > 0) return;
      waiting.delete(companyId);
      if (w.revision !== null) due.set(companyId, marks.digest(inputs, w.ownerId, w.revision));
    };
    return {
      planned(companyId: string, ownerId: string | undefined, revision: string | null, keys: readonly string[]) {
        waiting.set(companyId, { ownerId, revision, keys: new Set(keys) });
        ripen(companyId);
      },
      settle({ settled, revisions }: BatchSettlement) {
        for (const [companyId, change] of revisions) {
          const w = waiting.get(companyId);
          // Someone else wrote between our read and our recording: no mark, the next run plans it again.
          if (w) w.revision = w.revision !== null && change.before === w.revision ? change.after : null;
        }
        for (const [companyId, w] of waiting) {
          for (const key of w.keys) if (settled.has(key)) w.keys.delete(key);
          ripen(companyId);
        }
      },
      take(): Map<string, string> {
        const out = new Map(due);
        due.clear();
        return out;
      },
    };
  }
  const tasks = createTaskUpdater({
    redis: deps.redis, prefix: deps.prefix, gateway: deps.gateway, claims,
    ...(deps.payLinkFor ? { payLinkFor: deps.payLinkFor } : {}),
  });

  // The plan's own pause rules: a customer netted below the tolerance is not chased, so its tasks end too.
  const pauseOptions = (planner: PortalPlanner) => ({ toleranceMinor: planner.policy.toleranceMinor });

  const settleLetters = createLetterCompletions({ gateway: deps.gateway, ledger: deps.ledger, claims, now });
  const letterPortal = (portal: Portal, planner: PortalPlanner, at: string): LetterPortal =>
    ({ portalId: portal.portalId, timeZone: portal.timeZone, language: planner.language, calendar: planner.calendar(at) });

  /** The open letter tasks of these companies, so their completion in HubSpot is read back. */
  async function openLetters(portalId: string, ledgers: readonly CustomerLedger[]): Promise<LetterTask[]> {
    const found: LetterTask[] = [];
    for (const [companyId, open] of await claims.openTasksOf(portalId, ledgers.map((l) => l.companyId))) {
      for (const [key, t] of open) {
        if (t.action?.legal) found.push({ companyId, key, taskId: t.taskId, action: { ...t.action, legal: t.action.legal } });
      }
    }
    return found;
  }

  /** A task webhook: the letter tasks among these HubSpot tasks are read back at once (the day it went out counts). */
  async function tasksChanged(portalId: string, taskIds: readonly string[]): Promise<number> {
    const refs = await claims.findLetterTasks(portalId, taskIds);
    if (refs.length === 0) return 0;
    const portal = await deps.portals.require(portalId);
    const letters: LetterTask[] = [];
    for (const r of refs) {
      const open = (await claims.openTasks(portalId, r.companyId)).get(r.key);
      if (open?.action?.legal && open.taskId === r.taskId) letters.push({ companyId: r.companyId, key: r.key, taskId: r.taskId, action: { ...open.action, legal: open.action.legal } });
    }
    return settleLetters(letterPortal(portal, await deps.planner.forPortal(portal), now().toISOString()), letters);
  }

  const companyOwners = deps.companyOwners ?? ((portalId: string, ids: readonly string[]) => deps.gateway.getCompanyOwners(portalId, ids));
  /** The company owner HubSpot has is the account owner, unless the customer's profile names one. */
  function withAccountOwners(ledgers: CustomerLedger[], owners: CompanyOwners): CustomerLedger[] {
    return ledgers.map((l) => {
      const ownerId = l.profile.ownerId ?? owners.get(l.companyId);
      return ownerId && ownerId !== l.profile.ownerId ? { ...l, profile: { ...l.profile, ownerId } } : l;
    });
  }

  /** The tasks HubSpot did not refuse; each refused one becomes a dead letter naming its company and HubSpot's reason. */
  async function withoutRefused<T extends { taskId: string; companyId: string }>(portalId: string, tasks: readonly T[], refused: readonly RefusedTask[], kind: string): Promise<T[]> {
    if (refused.length === 0) return [...tasks];
    const reasons = new Map(refused.map((r) => [r.taskId, r.reason]));
    for (const t of tasks) {
      const reason = reasons.get(t.taskId);
      if (reason !== undefined) await deps.deadLetters.add(portalId, { kind, ref: t.taskId, reason, companyId: t.companyId });
    }
    return tasks.filter((t) => !reasons.has(t.taskId));
  }

  async function closeUnneeded(portal: Portal, planner: PortalPlanner, ledgers: readonly CustomerLedger[], today: string): Promise<number> {
    const toClose: { companyId: string; key: string; taskId: string }[] = [];
    const open = await claims.openTasksOf(portal.portalId, ledgers.map((l) => l.companyId));
    for (const ledger of ledgers) {
      for (const [key, t] of open.get(ledger.companyId) ?? []) {
        if (!taskStillNeeded(ledger, t.invoiceExternalIds, today, pauseOptions(planner))) toClose.push({ companyId: ledger.companyId, key, taskId: t.taskId });
      }
    }
    let closed = 0;
    for (let i = 0; i < toClose.length; i += BATCH) {
      const all = toClose.slice(i, i + BATCH);
      // A task HubSpot refuses stays open here (the next run tries again) and is reported; the others are closed.
      const batch = await withoutRefused(portal.portalId, all, (await deps.gateway.completeTasks(portal.portalId, all.map((t) => t.taskId))).refused, 'complete-task');
      for (const t of batch) await claims.markClosed(portal.portalId, t.companyId, [t.key]);
      await claims.forgetLetterTasks(portal.portalId, batch.map((t) => t.taskId));
      await tasks.forget(portal.portalId, batch.map((t) => t.key));
      closed += batch.length;
    }
    return closed;
  }

  /** Promise checks whose promise was kept: completed in HubSpot, with a note on the company saying so. */
  async function closeKeptPromises(portal: Portal, language: Language, ledgers: readonly CustomerLedger[], today: string): Promise<number> {
    let closed = 0;
    const checks = await promiseChecks.openOf(portal.portalId, ledgers.map((l) => l.companyId));
    for (const ledger of ledgers) {
      const open = checks.get(ledger.companyId);
      if (!open) continue;
      const kept = ledger.promises.flatMap((p) => {
        const taskId = open.get(p.id);
        const check = taskId === undefined ? undefined : promiseCheck(p, ledger, today, language);
        return taskId !== undefined && check?.kind === 'kept' ? [{ promiseId: p.id, taskId, note: check.note, contactId: p.contactId }] : [];
      });
      if (kept.length === 0) continue;
      // Completing first: a retry after a failed note completes again (harmless); the note's key makes it once.
      const completed = await withoutRefused(portal.portalId, kept.map((k) => ({ ...k, companyId: ledger.companyId })),
        (await deps.gateway.completeTasks(portal.portalId, kept.map((k) => k.taskId))).refused, 'complete-promise-check');
      for (const k of completed) {
        await deps.gateway.createNote(portal.portalId, {
          key: `promise-kept-${ledger.companyId}-${k.promiseId}`, companyId: ledger.companyId, body: k.note, at: now().toISOString(),
          ...(k.contactId ? { contactId: k.contactId } : {}), ...(ledger.profile.ownerId ? { ownerId: ledger.profile.ownerId } : {}),
        });
        await promiseChecks.forget(portal.portalId, ledger.companyId, [k.promiseId]);
      }
      closed += completed.length;
    }
    return closed;
  }

  async function schedulePortal(portalId: string, opts: { owner?: string; companyIds?: readonly string[] } = {}): Promise<SchedulingResult> {
    const portal = await deps.portals.require(portalId);
    // Tasks carry rd_action_key: the property must exist before the first batch create.
    const planner = await deps.planner.forPortal(portal);
    await ensureSchema(portal, planner.policy);
    const at = now().toISOString();
    const today = dateInZone(at, portal.timeZone);
    const who = { owner: opts.owner ?? `run-${randomUUID()}`, run: randomUUID(), now: at };
    const ids = opts.companyIds ?? await deps.ledger.listCompanyIds(portalId);
    const counts = emptyCounts();
    const markInputs = { planning: planner.fingerprint, today };
    const marking = createMarking(markInputs);
    let planned = 0;
    let closed = 0;
    let updated = 0;
    let unchanged = 0;
    let pending: PlannedTask[] = [];
    const sends = createSendQueue({ ahead: PLANNED_AHEAD, concurrent: CREATES_AT_ONCE });
    const flush = (batch: readonly PlannedTask[]) => sends.add(async () => {
      const settlement = await createTaskBatch(batchDeps, portalId, batch, who, counts);
      await tasks.remember(portalId, settlement.drafts);
      marking.settle(settlement);
    });
    const sources = {
      ...(deps.companyListing ? { listing: (onPage: (owners: CompanyOwners) => void) => deps.companyListing!(portalId, onPage) } : {}),
      owners: (batch: readonly string[]) => companyOwners(portalId, batch),
    };

    try {
      for await (const { ids: batchIds, owners } of companyBatches(ids, BATCH, sources)) {
        // Revisions before ledgers: a write in between makes the mark stale (a re-plan), never wrongly fresh.
        const [revisions, stored] = await Promise.all([deps.ledger.getRevisions(portalId, batchIds), marks.read(portalId, batchIds)]);
        const revisionOf = new Map(batchIds.map((id, n) => [id, revisions[n] ?? null]));
        const changed = batchIds.filter((id, n) => revisions[n] == null || stored[n] !== marks.digest(markInputs, owners.get(id), revisions[n]!));
        unchanged += batchIds.length - changed.length;
        if (changed.length === 0) continue;
        const read = withAccountOwners(await readLedgers(deps.ledger, portalId, changed), owners);
        // A company whose ledger cannot be planned is set aside and reported; the rest of the portal goes on.
        const screened = await deps.poisoned.screen(portalId, 'scheduling', read, (ledger) => ({
          actions: planner.plan(ledger, at).actions.filter((a) => a.createsTask),
          segment: scoreCustomer(ledger, today).segment,
        }));
        const ledgers = screened.map((s) => s.ledger);
        // Before anything else looks at the open tasks: a letter someone completed is sent, not open.
        await settleLetters(letterPortal(portal, planner, at), await openLetters(portalId, ledgers));
        closed += await closeUnneeded(portal, planner, ledgers, today);
        closed += await closeKeptPromises(portal, planner.language, ledgers, today);
        const rewritten = await tasks.updateChangedTasks(portal, ledgers, owners, today, { pauses: pauseOptions(planner), letter: planner.letter, policy: planner.policy, calendar: planner.calendar(at), language: planner.language });
        updated += rewritten.updated;
        for (const r of rewritten.refused) await deps.deadLetters.add(portalId, { kind: 'update-task', ref: r.taskId, reason: r.reason, companyId: r.companyId });
        const links = await payLinksOf(deps.payLinkFor, portalId, screened.filter((s) => s.result.actions.length > 0).map((s) => s.ledger.companyId));
        for (const { ledger, result: { actions, segment } } of screened) {
          const companyOwnerId = owners.get(ledger.companyId);
          marking.planned(ledger.companyId, companyOwnerId, revisionOf.get(ledger.companyId) ?? null, actions.map((a) => a.key));
          if (actions.length === 0) continue;
          const payLink = links.get(ledger.companyId);
          for (const action of actions) {
            planned++;
            pending.push({
              action,
              draft: () => taskDraftFor(action, {
                ledger, timeZone: portal.timeZone, language: planner.language, policy: planner.policy, segment, letter: planner.letter, calendar: planner.calendar(at),
                ...(companyOwnerId ? { companyOwnerId } : {}),
                ...(portal.creditControllerOwnerId ? { creditControllerOwnerId: portal.creditControllerOwnerId } : {}),
                ...(payLink ? { payLink } : {}),
              }),
            });
          }
        }
        while (pending.length >= BATCH) {
          await flush(pending.slice(0, BATCH));
          pending = pending.slice(BATCH);
        }
        await marks.write(portalId, marking.take());
      }
      await flush(pending);
      await sends.drain();
    } catch (err) {
      // Nothing of this run may still be creating once it has failed: a retry of the job takes its claims over.
      await sends.stop();
      throw err;
    }
    await marks.write(portalId, marking.take());
    const result = { companies: ids.length, unchanged, planned, closed, updated, ...counts };
    await deps.redis.set(`${deps.prefix}:p:${portalId}:scheduling:last`, JSON.stringify({ at, ...result }));
    return result;
  }

  return { schedulePortal, claims, tasksChanged };
}
export type SchedulingService = ReturnType<typeof createSchedulingService>;
