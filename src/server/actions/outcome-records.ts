import type { OutcomeInput } from '../../contracts/actions';
import type { Instant, IsoDate } from '../../domain/dates';
import type { ActionRecord, ContactProfile, Dispute, PaymentArrangement, PromiseToPay } from '../../domain/ledger';

/** Everything one logged outcome changes in the ledger. Ids derive from the outcome id: writing twice keeps one. */
export interface OutcomeRecords {
  readonly action: ActionRecord;
  readonly promise?: PromiseToPay;
  readonly dispute?: Dispute;
  readonly arrangement?: PaymentArrangement;
  /** The profile with the deferral added as a pause, when the customer was granted one. */
  readonly profile?: ContactProfile;
}

export const DEFERRAL_REASON = 'deferral';

export function outcomeRecords(input: OutcomeInput, q: { companyId: string; doneAt: Instant; asOf: IsoDate; profile: ContactProfile }): OutcomeRecords {
  const id = input.outcomeId;
  const contact = input.contactId ? { contactId: input.contactId } : {};
  const named = [
    ...(input.promise?.invoiceExternalIds ?? []), ...(input.arrangement?.invoiceExternalIds ?? []),
    ...(input.dispute ? [input.dispute.invoiceExternalId] : []),
  ];
  const action: ActionRecord = {
    key: `call-${id}`, companyId: q.companyId, kind: 'call', channel: input.channel, doneAt: q.doneAt,
    outcome: input.result, invoiceExternalIds: [...new Set(named)].sort(), ...contact,
  };
  const p = input.promise;
  const promise: PromiseToPay | undefined = p && {
    id: `promise-${id}`, companyId: q.companyId, invoiceExternalIds: p.invoiceExternalIds, promisedDate: p.date,
    amount: p.amount, ...(p.method ? { method: p.method } : {}), source: 'call', madeOn: q.asOf, ...contact,
  };
  const d = input.dispute;
  const dispute: Dispute | undefined = d && {
    id: `dispute-${id}`, companyId: q.companyId, invoiceExternalId: d.invoiceExternalId, reason: d.reason,
    ...(d.note ? { note: d.note } : {}), openedOn: q.asOf,
  };
  const a = input.arrangement;
  const arrangement: PaymentArrangement | undefined = a && {
    id: `arrangement-${id}`, companyId: q.companyId, invoiceExternalIds: a.invoiceExternalIds, agreedOn: q.asOf,
    instalments: a.instalments.map((x) => ({ dueDate: x.dueDate, amount: x.amount })),
  };
  const def = input.deferral;
  const already = def && q.profile.pauses.some((x) => x.reason === DEFERRAL_REASON && x.from === q.asOf && x.until === def.until);
  const profile: ContactProfile | undefined = def && !already
    ? { ...q.profile, pauses: [...q.profile.pauses, { reason: DEFERRAL_REASON, from: q.asOf, until: def.until }] }
    : undefined;
  return {
    action,
    ...(promise ? { promise } : {}), ...(dispute ? { dispute } : {}), ...(arrangement ? { arrangement } : {}), ...(profile ? { profile } : {}),
  };
}
