import { describe, expect, it } from 'vitest';
import { buildCallScript } from '../../../src/domain/call-script/script';
import { EXCUSES, type CallScriptInput } from '../../../src/domain/call-script/types';
import type { CustomerLedger } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { aDispute, aLedger, anInvoice, aPaidInvoice, aProfile, aPromise } from '../builders';
import { at, NL_CALENDAR } from '../policy/support';

const overdue = [
  anInvoice({ externalId: 'a', number: 'F-1', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: money(100_000, 'EUR') }),
  anInvoice({ externalId: 'b', number: 'F-2', issueDate: '2026-09-10', dueDate: '2026-10-10', amount: money(25_050, 'EUR') }),
];
const onTime = ['p1', 'p2', 'p3'].map((id, i) => aPaidInvoice(`2026-0${i + 1}-20`, { externalId: id, issueDate: `2026-0${i + 1}-01`, dueDate: `2026-0${i + 1}-25` }));
const late = ['p1', 'p2', 'p3'].map((id, i) => aPaidInvoice(`2026-0${i + 3}-25`, { externalId: id, issueDate: `2026-0${i + 1}-01`, dueDate: `2026-0${i + 1}-25` }));
const broken = aPromise({ invoiceExternalIds: ['a'], madeOn: '2026-10-05', promisedDate: '2026-10-12', amount: money(100_000, 'EUR') });

const customers: Record<string, CustomerLedger> = {
  good: aLedger({ invoices: [...overdue, ...onTime], profile: aProfile({ accountsPayableContactId: 'ap-1' }) }),
  late: aLedger({ invoices: [...overdue, ...late], profile: aProfile({ accountsPayableContactId: 'ap-1' }) }),
  broken: aLedger({ invoices: [...overdue, ...onTime], promises: [broken] }),
  consumer: aLedger({ invoices: overdue, profile: aProfile({ customerType: 'consumer' }) }),
};
const script = (who: string, extra: Partial<CallScriptInput> = {}) =>
  buildCallScript({ ledger: customers[who]!, asOf: '2026-10-20', language: 'en', companyName: 'Acme BV', contactName: 'Jan', ...extra });

