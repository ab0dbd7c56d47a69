import { describe, expect, it } from 'vitest';
import { REASON_CODES, type Reason } from '../../../src/domain/policy/plan';
import { reasonText } from '../../../src/domain/task-text/task-text';

describe('task reasons', () => {
  it('when a reason is read, then only its own parameters compile', () => {
    const r = { code: 'promise_broken', params: { promiseId: 'p1', promisedDate: '2026-11-10' } } as Reason;
    if (r.code === 'promise_broken') {
      expect(r.params.promisedDate).toBe('2026-11-10');
      // @ts-expect-error the card of issue 11 read `until` where the engine sends promisedDate
      expect(r.params.until).toBeUndefined();
    }
    // @ts-expect-error a step_due reason without its due date is not a reason
    const missing: Reason = { code: 'step_due', params: { stepId: 'formal_reminder' } };
    expect(missing.code).toBe('step_due');
  });

  it.each(REASON_CODES.map((c) => [c]))('when the reason is %s, then it has words in English and Dutch', (code) => {
    const samples: Record<(typeof REASON_CODES)[number], Reason> = {
      step_due: { code: 'step_due', params: { stepId: 'formal_reminder', dueOn: '2026-11-15' } },
      steps_caught_up: { code: 'steps_caught_up', params: { skippedStepIds: 'late_payment_call' } },
      bundled_invoices: { code: 'bundled_invoices', params: { count: 2 } },
      steps_merged: { code: 'steps_merged', params: { stepIds: 'due_date_reminder' } },
      channel_fallback: { code: 'channel_fallback', params: { wanted: 'whatsapp', used: 'phone' } },
      failed_direct_debit: { code: 'failed_direct_debit', params: { reason: 'insufficient_funds', failedOn: '2026-11-09', invoiceExternalId: 'a' } },
      promise_broken: { code: 'promise_broken', params: { promiseId: 'p1', promisedDate: '2026-11-10' } },
      habitual_late_payer: { code: 'habitual_late_payer', params: {} },
      fourteen_day_letter: { code: 'fourteen_day_letter', params: { payBy: '2026-12-01', costsMinor: 4_000, currency: 'EUR' } },
      paused: { code: 'paused', params: { kind: 'manual' } },
      opted_out: { code: 'opted_out', params: {} },
    };
    for (const lang of ['en', 'nl'] as const) expect(reasonText(lang, samples[code]).length).toBeGreaterThan(3);
  });
});
