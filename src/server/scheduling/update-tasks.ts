import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { dateInZone } from '../../domain/dates';
import type { BusinessCalendar, CustomerLedger, Language } from '../../domain/ledger';
import { sum } from '../../domain/money';
import type { PauseOptions } from '../../domain/pauses';
import { attentionOf } from '../../domain/policy/attention';
import { ownerForRule } from '../../domain/policy/context';
import type { PlannedAction } from '../../domain/policy/plan';
import type { ReminderPolicy } from '../../domain/policy/policy';
import { scoreCustomer } from '../../domain/prioritisation/score';
import type { TaskTextInput } from '../../domain/task-text';
import type { HubSpotGateway, RefusedTask, TaskDraft, TaskUpdate } from '../hubspot/gateway';
import { portalLanguage, type Portal } from '../portals/portal-registry';
import { payLinksOf, type PayLinkFor } from './pay-links';
import type { TaskClaims } from './task-claims';
import { taskDraftFor } from './task-draft';
import { takenUpInvoices } from '../../domain/policy/taken-up-invoices';
import { invoicesStillOwed } from './task-still-needed';

export interface TaskUpdaterDeps {
  readonly redis: Redis;
  readonly prefix: string;
  readonly gateway: Pick<HubSpotGateway, 'updateTasks'>;
  readonly claims: Pick<TaskClaims, 'openTasksOf'>;
  /** The customer's own page: a new link (rotated, expired) rewrites the open tasks that carry the old one. */
  readonly payLinkFor?: PayLinkFor;
}

const BATCH = 100;

/** A task rewrite HubSpot refused (400), with the company it belongs to. */
export interface RefusedTaskUpdate extends RefusedTask { readonly companyId: string }

const fingerprint = (d: Pick<TaskDraft, 'subject' | 'body' | 'ownerId' | 'priority'>): string =>
  createHash('sha1').update(JSON.stringify([d.subject, d.body, d.ownerId ?? '', d.priority])).digest('base64url');

/** The action as it stands today: its invoices still owed and those it takes up (domain/policy/taken-up-invoices.ts), and what they amount to. */
function asOfToday(action: PlannedAction, ledger: CustomerLedger, today: string, timeZone: string, pauses: PauseOptions, added: readonly string[]): PlannedAction {
  const ids = invoicesStillOwed(ledger, [...action.invoiceExternalIds, ...added].sort(), today, pauses);
  const byId = new Map(ledger.invoices.map((i) => [i.externalId, i]));
  const invoices = ids.map((id) => byId.get(id)!);
  // Grouped as the planner groups them, as of the contact's day (the day the task text speaks of); a changed due date regroups.
  return {
    ...action, invoiceExternalIds: ids, amount: sum(action.currency, invoices.map((i) => i.open)),
    attention: attentionOf(invoices, dateInZone(action.dueAt, timeZone)),
  };
}

/**
 * The open reminder tasks whose facts changed — a partial payment, one of its invoices paid or disputed, a new
 * overdue invoice to take up, a new company owner — are rewritten in HubSpot: subject, body (amounts, invoices, script), priority and owner.
 * What was written last is remembered as a fingerprint per action key, so an unchanged task costs nothing;
 * a task seen for the first time only has its fingerprint remembered.
 */
