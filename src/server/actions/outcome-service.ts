import type { OutcomeInput, OutcomeResultVM } from '../../contracts/actions';
import { zonedTimeToInstant, type IsoDate } from '../../domain/dates';
import type { CompanyId } from '../../domain/ledger';
import { policyFor } from '../cards/portal-day';
import { AppError } from '../errors';
import type { PortalId } from '../ledger/ledger-store';
import { createPromiseChecks } from '../scheduling/promise-checks';
import { loadCustomer, type ActionServiceDeps } from './action-deps';
import { callNotes, followUpFor, summaryEmail } from '../../domain/outcomes';
import { outcomeRecords } from './outcome-records';
import { keptForLater, parkedForMs } from './kept-for-later';
import { createOutcomeStore } from './outcome-store';
import { validateOutcome } from './outcome-validation';
import { createParkedWrites } from './parked-writes';

const DISPOSITION = { reached: 'connected', wrong_person: 'connected', not_reached: 'no_answer', voicemail: 'left_voicemail' } as const;

/** A kept outcome applied after the daily limit's reset: validated when it was logged, on the day it was logged. */
export interface OutcomeReplay { readonly asOf: IsoDate }

/**
 * Logs one call outcome: validate against the ledger, record the agreements (which pause or reshape the
 * reminder ladder), log the call on the timeline, create the follow-up task, mark the company for sync and
 * draft the summary e-mail. The same outcome id is recorded once; a retry after a failure resumes where the
 * first attempt stopped (each HubSpot write is remembered in Redis right after it succeeds). While HubSpot's daily
 * limit is spent, the agreements are recorded all the same and the HubSpot part is kept for after the reset
 * (KeptForLater); the resume replays it through here.
 */
export function createOutcomeService(deps: ActionServiceDeps) {
  const store = createOutcomeStore(deps.redis, deps.prefix);
  const promiseChecks = createPromiseChecks(deps.redis, deps.prefix);
  const parked = createParkedWrites(deps.redis, deps.prefix);

  return async function logOutcome(portalId: PortalId, companyId: CompanyId, input: OutcomeInput, replay?: OutcomeReplay): Promise<OutcomeResultVM> {
    const id = input.outcomeId;
    const earlier = await store.result(portalId, companyId, id);
    if (earlier) return { ...earlier, duplicate: true };

    const c = await loadCustomer(deps, portalId, companyId);
    const asOf = replay?.asOf ?? c.asOf;
    if (!replay) validateOutcome(input, c.ledger, asOf);
    const token = await store.lock(portalId, companyId, id);
    if (!token) throw new AppError('outcome_in_progress', 'This outcome is being saved right now. Wait a moment and try again.', 409);
    try {
      const again = await store.result(portalId, companyId, id);
      if (again) return { ...again, duplicate: true };
      const progress = await store.progress(portalId, companyId, id);
      const doneAt = progress.doneAt ?? c.now.toISOString();
      if (!progress.doneAt) await store.note(portalId, companyId, id, 'doneAt', doneAt);

      const records = outcomeRecords(input, { companyId, doneAt, asOf, profile: c.ledger.profile });
      if (records.promise) await deps.ledger.addPromise(portalId, records.promise);
      if (records.dispute) await deps.ledger.addDispute(portalId, records.dispute);
      if (records.arrangement) await deps.ledger.addArrangement(portalId, records.arrangement);
      if (records.profile) await deps.ledger.saveProfile(portalId, records.profile);
      await deps.ledger.recordActions(portalId, [records.action]);
      try {
        const ownerId = c.ledger.profile.ownerId ?? (await deps.fallbackOwnerFor?.(portalId));
        const contactId = input.contactId ?? c.ledger.profile.accountsPayableContactId;
        const contact = contactId ? { contactId } : {};
        const owner = ownerId ? { ownerId } : {};

        let callId = progress.callId;
        if (!callId) {
          const notes = callNotes(input, c.ledger);
          callId = await deps.engagements.logCall(portalId, {
            key: `call-${companyId}-${id}`, companyId, ...contact, ...owner, ...notes, disposition: DISPOSITION[input.result], at: doneAt,
          });
          await store.note(portalId, companyId, id, 'callId', callId);
        }

        const plan = followUpFor(input, c.ledger, asOf, c.calendar);
        let followUp: OutcomeResultVM['followUp'] = null;
        if (plan) {
          const actionKey = `fu-${id}`;
          let taskId = progress.taskId;
          // Only an attempt that died between creating the task and noting it needs HubSpot's search (5/s budget).
          if (!taskId && progress.taskPending) taskId = (await deps.gateway.findTasksByActionKey(portalId, [actionKey])).get(actionKey);
          if (!taskId) {
            await store.note(portalId, companyId, id, 'taskPending', '1');
            const policy = await policyFor(deps, portalId);
            const dueAt = zonedTimeToInstant(plan.dueOn, policy.workingHours.fromHour, 0, c.calendar.timeZone);
            const res = await deps.gateway.createTasks(portalId, [{
              actionKey, companyId, ...contact, ...owner, type: plan.type, subject: plan.subject, body: plan.body, dueAt, priority: plan.priority, stepId: plan.kind,
            }]);
            taskId = res.created[0]?.taskId;
            if (!taskId) throw new AppError('task_not_created', 'HubSpot did not create the follow-up task. Try again.', 502);
          }
          await store.note(portalId, companyId, id, 'taskId', taskId);
          // The reminder run closes a promise check by itself once the promise is kept.
          if (plan.kind === 'check_promise' && records.promise) await promiseChecks.remember(portalId, companyId, records.promise.id, taskId);
          followUp = { kind: plan.kind, dueOn: plan.dueOn, taskId };
        }

        await deps.ledger.markDirty(portalId, [companyId]);
        const payLink = await deps.payLinkFor?.(portalId, companyId);
        const result: OutcomeResultVM = { outcomeId: id, duplicate: false, callId, followUp, summaryEmail: summaryEmail(input, c.ledger, input.companyName, payLink) };
        await store.saveResult(portalId, companyId, result);
        return result;
      } catch (err) {
        const parkedMs = parkedForMs(err);
        if (parkedMs === undefined || replay) throw err;
        // The agreements above already count; the call, the task and the rollup follow when the budget returns.
        await parked.keep(portalId, { kind: 'outcome', companyId, input, asOf });
        await deps.ledger.markDirty(portalId, [companyId]);
        throw keptForLater(parkedMs);
      }
    } finally {
      await store.unlock(portalId, companyId, id, token);
    }
  };
}
