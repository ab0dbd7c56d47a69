import { describe, expect, it } from 'vitest';
import { wikCollectionCosts, collectionCostOptions } from '../../../src/domain/legal/collection-costs';
import { money } from '../../../src/domain/money';
import { fourteenDayLetterText, type FourteenDayLetterTextInput } from '../../../src/domain/task-text/fourteen-day-letter-text';
import { LETTER_EN, LETTER_NL } from '../../../src/domain/task-text/letter-messages';
import { foreignWords, lazyPlurals } from '../../support/one-language';
import { expectMatchingTables } from '../i18n/message-tables';
import { anInvoice } from '../builders';

const creditor = { legalName: 'Groothandel Noord B.V.', iban: 'NL20INGB0001234567', cocNumber: '87654321', vatNumber: 'NL876543210B01', supportEmail: 'debiteuren@noord.example' };
const invoices = [
  anInvoice({ externalId: 'a', number: 'F-2026-0101', issueDate: '2026-09-01', dueDate: '2026-10-01', amount: money(60_000, 'EUR'), open: money(60_000, 'EUR') }),
  anInvoice({ externalId: 'b', number: 'F-2026-0140', issueDate: '2026-09-10', dueDate: '2026-10-10', amount: money(50_000, 'EUR'), open: money(40_000, 'EUR') }),
];
const input = (over: Partial<FourteenDayLetterTextInput> = {}): FourteenDayLetterTextInput => ({
  language: 'nl', invoices, total: money(100_000, 'EUR'), costsIfUnpaid: wikCollectionCosts(money(100_000, 'EUR')), creditor, ...over,
});
// Intl writes a no-break space between the euro sign and the amount in Dutch.
const text = (over: Partial<FourteenDayLetterTextInput> = {}) => fourteenDayLetterText(input(over)).join('\n').replace(/\u00a0/g, ' ');
const names = [creditor.legalName, 'F-2026-0101', 'F-2026-0140', 'KvK', 'IBAN'];

describe('the 14-day letter (veertiendagenbrief)', () => {
  it('when the English and Dutch tables are compared, then they match key for key and each is in its own language', () => {
    expectMatchingTables(LETTER_EN, LETTER_NL);
  });

  it.each([
    ['nl', ['Geachte heer, mevrouw,', 'de volgende 2 facturen nog niet betaald', 'factuur F-2026-0101 van 1 sep 2026, vervallen op 1 okt 2026: € 600,00', 'Totaal openstaand: € 1.000,00',
      'binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief', 'incassokosten van € 150,00', 'NL20INGB0001234567 ten name van Groothandel Noord B.V., onder vermelding van F-2026-0101, F-2026-0140',
      'debiteuren@noord.example', 'KvK 87654321', 'Datum: de dag van verzending']],
    ['en', ['Dear Sir or Madam,', 'the following 2 invoices have not been paid', 'invoice F-2026-0101 of 1 Sept 2026, due 1 Oct 2026: €600.00', 'Total outstanding: €1,000.00',
      'within 14 days, counted from the day after you receive this letter', 'collection costs of €150.00', 'NL20INGB0001234567 in the name of Groothandel Noord B.V., quoting F-2026-0101, F-2026-0140',
      'debiteuren@noord.example', '87654321', 'Date: the day this letter is sent']],
  ] as const)('when it has not gone out yet (%s), then it demands the total within 14 days from the day after receipt and states the exact costs', (language, expected) => {
    const letter = text({ language });
    for (const part of expected) expect(letter).toContain(part);
    expect(foreignWords(language, letter, names)).toEqual([]);
    expect(lazyPlurals(letter)).toEqual([]);
  });

  it('when it went out, then it is dated and states the pay-by date counted from that day', () => {
    const nl = text({ sent: { on: '2026-10-29', payBy: '2026-11-16' } });
    expect(nl).toContain('Datum: 29 oktober 2026');
    expect(nl).toContain('uiterlijk 16 november 2026 te betalen');
    expect(text({ language: 'en', sent: { on: '2026-10-29', payBy: '2026-11-16' } })).toContain('by 16 November 2026 at the latest');
  });

  it('when the creditor charges VAT on collection costs, then the costs include it and the letter says so', () => {
    const costs = wikCollectionCosts(money(100_000, 'EUR'), collectionCostOptions(true));
    expect(text({ costsIfUnpaid: costs, vatBasisPoints: 2_100 })).toContain('incassokosten van € 181,50 inclusief 21% btw');
    expect(text({ language: 'en', costsIfUnpaid: costs, vatBasisPoints: 2_100 })).toContain('collection costs of €181.50 including 21% VAT');
  });

  it('when there is one invoice and a payment link, then the letter speaks of one invoice and offers the link', () => {
    const letter = text({ invoices: invoices.slice(0, 1), total: money(60_000, 'EUR'), payLink: 'https://pay.example/abc' });
    expect(letter).toContain('de volgende factuur nog niet betaald');
    expect(letter).toContain('Of betaal direct online: https://pay.example/abc');
  });

  it('when no company details were saved, then the letter has no bank details or signature to guess', () => {
    const { creditor: _, ...rest } = input();
    const letter = fourteenDayLetterText(rest).join('\n');
    expect(letter).not.toContain('ten name van');
    expect(letter.trim().endsWith('Met vriendelijke groet,')).toBe(true);
  });
});