export function createTaskUpdater(deps: TaskUpdaterDeps) {
  const fpKey = (portalId: string) => `${deps.prefix}:p:${portalId}:task-fingerprints`;

  /** `owners`: the company owners HubSpot has now (the company index, kept current by webhooks). */
  async function updateChangedTasks(portal: Portal, ledgers: readonly CustomerLedger[], owners: ReadonlyMap<string, string | undefined>, today: string, opts: { pauses?: PauseOptions; letter?: TaskTextInput['letter']; policy?: ReminderPolicy; calendar?: BusinessCalendar; language?: Language } = {}): Promise<{ updated: number; refused: RefusedTaskUpdate[] }> {
    const pauses = opts.pauses ?? {};
    const open: { key: string; companyId: string; taskId: string; action: PlannedAction; ledger: CustomerLedger }[] = [];
    const openOf = await deps.claims.openTasksOf(portal.portalId, ledgers.map((l) => l.companyId));
    const takenUp = new Map<string, string[]>();
    for (const ledger of ledgers) {
      const mine = openOf.get(ledger.companyId);
      if (!mine) continue;
      for (const [key, t] of mine) {
        if (t.action) open.push({ key, companyId: ledger.companyId, taskId: t.taskId, action: t.action, ledger });
      }
      for (const [key, ids] of takenUpInvoices(ledger, mine, portal.timeZone)) takenUp.set(key, ids);
    }
    if (open.length === 0) return { updated: 0, refused: [] };
    const companies = [...new Set(open.map((o) => o.companyId))];
    const links = await payLinksOf(deps.payLinkFor, portal.portalId, companies);
    const drafts = open.map((o) => {
      // The step's owner rule again, with the company's owner as HubSpot has it now: account-owner tasks follow a new owner.
      const accountOwnerId = o.ledger.profile.ownerId ?? owners.get(o.companyId);
      const ownerId = ownerForRule(o.action.ownerRule, {
        ...(accountOwnerId ? { accountOwnerId } : {}),
        ...(portal.creditControllerOwnerId ? { creditControllerOwnerId: portal.creditControllerOwnerId } : {}),
      });
      const action = { ...asOfToday(o.action, o.ledger, today, portal.timeZone, pauses, takenUp.get(o.key) ?? []), ...(ownerId ? { ownerId } : {}) };
      // Nothing of it is owed any more: closing it is the closer's job, not a rewrite.
      if (action.invoiceExternalIds.length === 0 && o.action.invoiceExternalIds.length > 0) return undefined;
      const companyOwnerId = owners.get(o.companyId);
      const payLink = links.get(o.companyId);
      return taskDraftFor(action, {
        // The same context the task was created with (schedule-portal.ts), so an unchanged task drafts the same text.
        ledger: o.ledger, timeZone: portal.timeZone, language: opts.language ?? portalLanguage(portal), segment: scoreCustomer(o.ledger, today).segment,
        ...(opts.letter ? { letter: opts.letter } : {}),
        ...(opts.policy ? { policy: opts.policy } : {}),
        ...(opts.calendar ? { calendar: opts.calendar } : {}),
        ...(companyOwnerId ? { companyOwnerId } : {}),
        ...(portal.creditControllerOwnerId ? { creditControllerOwnerId: portal.creditControllerOwnerId } : {}),
        ...(payLink ? { payLink } : {}),
      });
    });
    const prints = drafts.map((d) => (d ? fingerprint(d) : undefined));
    const stored = await deps.redis.hmget(fpKey(portal.portalId), ...open.map((o) => o.key));
    const updates: TaskUpdate[] = [];
    const remember: Record<string, string> = {};
    open.forEach((o, i) => {
      const d = drafts[i];
      const fp = prints[i];
      if (!d || !fp || stored[i] === fp) return;
      remember[o.key] = fp;
      if (stored[i] !== null) updates.push({ taskId: o.taskId, subject: d.subject, body: d.body, priority: d.priority, ...(d.ownerId ? { ownerId: d.ownerId } : {}) });
    });
    const refused: RefusedTask[] = [];
    for (let i = 0; i < updates.length; i += BATCH) refused.push(...(await deps.gateway.updateTasks(portal.portalId, updates.slice(i, i + BATCH))).refused);
    // A refused task keeps its old fingerprint: the next run tries it again (after a fix), the others are done.
    const refusedIds = new Set(refused.map((r) => r.taskId));
    for (const o of open) if (refusedIds.has(o.taskId)) delete remember[o.key];
    if (Object.keys(remember).length > 0) await deps.redis.hset(fpKey(portal.portalId), remember);
    const companyOf = new Map(open.map((o) => [o.taskId, o.companyId]));
    return { updated: updates.length - refused.length, refused: refused.map((r) => ({ ...r, companyId: companyOf.get(r.taskId)! })) };
  }

  return {
    updateChangedTasks,
    /** Tasks just created: what they say is what a later comparison starts from (not a first sighting after a change). */
    async remember(portalId: string, drafts: ReadonlyMap<string, TaskDraft>): Promise<void> {
      if (drafts.size > 0) await deps.redis.hset(fpKey(portalId), Object.fromEntries([...drafts].map(([key, d]) => [key, fingerprint(d)])));
    },
    /** Tasks that were completed: nothing to compare against any more. */
    async forget(portalId: string, keys: readonly string[]): Promise<void> {
      if (keys.length > 0) await deps.redis.hdel(fpKey(portalId), ...keys);
    },
  };
}
