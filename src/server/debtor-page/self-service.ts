import type { Redis } from 'ioredis';
import type { ArrangeForm, ArrangeOutcome } from '../../contracts/debtor-page';
import { decideArrangement, decideDeferral } from '../../domain/debtor-page/self-service';
import { selfServiceLimitsOf } from '../../domain/policy/self-service-limits';
import { nextBusinessDay } from '../../domain/calendar';
import { zonedTimeToInstant } from '../../domain/dates';
import type { ActionRecord, BusinessCalendar } from '../../domain/ledger';
import type { HubSpotGateway } from '../hubspot/gateway';
import type { LedgerStore } from '../ledger/ledger-store';
import type { DebtorView } from './page-service';
import { selfServiceTexts } from './self-service-texts';

export interface SelfServiceDeps {
  readonly ledger: LedgerStore;
  readonly gateway: Pick<HubSpotGateway, 'createNote' | 'createTasks' | 'findTasksByActionKey'>;
  readonly redis: Redis;
  readonly prefix: string;
  readonly now: () => Date;
  readonly calendarFor: (portalId: string) => Promise<BusinessCalendar>;
  /** Owner of the tasks when the company has none (the portal's credit controller). */
  readonly fallbackOwnerFor: (portalId: string) => Promise<string | undefined>;
}

interface Plan {
  readonly outcome: ArrangeOutcome;
  readonly write?: () => Promise<void>;
  readonly note?: string;
  readonly task?: { subject: string; body: string };
  readonly invoiceIds: readonly string[];
}

const SUBMISSION_TTL_SECONDS = 90 * 86_400;

/**
 * The customer arranges it themselves: deferral and payment arrangement within the limits are granted at once
 * (a promise or an arrangement in the ledger, which pauses those invoices' reminders as the domain says) and
 * noted in HubSpot; beyond them, and for a dispute or a new accounts-payable address, a task asks the owner to
 * act. Ids derive from the form's submission id and each HubSpot write is remembered right after it succeeds, so
 * a resubmitted form changes nothing and a retry after a failure resumes where it stopped.
 */
