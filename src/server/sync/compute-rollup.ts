import { dateInZone, type Instant, type IsoDate } from '../../domain/dates';
import { isOptOutActive } from '../../domain/holds';
import type { CustomerLedger } from '../../domain/ledger';
import { agingByCurrency, oldestOverdue } from '../../domain/measures/aging';
import { formatMoneyWithCode } from '../../domain/i18n/format';
import { toMajor, type Money } from '../../domain/money';
import { activePauses, isCustomerPaused } from '../../domain/pauses';
import type { PlanResult } from '../../domain/policy/plan';
import { scoreCustomer } from '../../domain/prioritisation/score';
import { promiseStatus } from '../../domain/promises';
import type { CompanyRollup } from '../hubspot/gateway';

export interface RollupContext {
  readonly now: Instant;
  readonly timeZone: string;
  /** Shown in the numeric balance properties when the company owes in it. */
  readonly portalCurrency: string;
  readonly plan: PlanResult;
  readonly toleranceMinor?: Readonly<Record<string, number>>;
}

/** The company's summary properties are written in Dutch figures, as the portals this app serves read them. */
const summary = (amounts: readonly Money[]): string => amounts.filter((m) => m.minor !== 0).map((m) => formatMoneyWithCode(m, 'nl')).join(' · ');

/** The company-level facts HubSpot shows, from the ledger and the engine's plan. Pure. */
export function computeRollup(ledger: CustomerLedger, ctx: RollupContext): CompanyRollup {
  const today: IsoDate = dateInZone(ctx.now, ctx.timeZone);
  const aging = agingByCurrency(ledger.invoices, today);
  const main = aging.find((a) => a.currency === ctx.portalCurrency && a.totalOpen.minor !== 0)
    ?? [...aging].sort((a, b) => b.totalOpen.minor - a.totalOpen.minor)[0];
  const currency = main?.currency ?? ctx.portalCurrency;
  const pauses = activePauses(ledger, today, ctx.toleranceMinor ? { toleranceMinor: ctx.toleranceMinor } : {});
  const next = ctx.plan.actions[0] ?? ctx.plan.position.next;
  const openPromises = ledger.promises
    .filter((p) => promiseStatus(p, ledger, today) === 'open')
    .map((p) => p.promisedDate).sort();
  const stage = isCustomerPaused(pauses) ? 'paused' : ctx.plan.position.currentStepId ?? (pauses.length > 0 && ctx.plan.actions.length === 0 ? 'paused' : 'none');
  return {
    companyId: ledger.companyId,
    currency,
    openBalance: main ? toMajor(main.totalOpen) : 0,
    overdueBalance: main ? toMajor(main.totalOverdue) : 0,
    openSummary: summary(aging.map((a) => a.totalOpen)),
    overdueSummary: summary(aging.map((a) => a.totalOverdue)),
    oldestOverdueDays: oldestOverdue(ledger.invoices, today)?.daysPastDue ?? 0,
    dunningStage: stage,
    nextAction: next ? `${next.action} · ${next.stepId}` : '',
    nextActionDate: next ? dateInZone(next.dueAt, ctx.timeZone) : null,
    promiseDate: openPromises[0] ?? null,
    riskSegment: scoreCustomer(ledger, today).segment,
    preferredChannel: ledger.profile.channels[0] ?? null,
    optOut: isOptOutActive(ledger.profile.optOut, today),
  };
}
