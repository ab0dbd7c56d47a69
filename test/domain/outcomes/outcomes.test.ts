import { describe, expect, it } from 'vitest';
import { CALL_RESULTS as WIRE_RESULTS, CHANNEL_VALUES, CUSTOMER_TYPE_VALUES, DISPUTE_REASON_VALUES, FOLLOW_UP_KINDS as WIRE_FOLLOW_UPS, LANGUAGE_VALUES, PAY_METHOD_VALUES } from '../../../src/contracts/actions';
import { CHANNELS, CUSTOMER_TYPES, DISPUTE_REASONS, LANGUAGES, PAYMENT_METHODS } from '../../../src/domain/ledger';
import { money } from '../../../src/domain/money';
import { CALL_RESULTS, callNotes, FOLLOW_UP_KINDS, followUpFor, OUTCOME_TEXT_EN, OUTCOME_TEXT_NL, summaryEmail, type LoggedOutcome } from '../../../src/domain/outcomes';
import { expectMatchingTables } from '../i18n/message-tables';
import { aLedger, anInvoice, aProfile } from '../builders';

const CAL = { timeZone: 'Europe/Amsterdam', holidays: new Set(['2026-12-25', '2026-12-28']) };
const ledger = aLedger({ invoices: [anInvoice({ externalId: 'i', number: 'F-2026-0042' })], profile: aProfile({ language: 'nl' }) });
const english = { ...ledger, profile: { ...ledger.profile, language: 'en' as const } };
const outcome = (o: Partial<LoggedOutcome> = {}): LoggedOutcome => ({ result: 'reached', userLanguage: 'en', ...o });
const twoInstalments = { instalments: [{ dueDate: '2026-12-15', amount: money(1_000, 'EUR') }, { dueDate: '2027-01-15', amount: money(1_000, 'EUR') }] };

describe('follow-up of a logged outcome', () => {
  it('when a promise falls on Christmas Eve (Thursday), then it is checked on the next business day after the holidays and weekend', () => {
    const plan = followUpFor(outcome({ promise: { date: '2026-12-24', amount: money(100, 'EUR') } }), ledger, '2026-12-01', CAL);
    expect(plan).toMatchObject({ kind: 'check_promise', dueOn: '2026-12-29', priority: 'high', type: 'todo', subject: 'Check the promised payment of €1.00 (by 24 December 2026 at the latest)' });
  });

  it('when several agreements are logged, then the promise wins, then the arrangement, the deferral and the dispute', () => {
    const all = outcome({ dispute: { invoiceExternalId: 'i', reason: 'quality' }, deferral: { until: '2026-12-10' }, arrangement: twoInstalments });
    expect(followUpFor(all, ledger, '2026-12-01', CAL)?.kind).toBe('check_instalment');
    expect(followUpFor(outcome({ dispute: { invoiceExternalId: 'i', reason: 'quality' } }), ledger, '2026-12-01', CAL)).toMatchObject({ kind: 'resolve_dispute', dueOn: '2026-12-03' });
    expect(followUpFor(outcome(), ledger, '2026-12-01', CAL)).toBeNull();
  });

  it('when nobody answered, then a call again the next business day, in the controller\'s language', () => {
    expect(followUpFor(outcome({ result: 'voicemail', userLanguage: 'nl' }), ledger, '2026-12-04', CAL)).toMatchObject({
      kind: 'call_again', type: 'call', dueOn: '2026-12-07', subject: 'Opnieuw bellen: de klant was niet bereikbaar',
      body: expect.stringContaining('niet nagekomen toezegging'),
    });
  });
});

describe('texts of a logged outcome', () => {
  it('when the controller works in Dutch, then the call notes are Dutch; the summary follows the customer\'s language', () => {
    const o = outcome({ userLanguage: 'nl', promise: { date: '2026-12-04', amount: money(123_456, 'EUR'), method: 'direct_debit' } });
    expect(callNotes(o, ledger)).toEqual({
      title: 'Incassogesprek: Bereikt',
      body: expect.stringMatching(/^Bereikt\nBetalingstoezegging van €\s1\.234,56, uiterlijk 4 december 2026, per automatische incasso\.$/),
    });
    const mail = summaryEmail(o, english, 'Acme');
    expect(mail?.subject).toBe('Summary of our call about the open invoices of Acme');
    expect(mail?.body).toContain('- Promise to pay €1,234.56 by 4 December 2026 at the latest, by direct debit.');
  });

  it('when an arrangement and a dispute are agreed, then the summary counts the instalments with a real plural and names the invoice', () => {
    const mail = summaryEmail(outcome({ arrangement: twoInstalments, dispute: { invoiceExternalId: 'i', reason: 'not_received' } }), ledger, undefined)!;
    expect(mail.subject).toBe('Samenvatting van ons gesprek over de openstaande facturen');
    expect(mail.body).toContain('- Betalingsregeling gevraagd: 2 termijnen, in totaal €\u00a020,00, de eerste op 15 december 2026.');
    expect(mail.body).toContain('- Geschil over factuur F-2026-0042: factuur niet ontvangen.');
  });

  it('when the customer has their own page, then the summary e-mail ends its agreements with the link, in their language', () => {
    const o = outcome({ promise: { date: '2026-12-04', amount: money(10_000, 'EUR') } });
    const url = 'https://rd.example/my/1.abc';
    expect(summaryEmail(o, ledger, 'Acme', url)?.body).toContain(`\n\nOp uw eigen pagina ziet u uw openstaande facturen en kunt u ze direct betalen:\n${url}\n\n`);
    expect(summaryEmail(o, english, 'Acme', url)!.body).toContain(`On your own page you can see your open invoices and pay them at once:\n${url}`);
    expect(summaryEmail(o, ledger, 'Acme')?.body).not.toContain('/my/');
  });

  it('when nobody was reached or nothing agreed, then no summary e-mail is drafted', () => {
    expect(summaryEmail(outcome({ result: 'voicemail' }), ledger, undefined)).toBeNull();
    expect(summaryEmail(outcome(), ledger, undefined)).toBeNull();
  });

  it('when the English and Dutch tables are compared, then they match key for key, form for form, and each is in its own language', () => {
    expectMatchingTables(OUTCOME_TEXT_EN, OUTCOME_TEXT_NL);
  });
});

describe('contract lists', () => {
  it('when the domain lists change, then the wire contract follows (contracts cannot import the domain)', () => {
    expect([...CHANNEL_VALUES]).toEqual([...CHANNELS]);
    expect([...LANGUAGE_VALUES]).toEqual([...LANGUAGES]);
    expect([...CUSTOMER_TYPE_VALUES]).toEqual([...CUSTOMER_TYPES]);
    expect([...DISPUTE_REASON_VALUES]).toEqual([...DISPUTE_REASONS]);
    expect([...PAY_METHOD_VALUES]).toEqual(PAYMENT_METHODS.filter((m) => m !== 'credit_note'));
    expect([...WIRE_RESULTS]).toEqual([...CALL_RESULTS]);
    expect([...WIRE_FOLLOW_UPS]).toEqual([...FOLLOW_UP_KINDS]);
  });
});
