import { describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money';
import type { PlannedAction } from '../../../src/domain/policy/plan';
import { taskText } from '../../../src/domain/task-text';
import { foreignWords, lazyPlurals } from '../../support/one-language';
import { aLedger, anInvoice, aProfile } from '../builders';

const invoices = [
  anInvoice({ externalId: 'a', number: 'F-1', dueDate: '2026-11-01', amount: money(100_000, 'EUR') }),
  anInvoice({ externalId: 'b', number: 'F-2', dueDate: '2026-11-20', amount: money(21_000, 'EUR') }),
  anInvoice({ externalId: 'c', number: 'F-3', dueDate: '2026-11-27', amount: money(5_000, 'EUR') }),
];
const ledger = aLedger({ invoices, profile: aProfile({ language: 'en', accountsPayableContactId: 'ap' }) });
const action = (over: Partial<PlannedAction> = {}): PlannedAction => ({
  key: 'rk1', companyId: 'c1', stepId: 'formal_reminder', action: 'call', channel: 'phone', dueAt: '2026-11-24T10:00:00.000Z',
  tone: 'neutral', ownerRule: 'credit_controller', currency: 'EUR', invoiceExternalIds: ['c', 'a', 'b'], amount: money(126_000, 'EUR'),
  attention: { overdue: ['a', 'b'], dueSoon: ['c'] }, createsTask: true, reasons: [
    { code: 'step_due', params: { stepId: 'formal_reminder', dueOn: '2026-11-15', daysPastDue: 23 } },
    { code: 'bundled_invoices', params: { count: 3 } },
    { code: 'channel_fallback', params: { wanted: 'whatsapp', used: 'phone' } },
    { code: 'promise_broken', params: { promiseId: 'p1', promisedDate: '2026-11-10' } },
  ], ...over,
});
/** Intl puts a no-break space between € and the amount; the expectations are written with a plain one. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const text = (language: 'en' | 'nl', over: Partial<PlannedAction> = {}) => {
  const t = taskText({ action: action(over), ledger, language, today: '2026-11-24' });
  return { subject: plain(t.subject), body: plain(t.body) };
};

describe('the text of a reminder task', () => {
  it.each(['en', 'nl'] as const)('when written in %s, then subject and body are in that language only, with real plurals', (language) => {
    const { subject, body } = text(language);
    expect(foreignWords(language, `${subject}\n${body}`, ['Receivables Desk', 'F-1', 'F-2', 'F-3'])).toEqual([]);
    expect(lazyPlurals(`${subject}\n${body}`)).toEqual([]);
  });

  it('when written in Dutch, then it reads as a credit controller writes it', () => {
    const { subject, body } = text('nl');
    expect(subject).toBe('Bellen: aanmaning · € 1.260,00 · 3 facturen');
    expect(body.split('\n').slice(0, 7)).toEqual([
      'Stap: aanmaning telefonisch, toon: zakelijk.',
      'Openstaand: € 1.260,00 (3 facturen).',
      'Vervallen:',
      '- F-1: € 1.000,00 open van € 1.000,00, vervaldatum 1 nov 2026 (23 dagen over de vervaldatum)',
      '- F-2: € 210,00 open van € 210,00, vervaldatum 20 nov 2026 (4 dagen over de vervaldatum)',
      'Binnenkort te betalen:',
      '- F-3: € 50,00 open van € 50,00, vervaldatum 27 nov 2026 (vervalt over 3 dagen)',
    ]);
    expect(body).toContain('Waarom: aanmaning is aan de beurt sinds 15 nov 2026; 3 facturen in één contact; telefonisch in plaats van via WhatsApp, dat voor deze klant niet kan; toezegging om uiterlijk 10 nov 2026 te betalen niet nagekomen.');
    expect(body).toContain('Belscript:');
    expect(body.trimEnd().split('\n').at(-1)).toBe('Receivables Desk-actie rk1');
  });

  it('when one invoice is concerned, then the subject names it and the words are singular', () => {
    const one = text('nl', { invoiceExternalIds: ['a'], attention: { overdue: ['a'], dueSoon: [] }, amount: money(100_000, 'EUR'), reasons: [], action: 'email', channel: 'email' });
    expect(one.subject).toBe('E-mailen: aanmaning · € 1.000,00 · F-1');
    expect(one.body).toContain('Openstaand: € 1.000,00 (1 factuur).');
    expect(one.body).not.toContain('Belscript');
    const dayLate = taskText({ action: action({ invoiceExternalIds: ['b'], attention: { overdue: ['b'], dueSoon: [] }, amount: money(21_000, 'EUR') }), ledger, language: 'en', today: '2026-11-21' });
    expect(dayLate.body).toContain('(1 day overdue)');
  });

  it('when the planner grouped the invoices, then the text follows its groups and order, not its own reading of due dates', () => {
    // The planner (one contact) decides what needs attention; the text only writes it down.
    const { body } = text('en', { invoiceExternalIds: ['a', 'c'], attention: { overdue: ['a'], dueSoon: ['c'] } });
    const lines = body.split('\n');
    const overdueAt = lines.indexOf('Overdue:');
    const soonAt = lines.indexOf('Due soon:');
    expect(overdueAt).toBeGreaterThan(-1);
    expect(lines.slice(overdueAt + 1, soonAt).map((l) => l.split(':')[0])).toEqual(['- F-1']);
    expect(lines[soonAt + 1]).toMatch(/^- F-3:/);
    expect(body).not.toContain('F-2');
    // Only the planner's lists count: an invoice it did not group (b) is not written, even though it is overdue.
    expect(text('en', { attention: { overdue: [], dueSoon: ['c'] } }).body).not.toContain('Overdue:');
  });

  it('when no channel could be reached, then the reason says an address must be found, not "by phone instead of by phone"', () => {
    const { body } = text('nl', { reasons: [{ code: 'channel_fallback', params: { wanted: 'phone', used: 'phone' } }] });
    expect(body).toContain('Waarom: telefonisch, maar er is nog geen adres of nummer bekend: zoek dat eerst op.');
  });

  it('when the customer has their own page, then the task says how it reaches them: in the message, offered on the call, printed on the letter', () => {
    const url = 'https://rd.example/my/1.abc';
    const body = (over: Partial<PlannedAction>, language: 'en' | 'nl' = 'en') =>
      taskText({ action: action(over), ledger, language, today: '2026-11-24', payLink: url }).body;
    expect(body({ action: 'email', channel: 'email' })).toContain(`The customer's own page for the message, to pay, arrange or dispute at once: ${url}`);
    expect(body({ action: 'call' })).toContain(`Offer to send the customer their own page, to pay or arrange it at once: ${url}`);
    expect(body({ action: 'letter', channel: 'post' }, 'nl')).toContain(`Zet de eigen pagina van de klant op de brief: de link ${url} en de QR-code ${url}/qr.png`);
    expect(body({ action: 'escalation' })).toContain(`The customer's own page: ${url}`);
    for (const language of ['en', 'nl'] as const) expect(foreignWords(language, body({}, language), ['Receivables Desk', 'F-1', 'F-2', 'F-3', url])).toEqual([]);
    expect(text('en').body).not.toContain('/my/');
  });

  it('when a step has an id an admin made up, then it keeps that id, readable', () => {
    expect(text('nl', { stepId: 'extra_belronde' }).subject).toMatch(/^Bellen: extra belronde · /);
  });

  it('when the customer has open credit notes in the task\'s currency, then it names them and the balance they leave, in either language', () => {
    const withCredit = aLedger({ invoices: [...invoices,
      anInvoice({ externalId: 'k', number: 'C-1', kind: 'credit_note', dueDate: '2026-10-01', amount: money(26_000, 'EUR') }),
      anInvoice({ externalId: 'u', number: 'C-USD', kind: 'credit_note', dueDate: '2026-10-01', amount: money(9_000, 'USD') }),
    ], profile: aProfile({ language: 'en' }) });
    const en = plain(taskText({ action: action(), ledger: withCredit, language: 'en', today: '2026-11-24' }).body);
    expect(en).toContain('Credit notes the customer may set off: C-1 €260.00; on balance €1,000.00.');
    expect(en).not.toContain('C-USD');
    const nl = plain(taskText({ action: action(), ledger: withCredit, language: 'nl', today: '2026-11-24' }).body);
    expect(nl).toContain("Creditnota's die de klant mag verrekenen: C-1 € 260,00; per saldo € 1.000,00.");
    expect(text('en').body).not.toContain('Credit notes');
  });
});
