import { dateInZone, type Instant } from '../../domain/dates';
import type { BusinessCalendar, Language } from '../../domain/ledger';
import { fourteenDayLetter } from '../../domain/legal/fourteen-day-letter';
import type { PlannedAction } from '../../domain/policy/plan';
import { letterSentNote } from '../../domain/task-text';
import type { HubSpotGateway } from '../hubspot/gateway';
import type { LedgerStore } from '../ledger/ledger-store';
import type { TaskClaims } from './task-claims';

/** An open letter task the app follows: its HubSpot id, its action key, and the planned letter. */
export interface LetterTask {
  readonly companyId: string;
  readonly key: string;
  readonly taskId: string;
  readonly action: PlannedAction & { readonly legal: NonNullable<PlannedAction['legal']> };
}

export interface LetterCompletionDeps {
  readonly gateway: Pick<HubSpotGateway, 'readTaskCompletions' | 'createNote'>;
  readonly ledger: Pick<LedgerStore, 'recordTaskCompletions'>;
  readonly claims: Pick<TaskClaims, 'markClosed' | 'forgetLetterTasks'>;
  readonly now: () => Date;
}

export interface LetterPortal {
  readonly portalId: string;
  readonly timeZone: string;
  readonly language: Language;
  readonly calendar: BusinessCalendar;
}

const BATCH = 100;

/**
 * A 14-day letter goes out the day someone completes its task in HubSpot, and the law counts its 14 days from
 * the day after the customer receives it. So the app reads its open letter tasks back: a completed one is
 * recorded in the ledger history with the day it was completed (HubSpot's completion date, or the moment the
 * app learnt of it when HubSpot gives none), is no longer followed as open, and a note on the company states
 * when the term ends and what it costs after. Idempotent: the ledger keeps the first completion, the note has a key.
 */
export function createLetterCompletions(deps: LetterCompletionDeps) {
  return async function settleLetters(portal: LetterPortal, tasks: readonly LetterTask[]): Promise<number> {
    let settled = 0;
    for (let i = 0; i < tasks.length; i += BATCH) {
      const batch = tasks.slice(i, i + BATCH);
      const completions = await deps.gateway.readTaskCompletions(portal.portalId, batch.map((t) => t.taskId));
      const now = deps.now().toISOString();
      const done = batch.flatMap((t) => {
        const c = completions.get(t.taskId);
        if (!c?.completed) return [];
        // A completion date from the future is a clock HubSpot and we disagree on: the moment we saw it is the latest it can be.
        const completedAt: Instant = c.completedAt && c.completedAt < now ? c.completedAt : now;
        return [{ task: t, completedAt }];
      });
      if (done.length === 0) continue;
      await deps.ledger.recordTaskCompletions(portal.portalId, done.map((d) => ({ companyId: d.task.companyId, key: d.task.key, completedAt: d.completedAt })));
      for (const { task, completedAt } of done) {
        const sentOn = dateInZone(completedAt, portal.timeZone);
        const letter = fourteenDayLetter({ sentOn, cal: portal.calendar, principal: { minor: 0, currency: 'EUR' } });
        await deps.gateway.createNote(portal.portalId, {
          key: `letter-sent-${task.key}`, companyId: task.companyId, at: completedAt, ...(task.action.contactId ? { contactId: task.action.contactId } : {}),
          body: letterSentNote(portal.language, { sentOn, deemedReceivedOn: letter.deemedReceivedOn, payBy: letter.statedPayBy, costs: task.action.legal.costsIfUnpaid }),
        });
        await deps.claims.markClosed(portal.portalId, task.companyId, [task.key]);
      }
      await deps.claims.forgetLetterTasks(portal.portalId, done.map((d) => d.task.taskId));
      settled += done.length;
    }
    return settled;
  };
}
export type SettleLetters = ReturnType<typeof createLetterCompletions>;
