import { describe, expect, it } from 'vitest';
import { CHANNEL_VALUES, CUSTOMER_TYPE_VALUES, DISPUTE_REASON_VALUES, LANGUAGE_VALUES, OutcomeInput, type OutcomeInputRaw } from '../../../src/contracts/actions';
import { CHANNELS, CUSTOMER_TYPES, DISPUTE_REASONS, LANGUAGES } from '../../../src/domain/ledger';
import { emptyLedger } from '../../../src/server/ledger/default-profile';
import { callNotes, followUpFor, summaryEmail } from '../../../src/server/actions/outcome-drafts';

const CAL = { timeZone: 'Europe/Amsterdam', holidays: new Set(['2026-12-25', '2026-12-28']) };
const input = (raw: Omit<OutcomeInputRaw, 'outcomeId'>) => OutcomeInput.parse({ outcomeId: 'outcome-123', ...raw });
const ledger = emptyLedger('c1');

describe('follow-up of a logged outcome', () => {
  it('when a promise falls on Christmas Eve (Thursday), then it is checked on the next business day after the holidays and weekend', () => {
    const plan = followUpFor(input({ result: 'reached', promise: { date: '2026-12-24', amount: { minor: 100, currency: 'EUR' } } }), ledger, '2026-12-01', CAL);
    expect(plan).toMatchObject({ kind: 'check_promise', dueOn: '2026-12-29', priority: 'high', type: 'todo' });
  });

  it('when several agreements are logged, then the promise wins, then the arrangement, the deferral and the dispute', () => {
    const all = input({ result: 'reached', dispute: { invoiceExternalId: 'i', reason: 'quality' }, deferral: { until: '2026-12-10' },
      arrangement: { instalments: [{ dueDate: '2026-12-15', amount: { minor: 1, currency: 'EUR' } }, { dueDate: '2027-01-15', amount: { minor: 1, currency: 'EUR' } }] } });
    expect(followUpFor(all, ledger, '2026-12-01', CAL)?.kind).toBe('check_instalment');
    expect(followUpFor(input({ result: 'reached' }), ledger, '2026-12-01', CAL)).toBeNull();
  });
});

describe('texts of a logged outcome', () => {
  it('when the user works in Dutch, then the call notes are Dutch; the summary follows the customer\'s language', () => {
    const i = input({ result: 'reached', userLanguage: 'nl', promise: { date: '2026-12-04', amount: { minor: 123_456, currency: 'EUR' }, method: 'direct_debit' } });
    expect(callNotes(i, ledger).body).toMatch(/^Bereikt\nBetalingstoezegging van €\s1\.234,56, uiterlijk 4 december 2026, per automatische incasso\.$/);
    const english = summaryEmail(i, { ...ledger, profile: { ...ledger.profile, language: 'en' } }, 'Acme');
    expect(english?.subject).toBe('Summary of our call about the open invoices of Acme');
    expect(english?.body).toContain('- Promise to pay €1,234.56 on 4 December 2026 by direct debit.');
  });

  it('when the customer has their own page, then the summary e-mail ends its agreements with the link, in their language', () => {
    const i = input({ result: 'reached', promise: { date: '2026-12-04', amount: { minor: 10_000, currency: 'EUR' } } });
    const url = 'https://rd.example/my/1.abc';
    expect(summaryEmail(i, ledger, 'Acme', url)?.body).toContain(`\n\nOp uw eigen pagina ziet u uw openstaande facturen en kunt u ze direct betalen:\n${url}\n\n`);
    const english = summaryEmail(i, { ...ledger, profile: { ...ledger.profile, language: 'en' } }, 'Acme', url)!;
    expect(english.body).toContain(`On your own page you can see your open invoices and pay them at once:\n${url}`);
    expect(summaryEmail(i, ledger, 'Acme')?.body).not.toContain('/my/');
  });

  it('when nobody was reached or nothing agreed, then no summary e-mail is drafted', () => {
    expect(summaryEmail(input({ result: 'voicemail' }), ledger, undefined)).toBeNull();
    expect(summaryEmail(input({ result: 'reached' }), ledger, undefined)).toBeNull();
  });
});

describe('contract lists', () => {
  it('when the domain lists change, then the wire contract follows (contracts cannot import the domain)', () => {
    expect([...CHANNEL_VALUES]).toEqual([...CHANNELS]);
    expect([...LANGUAGE_VALUES]).toEqual([...LANGUAGES]);
    expect([...CUSTOMER_TYPE_VALUES]).toEqual([...CUSTOMER_TYPES]);
    expect([...DISPUTE_REASON_VALUES]).toEqual([...DISPUTE_REASONS]);
  });
});
