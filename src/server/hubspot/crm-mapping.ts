import type { TaskPriority, TaskType } from '../../domain/policy/task-kind';
import type { CompanyRollup, CompanySearchKeys, CompanySummary, TaskCompletion, TaskDraft, TaskUpdate } from './gateway';
import { P, TASK_ACTION_KEY, TASK_STEP, WRITE_KEY } from './crm-schema';

/** HubSpot association type ids (reference §4.4, §4.5). */
export const ASSOC = { taskToCompany: 192, taskToContact: 204, noteToCompany: 190, noteToContact: 202 } as const;

/** Date properties take midnight UTC; epoch milliseconds avoid any parsing doubt. An empty string clears. */
const dateValue = (d: string | null): string => (d ? String(Date.parse(`${d}T00:00:00Z`)) : '');

export function rollupProperties(r: CompanyRollup, syncedAt: string): Record<string, string> {
  return {
    [P.openBalance]: String(r.openBalance),
    [P.currency]: r.currency,
    [P.openSummary]: r.openSummary,
    [P.overdueBalance]: String(r.overdueBalance),
    [P.overdueSummary]: r.overdueSummary,
    [P.oldestOverdueDays]: String(r.oldestOverdueDays),
    [P.dunningStage]: r.dunningStage,
    [P.nextAction]: r.nextAction,
    [P.nextActionDate]: dateValue(r.nextActionDate),
    [P.promiseDate]: dateValue(r.promiseDate),
    [P.riskSegment]: r.riskSegment,
    [P.preferredChannel]: r.preferredChannel ?? '',
    [P.optOut]: String(r.optOut),
    [P.lastSync]: String(Date.parse(syncedAt)),
  };
}

export const COMPANY_READ_PROPERTIES = ['name', 'domain', 'hubspot_owner_id', P.vatNumber, P.cocNumber, P.customerNumber];

export function toCompanySummary(o: { id: string; properties: Record<string, string | null | undefined> }): CompanySummary {
  const v = (name: string) => { const x = o.properties[name]; return x === null || x === undefined || x === '' ? undefined : x; };
  const summary: Record<string, string | undefined> = {
    id: o.id, name: v('name'), domain: v('domain'), ownerId: v('hubspot_owner_id'),
    vatNumber: v(P.vatNumber), cocNumber: v(P.cocNumber), customerNumber: v(P.customerNumber),
  };
  return Object.fromEntries(Object.entries(summary).filter(([, x]) => x !== undefined)) as unknown as CompanySummary;
}

/** One filter group per key (groups are ORed): `IN` on the company property that carries it. */
export function companySearchGroups(keys: CompanySearchKeys) {
  const groups: { filters: { propertyName: string; operator: 'IN'; values: string[] }[] }[] = [];
  const add = (propertyName: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) groups.push({ filters: [{ propertyName, operator: 'IN', values: [...values] }] });
  };
  add(P.vatNumber, keys.vatNumbers);
  add(P.cocNumber, keys.cocNumbers);
  add(P.customerNumber, keys.customerNumbers);
  add('domain', keys.domains);
  add('name', keys.names);
  return groups;
}

const TASK_TYPE: Record<TaskType, string> = { call: 'CALL', email: 'EMAIL', todo: 'TODO' };
const PRIORITY: Record<TaskPriority, string> = { low: 'LOW', medium: 'MEDIUM', high: 'HIGH' };

/** One HUBSPOT_DEFINED association of a new engagement (task, note, call) to a record. */
export const assoc = (id: string, associationTypeId: number) =>
  ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as const, associationTypeId }] });

export function taskInput(d: TaskDraft) {
  const properties: Record<string, string> = {
    hs_task_subject: d.subject,
    hs_task_body: d.body,
    hs_task_type: TASK_TYPE[d.type],
    hs_task_priority: PRIORITY[d.priority],
    hs_task_status: 'NOT_STARTED',
    hs_timestamp: d.dueAt,
    [TASK_ACTION_KEY]: d.actionKey,
    [WRITE_KEY]: d.actionKey,
  };
  if (d.ownerId) properties.hubspot_owner_id = d.ownerId;
  if (d.stepId) properties[TASK_STEP] = d.stepId;
  const associations = [assoc(d.companyId, ASSOC.taskToCompany)];
  if (d.contactId) associations.push(assoc(d.contactId, ASSOC.taskToContact));
  // objectWriteTraceId makes HubSpot answer 207 with per-input errors instead of failing the whole batch.
  return { properties, associations, objectWriteTraceId: d.actionKey };
}

export function taskUpdateProperties(u: TaskUpdate): Record<string, string> {
  return {
    hs_task_subject: u.subject, hs_task_body: u.body, hs_task_priority: PRIORITY[u.priority],
    ...(u.ownerId ? { hubspot_owner_id: u.ownerId } : {}),
  };
}

/** A task's status as HubSpot reports it: COMPLETED, and the completion date when HubSpot set one (a valid instant only). */
export function taskCompletion(p: Record<string, string | null | undefined>): TaskCompletion {
  const at = p.hs_task_completion_date;
  // Datetime properties come as ISO text, or as epoch milliseconds from older endpoints.
  const ms = at ? (/^\d+$/.test(at) ? Number(at) : Date.parse(at)) : Number.NaN;
  const completedAt = Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
  return { completed: p.hs_task_status === 'COMPLETED', ...(completedAt ? { completedAt } : {}) };
}