describe('call script content per kind of customer', () => {
  const cases = [
    { name: 'when the customer pays on time, then the script is friendly and asks for a date', who: 'good', persona: 'good_payer', tone: 'friendly', opening: /could you check that for me/, when: /concrete date\.$/ },
    { name: 'when the customer is a habitual late payer, then the script is firm and asks for a date within 7 days', who: 'late', persona: 'habitual_late_payer', tone: 'firm', opening: /2 invoices of Acme BV, together €1,250.50, are overdue, the oldest by 19 days/, when: /within 7 days/ },
    { name: 'when the customer broke a promise, then the opening names the promise', who: 'broken', persona: 'broken_promise', tone: 'firm', opening: /promised to pay €1,000.00 by 12 Oct 2026 at the latest/, when: /within 7 days/ },
    { name: 'when the customer is a consumer, then the opening speaks to a person, not a company', who: 'consumer', persona: 'good_payer', tone: 'friendly', opening: /^Good day, this is \[your name\] from credit control\. Am I speaking with Jan\? I am calling about an open amount of €1,250.50/, when: /concrete date\.$/ },
  ];
  it.each(cases)('$name', ({ who, persona, tone, opening, when }) => {
    const s = script(who);
    expect([s.persona, s.tone]).toEqual([persona, tone]);
    expect(s.opening).toMatch(opening);
    expect(s.goals.find((g) => g.id === 'when')!.text).toMatch(when);
  });

  it('when the goals are listed, then they are when, how much (the overdue total per currency) and how', () => {
    const s = script('good');
    expect(s.goals.map((g) => g.id)).toEqual(['when', 'how_much', 'how']);
    expect(s.goals[1]!.proposed).toEqual([money(125_050, 'EUR')]);
  });

  it('when an invoice is disputed, then it is left out of the proposal and flagged in the preparation', () => {
    const ledger = { ...customers.good!, disputes: [aDispute({ invoiceExternalId: 'b', reason: 'delivery_problem', openedOn: '2026-10-15' })] };
    const s = buildCallScript({ ledger, asOf: '2026-10-20', language: 'en' });
    expect(s.goals[1]!.proposed).toEqual([money(100_000, 'EUR')]);
    expect(s.preparation.find((i) => i.id === 'disputes')).toEqual({ id: 'disputes', status: 'warning', text: expect.stringMatching(/F-2/) });
    expect(s.preparation.find((i) => i.id === 'reason_for_delay')!.text).toMatch(/delivery problem/);
  });

  it('when every common excuse is answered, then each has its answer (and the consumer gets a budget-sized arrangement)', () => {
    expect(script('good').excuses.map((e) => e.id)).toEqual([...EXCUSES]);
    expect(script('consumer').excuses.map((e) => e.id)).toEqual(['invoice_not_received', 'already_paid', 'delivery_problem', 'no_money']);
    expect(script('good').excuses.find((e) => e.id === 'already_paid')!.answer).toMatch(/proof of payment/);
    expect(script('good').excuses.find((e) => e.id === 'missing_po_number')!.answer).toMatch(/does not move it/);
    expect(script('good').excuses.find((e) => e.id === 'pays_after_60_days')!.answer).toMatch(/more than 60 days .* expressly agreed .*6:119a/);
    expect(script('good').excuses.find((e) => e.id === 'invoice_not_received')!.answer).toMatch(/Resend/);
    expect(script('good').excuses.find((e) => e.id === 'delivery_problem')!.answer).toMatch(/dispute on that invoice only/);
    expect(script('consumer').excuses.find((e) => e.id === 'no_money')!.answer).toMatch(/budget/);
  });

  it('when the customer broke a promise, then the follow-up includes informing the account owner', () => {
    expect(script('broken').followUp.map((f) => f.id)).toEqual(['summary_email', 'record', 'check_promise', 'inform_owner']);
    expect(script('good').followUp.map((f) => f.id)).toEqual(['summary_email', 'record', 'check_promise']);
  });
});

describe('preparation checklist', () => {
  it('when nothing is known yet, then the right person, contacts, reason and reminders are missing', () => {
    const s = buildCallScript({ ledger: aLedger({ invoices: overdue }), asOf: '2026-10-20', language: 'en' });
    expect(s.preparation.map((i) => [i.id, i.status])).toEqual([
      ['right_person', 'missing'], ['earlier_contacts', 'missing'], ['disputes', 'ok'], ['reason_for_delay', 'missing'],
      ['payment_behaviour', 'missing'], ['earlier_reminders', 'missing'],
    ]);
  });

  it('when there is history, then the earlier contacts, reminders and the failed debit reason show', () => {
    const ledger: CustomerLedger = {
      ...customers.late!,
      failedCollections: [{ id: 'f', companyId: 'c1', invoiceExternalId: 'a', date: '2026-10-02', reason: 'insufficient_funds' }],
      history: [{ key: 'k', companyId: 'c1', stepId: 'late_payment_call', kind: 'call', outcome: 'voicemail', doneAt: at('2026-10-05', '10:00'), invoiceExternalIds: ['a'] }],
    };
    const s = buildCallScript({ ledger, asOf: '2026-10-20', language: 'nl', calendar: NL_CALENDAR });
    const text = Object.fromEntries(s.preparation.map((i) => [i.id, `${i.status}: ${i.text}`]));
    expect(text.earlier_contacts).toBe('ok: 1 eerder contact, op 5 okt 2026 (voicemail).');
    expect(text.earlier_reminders).toBe('ok: 1 eerdere herinnering: telefoongesprek op 5 okt 2026.');
    expect(text.reason_for_delay).toBe('ok: Laatst bekende reden van de achterstand: incasso mislukt: onvoldoende saldo (2 okt 2026).');
    expect(text.payment_behaviour).toMatch(/^warning: Structureel late betaler: gemiddeld 60 dagen te laat/);
  });

  const moments = [
    { name: 'when it is Monday morning, then the call moment is flagged with a better time', now: at('2026-10-19', '09:30'), status: 'warning', text: /Monday 19 Oct(ober)?,? 13:00/ },
    { name: 'when it is Friday afternoon, then the call moment is flagged', now: at('2026-10-23', '14:00'), status: 'warning', text: /Monday 26 Oct/ },
    { name: 'when it is Tuesday at 10:00, then it is a good moment', now: at('2026-10-20', '10:00'), status: 'ok', text: /good moment/ },
  ];
  it.each(moments)('$name', ({ now, status, text }) => {
    const s = buildCallScript({ ledger: customers.good!, asOf: now.slice(0, 10), now, calendar: NL_CALENDAR, language: 'en' });
    const item = s.preparation.find((i) => i.id === 'call_moment')!;
    expect(item.status).toBe(status);
    expect(item.text).toMatch(text);
  });
});

