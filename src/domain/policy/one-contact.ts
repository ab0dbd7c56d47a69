import type { Invoice } from '../ledger';
import type { ActionDraft, PlanContext } from './context';
import type { Reason } from './plan';
import { isBeforeDueStep } from './validate-policy';

/**
 * How pressing a draft is: any overdue-ladder step beats a failed-direct-debit follow-up, which beats the
 * before-due steps; within a kind, the later step in the ladder is the more pressing one.
 */
function pressure(ctx: PlanContext, d: ActionDraft): number {
  const index = ctx.policy.steps.findIndex((s) => s.id === d.step.id);
  if (!('anchor' in d.step)) return 1_000;
  return isBeforeDueStep(d.step) ? index : 2_000 + index;
}

/**
 * One contact per customer per day. Every draft of the day (overdue ladder, failed direct debit, before-due
 * steps) merges into the most pressing one, which leads: its step, channel and tone; the other drafts'
 * invoices join it (a receipt check never gets here while the customer is chased: receipt-check.ts). Amounts
 * are never summed across currencies: drafts in another currency than the lead's wait for a later day (the
 * day's contact sets the floor for them).
 */
export function oneContact(ctx: PlanContext, drafts: readonly ActionDraft[]): ActionDraft | undefined {
  const ranked = [...drafts].sort((a, b) => pressure(ctx, b) - pressure(ctx, a) || (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  const lead = ranked[0];
  if (!lead) return undefined;
  const joined = ranked.slice(1).filter((d) => d.currency === lead.currency);
  if (joined.length === 0) return lead;
  const invoices = new Map<string, Invoice>(lead.invoices.map((i) => [i.externalId, i]));
  for (const d of joined) for (const i of d.invoices) invoices.set(i.externalId, i);
  const reasons: Reason[] = [...lead.reasons, ...joined.flatMap((d) => d.reasons.filter((r) => r.code !== 'step_due'))];
  reasons.push({ code: 'steps_merged', params: { stepIds: joined.map((d) => d.step.id).join(',') } });
  return {
    ...lead,
    invoices: [...invoices.values()],
    brokenPromise: [lead, ...joined].some((d) => d.brokenPromise === true),
    reasons,
  };
}
