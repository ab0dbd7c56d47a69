import { isBusinessDay } from '../calendar';
import { dateInZone, isoWeekday, type Instant } from '../dates';
import type { BusinessCalendar, ContactProfile, Language } from '../ledger';
import { daysText, formatMoney, formatDate, LOCALE, text } from './format';
import type { CallFacts } from './facts';
import type { MessageKey } from './messages';
import { firstSlot, windowsFor } from '../policy/schedule';
import type { ChecklistItem, CallScriptInput } from './types';

/** The seeds' preparation list: right person, earlier contact, disputes, reason for delay, behaviour, reminders. */
export function preparation(input: CallScriptInput, facts: CallFacts): ChecklistItem[] {
  const lang = input.language;
  const { profile } = input.ledger;
  const items: ChecklistItem[] = [];
  items.push(rightPerson(lang, profile));

  const last = facts.contacts.at(-1);
  items.push(
    last
      ? { id: 'earlier_contacts', status: 'ok', text: text(lang, 'prep.earlier_contacts.ok', {
          count: facts.contacts.length, date: formatDate(facts.dateOf(last), lang), outcome: text(lang, last.outcome ? `outcome.${last.outcome}` : 'outcome.none') }) }
      : { id: 'earlier_contacts', status: 'missing', text: text(lang, 'prep.earlier_contacts.missing') },
  );

  const disputes = facts.openDisputes;
  items.push(
    disputes.length > 0
      ? { id: 'disputes', status: 'warning', text: text(lang, 'prep.disputes.warning', { count: disputes.length, invoices: invoiceNumbers(input, disputes.map((d) => d.invoiceExternalId)) }) }
      : { id: 'disputes', status: 'ok', text: text(lang, 'prep.disputes.ok') },
  );

  items.push(reasonForDelay(input, facts));
  items.push(behaviourItem(lang, facts));

  const reminders = facts.contacts.filter((r) => r.stepId !== undefined);
  const lastReminder = reminders.at(-1);
  items.push(
    lastReminder
      ? { id: 'earlier_reminders', status: 'ok', text: text(lang, 'prep.reminders.ok', {
          count: reminders.length, step: text(lang, `action.${lastReminder.kind}`), date: formatDate(facts.dateOf(lastReminder), lang) }) }
      : { id: 'earlier_reminders', status: 'missing', text: text(lang, 'prep.reminders.missing') },
  );

  const p = facts.brokenPromise;
  if (p) items.push({ id: 'broken_promise', status: 'warning', text: text(lang, 'prep.promise.warning', { amount: formatMoney(p.amount, lang), date: formatDate(p.promisedDate, lang) }) });
  if (input.now && input.calendar) items.push(callMoment(lang, input.now, input.calendar, profile, facts));
  return items;
}

/** A business has an accounts payable department to find; a consumer is simply called in person. */
function rightPerson(lang: Language, profile: ContactProfile): ChecklistItem {
  if (profile.customerType === 'consumer') {
    const known = profile.accountsPayableContactId ?? profile.decisionMakerContactId;
    return known
      ? { id: 'right_person', status: 'ok', text: text(lang, 'prep.right_person.consumer.ok') }
      : { id: 'right_person', status: 'missing', text: text(lang, 'prep.right_person.consumer.missing') };
  }
  const status = profile.accountsPayableContactId ? 'ok' : profile.decisionMakerContactId ? 'warning' : 'missing';
  return { id: 'right_person', status, text: text(lang, `prep.right_person.${status}`) };
}

const invoiceNumbers = (input: CallScriptInput, ids: readonly string[]): string =>
  ids.map((id) => input.ledger.invoices.find((i) => i.externalId === id)?.number ?? id).join(', ');

/** The last known reason: a failed direct debit or a dispute, whichever is more recent. */
function reasonForDelay(input: CallScriptInput, facts: CallFacts): ChecklistItem {
  const lang = input.language;
  const failure = facts.lastFailure;
  const dispute = facts.openDisputes.at(-1);
  if (dispute && (!failure || dispute.openedOn >= failure.date)) {
    const reason = text(lang, 'reason.dispute', { invoice: invoiceNumbers(input, [dispute.invoiceExternalId]), dispute: text(lang, `dispute.${dispute.reason}`) });
    return { id: 'reason_for_delay', status: 'ok', text: text(lang, 'prep.reason.ok', { reason, date: formatDate(dispute.openedOn, lang) }) };
  }
  if (failure) {
    return { id: 'reason_for_delay', status: 'ok', text: text(lang, 'prep.reason.ok', { reason: text(lang, `reason.${failure.reason}`), date: formatDate(failure.date, lang) }) };
  }
  return { id: 'reason_for_delay', status: 'missing', text: text(lang, 'prep.reason.missing') };
}

function behaviourItem(lang: Language, facts: CallFacts): ChecklistItem {
  const b = facts.behaviour;
  if (b.paidInvoiceCount === 0) return { id: 'payment_behaviour', status: 'missing', text: text(lang, 'prep.behaviour.missing') };
  const params = { daysLate: daysText(lang, Math.round(b.averageDaysLate ?? 0)), onTime: Math.round((b.onTimeShare ?? 0) * 100), trend: text(lang, `trend.${b.trend}`) };
  const key: MessageKey = b.habitualLatePayer ? 'prep.behaviour.warning' : 'prep.behaviour.ok';
  return { id: 'payment_behaviour', status: b.habitualLatePayer ? 'warning' : 'ok', text: text(lang, key, params) };
}

/** "Maandagochtend en vrijdagmiddag zijn minder vaak succesvol": checks `now` against the call windows. */
function callMoment(lang: Language, now: Instant, cal: BusinessCalendar, profile: ContactProfile, facts: CallFacts): ChecklistItem {
  const day = dateInZone(now, cal.timeZone);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: cal.timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date(now)));
  const windows = windowsFor('call', facts.policy, profile, true);
  const inWindow = isBusinessDay(day, cal) && windows.some((w) => w.weekday === isoWeekday(day) && hour >= w.fromHour && hour < w.toHour);
  if (inWindow) return { id: 'call_moment', status: 'ok', text: text(lang, 'prep.call_moment.ok') };
  const slot = firstSlot({ from: day, now, action: 'call', policy: facts.policy, profile, cal });
  const next = new Intl.DateTimeFormat(LOCALE[lang], {
    timeZone: cal.timeZone, weekday: 'long', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  }).format(new Date(slot));
  return { id: 'call_moment', status: 'warning', text: text(lang, 'prep.call_moment.warning', { next }) };
}
