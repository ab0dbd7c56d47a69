import { describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money';
import type { PlannedAction } from '../../../src/domain/policy/plan';
import { taskText } from '../../../src/domain/task-text';
import { aLedger, anInvoice, aProfile } from '../builders';

/** A business's final notice and escalation state the collection costs; "incl. VAT" only when the figure holds VAT. */
const claim = (amountsMinor: readonly number[], action: 'letter' | 'escalation'): PlannedAction => ({
  key: 'rk1', companyId: 'c1', stepId: action === 'letter' ? 'final_notice' : 'escalation', action, channel: 'email', dueAt: '2026-11-24T10:00:00.000Z',
  tone: 'formal', ownerRule: 'credit_controller', currency: 'EUR', invoiceExternalIds: amountsMinor.map((_, i) => `i${i}`),
  amount: money(amountsMinor.reduce((n, m) => n + m, 0), 'EUR'), attention: { overdue: amountsMinor.map((_, i) => `i${i}`), dueSoon: [] }, createsTask: true, reasons: [],
});
const costsLine = (language: 'en' | 'nl', amountsMinor: readonly number[], action: 'letter' | 'escalation', vatBasisPoints?: number): string | undefined => {
  const invoices = amountsMinor.map((minor, i) => anInvoice({ externalId: `i${i}`, number: `F-${i + 1}`, dueDate: '2026-10-01', amount: money(minor, 'EUR') }));
  const ledger = aLedger({ invoices, profile: aProfile({ language, customerType: 'business' }) });
  const { body } = taskText({ action: claim(amountsMinor, action), ledger, language, today: '2026-11-24', ...(vatBasisPoints ? { letter: { vatBasisPoints } } : {}) });
  return body.replace(/\u00a0/g, ' ').split('\n').find((l) => /^(Collection costs|Incassokosten)/.test(l));
};

describe('the collection costs a final notice or escalation names, with the creditor charging VAT on them', () => {
  it.each([
    // Two small invoices: the scale with VAT (€48.40) is below the €40 per invoice, which carries no VAT.
    { case: '€40 per invoice wins', amounts: [10_000, 10_000], action: 'letter', en: 'Collection costs: €80.00.', nl: 'Incassokosten: € 80,00.' },
    { case: '€40 per invoice wins (escalation)', amounts: [10_000, 10_000], action: 'escalation', en: 'Collection costs: €80.00.', nl: 'Incassokosten: € 80,00.' },
    // One invoice: €40 minimum of the scale, plus VAT — the scale applies, so its VAT is in the figure.
    { case: 'scale minimum on one invoice', amounts: [10_000], action: 'letter', en: 'Collection costs: €48.40 including 21% VAT.', nl: 'Incassokosten: € 48,40 inclusief 21% btw.' },
    // €500 over two invoices: the scale (€75) loses to €80 without VAT, but wins with it (€90.75).
    { case: 'the scale wins only with its VAT', amounts: [25_000, 25_000], action: 'escalation', en: 'Collection costs: €90.75 including 21% VAT.', nl: 'Incassokosten: € 90,75 inclusief 21% btw.' },
    { case: 'the scale wins', amounts: [200_000], action: 'letter', en: 'Collection costs: €363.00 including 21% VAT.', nl: 'Incassokosten: € 363,00 inclusief 21% btw.' },
  ] as const)('when $case, then the text says VAT is included only if it is', ({ amounts, action, en, nl }) => {
    expect(costsLine('en', amounts, action, 2_100)).toBe(en);
    expect(costsLine('nl', amounts, action, 2_100)).toBe(nl);
  });

  it.each(['en', 'nl'] as const)('when the creditor charges no VAT, then a %s text never mentions it', (language) => {
    expect(costsLine(language, [200_000], 'letter')).toBe(language === 'en' ? 'Collection costs: €300.00.' : 'Incassokosten: € 300,00.');
  });
});