export function createSelfService(deps: SelfServiceDeps) {
  const plan = (view: DebtorView, form: ArrangeForm, id: string): Plan => {
    const { portalId, companyId, standing } = view;
    // The portal's own policy decides what is granted at once: the same limits the page shows.
    const limits = selfServiceLimitsOf(view.policy);
    const t = selfServiceTexts(view.creditor.defaultLanguage);
    const numberOf = (ext: string) => standing.invoices.find((i) => i.externalId === ext)?.number ?? ext;
    switch (form.kind) {
      case 'deferral': {
        const d = decideDeferral(standing, form.invoice, form.until, limits);
        if (d.kind === 'refused') return { outcome: 'refused', invoiceIds: [] };
        if (d.kind === 'review') {
          return { outcome: 'deferral_review', invoiceIds: [form.invoice], task: { subject: t.deferralTask(d.line.number), body: t.deferralTaskBody(d.line.number, d.until, d.reasons) } };
        }
        return {
          outcome: 'deferral_approved', invoiceIds: [form.invoice], note: t.deferralApproved(d.line.number, d.until),
          write: () => deps.ledger.addPromise(portalId, {
            id, companyId, invoiceExternalIds: [form.invoice], promisedDate: d.until, amount: d.line.amount, source: 'portal', madeOn: standing.asOf,
          }),
        };
      }
      case 'arrangement': {
        const a = decideArrangement(standing, form.terms, form.firstDate, limits);
        if (a.kind === 'refused') return { outcome: 'refused', invoiceIds: [] };
        const invoiceIds = a.lines.map((l) => l.invoiceExternalId);
        if (a.kind === 'review') return { outcome: 'arrangement_review', invoiceIds, task: { subject: t.arrangementTask, body: t.arrangementTaskBody(a.instalments, a.reasons) } };
        return {
          outcome: 'arrangement_approved', invoiceIds, note: t.arrangementApproved(a.instalments),
          write: () => deps.ledger.addArrangement(portalId, { id, companyId, invoiceExternalIds: invoiceIds, agreedOn: standing.asOf, instalments: a.instalments }),
        };
      }
      case 'dispute': {
        const inv = standing.invoices.find((i) => i.externalId === form.invoice && i.kind === 'invoice');
        if (!inv) return { outcome: 'refused', invoiceIds: [] };
        const note = t.disputeNote(numberOf(form.invoice), form.reason, form.message);
        return {
          outcome: 'dispute_received', invoiceIds: [form.invoice], note, task: { subject: t.disputeTask(inv.number), body: note },
          write: () => deps.ledger.addDispute(portalId, {
            id, companyId, invoiceExternalId: form.invoice, reason: form.reason, ...(form.message ? { note: form.message } : {}), openedOn: standing.asOf,
          }),
        };
      }
      case 'ap_email': {
        const note = t.emailNote(form.email);
        return { outcome: 'email_received', invoiceIds: [], note, task: { subject: t.emailTask, body: note } };
      }
    }
  };

const run = async (view: DebtorView, form: ArrangeForm, key: string): Promise<ArrangeOutcome> => {
    const { portalId, companyId } = view;
    const earlier = await deps.redis.hgetall(key);
    if (earlier.done) return earlier.outcome as ArrangeOutcome;
    const id = `portal-${form.submission}`;
    // The decision is taken once: a retry after a partial failure must not re-decide on a ledger it changed.
    const p = plan(view, form, id);
    const outcome = (earlier.outcome as ArrangeOutcome | undefined) ?? p.outcome;
    if (!earlier.outcome) await deps.redis.multi().hset(key, 'outcome', outcome).expire(key, SUBMISSION_TTL_SECONDS).exec();
    if (outcome === 'refused') return outcome;

    await p.write?.();
    const record: ActionRecord = {
      key: id, companyId, kind: 'portal_notice', channel: 'portal', doneAt: deps.now().toISOString(), outcome: 'replied', invoiceExternalIds: [...p.invoiceIds].sort(),
    };
    await deps.ledger.recordActions(portalId, [record]);

    const ownerId = view.ledger.profile.ownerId ?? (await deps.fallbackOwnerFor(portalId));
    const owner = ownerId ? { ownerId } : {};
    const contact = view.ledger.profile.accountsPayableContactId ? { contactId: view.ledger.profile.accountsPayableContactId } : {};
    if (p.note && !earlier.noteId) {
      const noteId = await deps.gateway.createNote(portalId, { key: `dp-note-${form.submission}`, companyId, ...contact, ...owner, body: p.note, at: deps.now().toISOString() });
      await deps.redis.hset(key, 'noteId', noteId);
    }
    if (p.task && !earlier.taskId) {
      const actionKey = `dp-${form.submission}`;
      let taskId = earlier.taskPending ? (await deps.gateway.findTasksByActionKey(portalId, [actionKey])).get(actionKey) : undefined;
      if (!taskId) {
        await deps.redis.hset(key, 'taskPending', '1');
        const calendar = await deps.calendarFor(portalId);
        const dueOn = nextBusinessDay(view.standing.asOf, calendar);
        const res = await deps.gateway.createTasks(portalId, [{
          actionKey, companyId, ...contact, ...owner, type: 'todo', subject: p.task.subject, body: p.task.body,
          dueAt: zonedTimeToInstant(dueOn, view.policy.workingHours.fromHour, 0, calendar.timeZone), priority: 'high', stepId: `portal_${form.kind}`,
        }]);
        taskId = res.created[0]?.taskId;
        if (!taskId) throw new Error('HubSpot did not create the task');
      }
      await deps.redis.hset(key, 'taskId', taskId);
    }
    await deps.redis.hset(key, 'done', '1');
    return outcome;
  };

  return {
    async submit(view: DebtorView, form: ArrangeForm): Promise<ArrangeOutcome> {
      const { portalId, companyId } = view;
      const key = `${deps.prefix}:p:${portalId}:dp:sub:${companyId}:${form.submission}`;
      // A double tap sends the form twice at once: the second waits for the first and answers its outcome.
      const lock = `${key}:lock`;
      for (let i = 0; !(await deps.redis.set(lock, '1', 'EX', 30, 'NX')); i++) {
        if (i >= 100) throw new Error('submission still being saved');
        await new Promise((r) => setTimeout(r, 50));
      }
      try {
        return await run(view, form, key);
      } finally {
        await deps.redis.del(lock);
      }
    },

  };
}
export type SelfService = ReturnType<typeof createSelfService>;