describe('consumer 14-day letter in the script', () => {
  it('when the consumer has not had the letter yet, then the closing announces it with the exact WIK costs', () => {
    const s = script('consumer');
    expect(s.fourteenDayLetter).toEqual({ costsIfUnpaid: money(18_758, 'EUR') });
    expect(s.closing.at(-1)).toBe('If it is not paid, we send the formal 14-day letter; once those 14 days have passed, collection costs of €187.58 are charged.');
  });

  it('when the creditor adds VAT to collection costs, then the script names the costs with the VAT, in both languages', () => {
    // €187.58 of the scale plus 21% VAT: 18,758 × 1.21 = 22,697.18 cents.
    const en = buildCallScript({ ledger: customers.consumer!, asOf: '2026-11-05', language: 'en', calendar: NL_CALENDAR, costs: { vatBasisPoints: 2_100 } });
    expect(en.fourteenDayLetter).toEqual({ costsIfUnpaid: money(22_697, 'EUR'), vatBasisPoints: 2_100 });
    expect(en.closing.at(-1)).toBe('If it is not paid, we send the formal 14-day letter; once those 14 days have passed, collection costs of €226.97 (including 21% VAT) are charged.');
    const nl = buildCallScript({ ledger: customers.consumer!, asOf: '2026-11-05', language: 'nl', calendar: NL_CALENDAR, costs: { vatBasisPoints: 2_100 } });
    expect(nl.closing.at(-1)).toMatch(/incassokosten van €\s226,97 \(inclusief 21% btw\) in rekening gebracht\.$/);
  });

  it('when the letter was sent, then the closing names its pay-by date', () => {
    const ledger = { ...customers.consumer!, history: [{ key: 'l', companyId: 'c1', stepId: 'fourteen_day_letter', kind: 'letter' as const, doneAt: at('2026-10-29', '09:00'), invoiceExternalIds: ['a', 'b'] }] };
    const s = buildCallScript({ ledger, asOf: '2026-11-05', language: 'nl', calendar: NL_CALENDAR });
    expect(s.fourteenDayLetter).toEqual({ costsIfUnpaid: money(18_758, 'EUR'), sentOn: '2026-10-29', payBy: '2026-11-16' });
    expect(s.closing.at(-1)).toMatch(/^Onze brief geeft tot en met 16 nov 2026; daarna worden incassokosten van €\s187,58/);
  });

  it('when the customer is a business, then the 14-day letter is never mentioned', () => {
    for (const who of ['good', 'late', 'broken']) {
      const s = script(who);
      expect(s.fourteenDayLetter).toBeUndefined();
      expect(s.closing.join(' ')).not.toMatch(/14-day/);
    }
  });
});

