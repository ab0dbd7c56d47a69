import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { dateInZone } from '../../domain/dates';
import type { CustomerLedger } from '../../domain/ledger';
import { scoreCustomer } from '../../domain/prioritisation/score';
import type { HubSpotGateway } from '../hubspot/gateway';
import type { DeadLetters } from '../jobs/dead-letters';
import type { LedgerStore } from '../ledger/ledger-store';
import { portalLanguage, type Portal, type PortalRegistry } from '../portals/portal-registry';
import { createTaskBatch, emptyCounts, type BatchCounts, type PlannedTask } from './create-task-batch';
import type { PoisonedCompanies } from '../sync/poisoned-companies';
import { readLedgers } from '../sync/read-ledgers';
import { createSchemaGuard } from '../sync/schema-guard';
import type { createPlanner, PortalPlanner } from './planner';
import { payLinksOf, type PayLinkFor } from './pay-links';
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
  /** Company owners as HubSpot has them now, for rewriting open tasks whose owner changed. */
  readonly companyOwners?: (portalId: string, companyIds: readonly string[]) => Promise<Map<string, string | undefined>>;
  /** The customer's own page, written into every reminder task (the e-mail to send, the call, the letter). */
  readonly payLinkFor?: PayLinkFor;
}

export interface SchedulingResult extends BatchCounts {
  readonly companies: number;
  readonly planned: number;
  closed: number;
  /** Open tasks rewritten because their facts changed (amounts, invoices, owner). */
  updated: number;
}

const BATCH = 100;

/**
 * The reminder run of one portal: plan every customer, create the due tasks in HubSpot (batches of 100,
 * exactly once per action key), complete the app's tasks that are no longer needed and rewrite the open ones
 * whose facts changed.
 * `owner` identifies the job: a re-run of the same job after a crash may take its own claims over at once.
 */
export function createSchedulingService(deps: SchedulingDeps) {
  const claims = createTaskClaims(deps.redis, deps.prefix, deps.claimLeaseMs);
  const now = deps.now ?? (() => new Date());
  const ensureSchema = createSchemaGuard(deps);
  const batchDeps = { gateway: deps.gateway, claims, ledger: deps.ledger, deadLetters: deps.deadLetters };
  const tasks = createTaskUpdater({
    redis: deps.redis, prefix: deps.prefix, gateway: deps.gateway, claims,
    companyOwners: (portalId, ids) => companyOwners(portalId, ids),
    ...(deps.payLinkFor ? { payLinkFor: deps.payLinkFor } : {}),
  });

  // The plan's own pause rules: a customer netted below the tolerance is not chased, so its tasks end too.
  const pauseOptions = (planner: PortalPlanner) => ({ toleranceMinor: planner.policy.toleranceMinor });

  const companyOwners = deps.companyOwners ?? ((portalId: string, ids: readonly string[]) => deps.gateway.getCompanyOwners(portalId, ids));
  /** The company owner HubSpot has is the account owner, unless the customer's profile names one. */
  async function withAccountOwners(portalId: string, ledgers: CustomerLedger[]): Promise<CustomerLedger[]> {
    const owners = await companyOwners(portalId, ledgers.filter((l) => !l.profile.ownerId).map((l) => l.companyId));
    return ledgers.map((l) => {
      const ownerId = l.profile.ownerId ?? owners.get(l.companyId);
      return ownerId && ownerId !== l.profile.ownerId ? { ...l, profile: { ...l.profile, ownerId } } : l;
    });
  }

  async function closeUnneeded(portal: Portal, planner: PortalPlanner, ledgers: readonly CustomerLedger[], today: string): Promise<number> {
    const toClose: { companyId: string; key: string; taskId: string }[] = [];
    for (const ledger of ledgers) {
      for (const [key, t] of await claims.openTasks(portal.portalId, ledger.companyId)) {
        if (!taskStillNeeded(ledger, t.invoiceExternalIds, today, pauseOptions(planner))) toClose.push({ companyId: ledger.companyId, key, taskId: t.taskId });
      }
    }
    for (let i = 0; i < toClose.length; i += BATCH) {
      const batch = toClose.slice(i, i + BATCH);
      await deps.gateway.completeTasks(portal.portalId, batch.map((t) => t.taskId));
      for (const t of batch) await claims.markClosed(portal.portalId, t.companyId, [t.key]);
      await tasks.forget(portal.portalId, batch.map((t) => t.key));
    }
    return toClose.length;
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
    let planned = 0;
    let closed = 0;
    let updated = 0;
    let pending: PlannedTask[] = [];

    for (let i = 0; i < ids.length; i += BATCH) {
      const read = await withAccountOwners(portalId, await readLedgers(deps.ledger, portalId, ids.slice(i, i + BATCH)));
      // A company whose ledger cannot be planned is set aside and reported; the rest of the portal goes on.
      const screened = await deps.poisoned.screen(portalId, 'scheduling', read, (ledger) => ({
        actions: planner.plan(ledger, at).actions.filter((a) => a.createsTask),
        segment: scoreCustomer(ledger, today).segment,
      }));
      const ledgers = screened.map((s) => s.ledger);
      closed += await closeUnneeded(portal, planner, ledgers, today);
      updated += await tasks.updateChangedTasks(portal, ledgers, today, { pauses: pauseOptions(planner), letter: planner.letter });
      const links = await payLinksOf(deps.payLinkFor, portalId, screened.filter((s) => s.result.actions.length > 0).map((s) => s.ledger.companyId));
      for (const { ledger, result: { actions, segment } } of screened) {
        if (actions.length === 0) continue;
        const payLink = links.get(ledger.companyId);
        for (const action of actions) {
          planned++;
          pending.push({
            action,
            needsCompanyOwner: action.ownerId === undefined,
            draft: (companyOwnerId) => taskDraftFor(action, {
              ledger, timeZone: portal.timeZone, language: portalLanguage(portal), policy: planner.policy, segment, letter: planner.letter,
              ...(companyOwnerId ? { companyOwnerId } : {}),
              ...(portal.creditControllerOwnerId ? { creditControllerOwnerId: portal.creditControllerOwnerId } : {}),
              ...(payLink ? { payLink } : {}),
            }),
          });
        }
      }
      while (pending.length >= BATCH) {
        await createTaskBatch(batchDeps, portalId, pending.slice(0, BATCH), who, counts);
        pending = pending.slice(BATCH);
      }
    }
    await createTaskBatch(batchDeps, portalId, pending, who, counts);
    const result = { companies: ids.length, planned, closed, updated, ...counts };
    await deps.redis.set(`${deps.prefix}:p:${portalId}:scheduling:last`, JSON.stringify({ at, ...result }));
    return result;
  }

  return { schedulePortal, claims };
}
export type SchedulingService = ReturnType<typeof createSchedulingService>;
