import { nextBusinessDay, previousBusinessDay } from '../calendar';
import type { IsoDate } from '../dates';
import type { Invoice } from '../ledger';
import { actionKey } from './action-key';
import type { ActionDraft, PlanContext } from './context';
import { findDone } from './history';
import type { PolicyStep } from './policy';
import { laterDate, offsetDate } from './schedule';
import { isBeforeDueStep } from './validate-policy';

export interface BeforeDueOutcome {
  readonly drafts: readonly ActionDraft[];
  readonly next: readonly { readonly step: PolicyStep; readonly dueFrom: IsoDate }[];
}

interface Due {
  readonly step: PolicyStep;
  readonly invoice: Invoice;
  readonly cohort: IsoDate;
  readonly dueOn: IsoDate;
}

/**
 * Steps about invoices that are not overdue yet (receipt check, due-date reminder). Per invoice, the latest such
 * step whose moment has come and that was not done (a later step done supersedes earlier ones); then the
 * invoices of one currency at the same step share one contact. The key uses the earliest anchor date of the
 * bundle, so an invoice joining an open bundle keeps its key.
 */
export function planBeforeDue(ctx: PlanContext, invoices: readonly Invoice[], floors: ReadonlyMap<string, IsoDate | undefined>): BeforeDueOutcome {
  const steps = ctx.steps.filter(isBeforeDueStep);
  const due: Due[] = [];
  const next: BeforeDueOutcome['next'][number][] = [];
  for (const invoice of invoices) {
    const currency = invoice.open.currency;
    const floor = floors.get(currency);
    for (let j = steps.length - 1; j >= 0; j--) {
      const step = steps[j]!;
      const cohort = step.anchor === 'invoice_date' ? invoice.issueDate : invoice.dueDate;
      const keyOf = () => actionKey({ companyId: ctx.ledger.companyId, currency, stepId: step.id, cycleAnchorDate: cohort });
      const ids = new Set([invoice.externalId]);
      if (findDone(ctx.history, { stepId: step.id, keyOf, invoiceIds: ids, since: invoice.issueDate })) break;
      const moment = beforeDueMoment(step, cohort, ctx);
      // A contact that named this invoice from the step's moment on (e.g. a reminder about late ones that
      // mentioned it as due soon) already did what this step would do.
      if (ctx.history.some((r) => r.localDate >= moment && r.invoiceExternalIds.includes(invoice.externalId))) break;
      const dueOn = laterDate(moment, floor ?? moment);
      if (dueOn <= ctx.asOf) {
        due.push({ step, invoice, cohort, dueOn });
        break;
      }
      next.push({ step, dueFrom: dueOn });
    }
  }
  return { drafts: bundle(due), next };
}

/**
 * A reminder about the due date must come before it: one whose moment falls on a weekend or holiday moves to
 * the last business day before (an invoice due on Koningsdag is reminded on the Friday). Steps counted from
 * the invoice date move on to the next business day.
 */
function beforeDueMoment(step: PolicyStep, cohort: IsoDate, ctx: PlanContext): IsoDate {
  const raw = offsetDate(cohort, step.offsetDays, step.offsetIn, ctx.cal);
  return step.anchor === 'due_date' ? previousBusinessDay(raw, ctx.cal) : nextBusinessDay(raw, ctx.cal);
}

function bundle(due: readonly Due[]): ActionDraft[] {
  const groups = new Map<string, Due[]>();
  for (const d of due) {
    const id = `${d.invoice.open.currency}|${d.step.id}`;
    groups.set(id, [...(groups.get(id) ?? []), d]);
  }
  return [...groups.keys()].sort().map((id) => {
    const group = groups.get(id)!;
    const first = group[0]!;
    const cohort = group.map((d) => d.cohort).sort()[0]!;
    const dueOn = group.map((d) => d.dueOn).sort()[0]!;
    return {
      step: first.step,
      currency: first.invoice.open.currency,
      cycleAnchorDate: cohort,
      invoices: group.map((d) => d.invoice),
      dueFrom: dueOn,
      reasons: [{ code: 'step_due', params: { stepId: first.step.id, dueOn } }],
    };
  });
}