describe('as a Dutch credit controller says it', () => {
  const nl = (who: string, extra: Partial<CallScriptInput> = {}) => script(who, { language: 'nl', ...extra });

  it('when the call opens, then the caller names themselves and checks who is on the line', () => {
    expect(nl('good', { callerName: 'Sanne de Boer', ourName: 'Bakkerij Jansen' }).opening)
      .toMatch(/^Goedendag, u spreekt met Sanne de Boer van de afdeling debiteurenbeheer van Bakkerij Jansen\. Spreek ik met Jan\? /);
    expect(nl('good', { contactName: undefined }).opening).toMatch(/\[uw naam\] .* Spreek ik met degene die onze facturen behandelt\?/);
    expect(nl('consumer', { contactName: undefined }).opening).toMatch(/Mag ik vragen met wie ik spreek\?/);
  });

  it('when counts change the words, then the Dutch plural is right: one factuur, two facturen, never factuur/facturen', () => {
    const one = aLedger({ invoices: [overdue[0]!, ...onTime], profile: aProfile({ accountsPayableContactId: 'ap-1' }) });
    expect(buildCallScript({ ledger: one, asOf: '2026-10-20', language: 'nl' }).opening).toMatch(/over een openstaande factuur van uw bedrijf van €\s1\.000,00\./);
    expect(nl('good').opening).toMatch(/over 2 openstaande facturen van Acme BV, samen €\s1\.250,50\./);
    expect(nl('late').opening).toMatch(/2 facturen van Acme BV, samen €\s1\.250,50, zijn vervallen, de oudste al 19 dagen over de vervaldatum\./);
  });

  it('when a promise was not kept, then it says "uiterlijk" and "niet nagekomen"', () => {
    const s = nl('broken');
    expect(s.opening).toMatch(/toegezegd €\s1\.000,00 uiterlijk 12 okt 2026 te betalen/);
    expect(s.preparation.find((i) => i.id === 'broken_promise')!.text).toMatch(/^Toezegging niet nagekomen: €\s1\.000,00 zou uiterlijk 12 okt 2026 betaald worden/);
    expect(s.followUp.at(-1)!.text).toMatch(/niet is nagekomen/);
  });

  it('when the customer is a consumer, then the preparation never speaks of a crediteurenadministratie', () => {
    const texts = nl('consumer').preparation.map((i) => i.text).join(' ');
    expect(texts).not.toMatch(/crediteurenadministratie/);
    expect(nl('good', { ledger: { ...customers.good!, profile: aProfile() } }).preparation[0]!.text).toMatch(/crediteurenadministratie/);
  });

  it('when there is a dispute, then it is a geschil, never a dispuut', () => {
    const ledger = { ...customers.good!, disputes: [aDispute({ invoiceExternalId: 'b', reason: 'delivery_problem', openedOn: '2026-10-15' })] };
    const s = buildCallScript({ ledger, asOf: '2026-10-20', language: 'nl' });
    const all = [...s.preparation.map((i) => i.text), s.opening, ...s.excuses.flatMap((e) => [e.excuse, e.answer]), ...s.closing, ...s.followUp.map((f) => f.text)].join(' ');
    expect(all).toMatch(/1 open geschil \(F-2\)/);
    expect(all).not.toMatch(/dispu/i);
  });

  it('when the next step is explained, then it is named by what it brings, not by its channel', () => {
    const afterCall: CustomerLedger = { ...customers.late!, history: [{ key: 'k', companyId: 'c1', stepId: 'late_payment_call', kind: 'call', doneAt: at('2026-10-05', '10:00'), invoiceExternalIds: ['a'] }] };
    expect(buildCallScript({ ledger: afterCall, asOf: '2026-10-20', language: 'nl' }).closing.at(-1)).toBe('Leg uit wat er gebeurt als de betaling uitblijft: dan volgt een aanmaning.');
    const afterFinal: CustomerLedger = { ...afterCall, history: [{ ...afterCall.history[0]!, stepId: 'final_notice', kind: 'letter' }] };
    expect(buildCallScript({ ledger: afterFinal, asOf: '2026-10-20', language: 'nl' }).closing.at(-1)).toMatch(/incassobureau; dan komen er incassokosten en wettelijke rente bij\.$/);
  });
});
