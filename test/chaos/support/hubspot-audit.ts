import type { Portal } from '../../../src/sandbox/crm/portal';
import type { SandboxObjectType, SandboxRecord } from '../../../src/sandbox/crm/types';
import type { Month } from '../../acceptance/support/month';

/**
 * The local HubSpot portal itself (the in-process sandbox): the chaos scenarios count hundreds of companies'
 * objects after each run, which through the inspection endpoint would mean one state dump per company.
 */
export const hubspotPortal = (m: Month): Portal => {
  const portal = m.embedded.hubspot.sandbox.state.portals.get(Number(m.portalId));
  if (!portal) throw new Error(`the sandbox has no portal ${m.portalId}`);
  return portal;
};

/** The live objects of `type` associated with each company. */
export function objectsByCompany(m: Month, type: SandboxObjectType, companies: readonly string[]): Map<string, SandboxRecord[]> {
  const hub = hubspotPortal(m);
  return new Map(companies.map((c) => [c, hub.associations.list('companies', c, type)
    .map((a) => hub.getObject(type, a.toObjectId)).filter((r): r is SandboxRecord => r !== undefined && !r.archived)]));
}

export interface Audit {
  readonly tasks: number;
  /** Companies without a task, or whose rollup is not their open balance. */
  readonly lost: number;
  /** Tasks whose action key an earlier task of the company carries already. */
  readonly doubled: number;
  /** Companies with the right rollup and their tasks each once. */
  readonly survived: number;
  readonly wrongRollups: number;
}

/**
 * What HubSpot holds for companies that each should have their rollup (open balance in major units) and at
 * least one reminder task: counted by action key, so a task created twice shows however it came about.
 */
export function auditCompanies(m: Month, expectedOpen: ReadonlyMap<string, number>): Audit {
  const hub = hubspotPortal(m);
  const audit = { tasks: 0, lost: 0, doubled: 0, survived: 0, wrongRollups: 0 };
  for (const [company, list] of objectsByCompany(m, 'tasks', [...expectedOpen.keys()])) {
    const doubled = list.length - new Set(list.map((t) => t.properties.rd_action_key)).size;
    const rollupRight = Number(hub.getObject('companies', company)?.properties.rd_open_balance ?? 'NaN') === expectedOpen.get(company);
    audit.tasks += list.length;
    audit.doubled += doubled;
    if (!rollupRight) audit.wrongRollups++;
    if (list.length === 0 || !rollupRight) audit.lost++;
    else if (doubled === 0) audit.survived++;
  }
  return audit;
}

/** The p-th percentile (0–100) of some measurements, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
