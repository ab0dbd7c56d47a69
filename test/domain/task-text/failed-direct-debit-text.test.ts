import { describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money';
import type { PlannedAction, ReasonParams } from '../../../src/domain/policy/plan';
import { taskText } from '../../../src/domain/task-text';
import { foreignWords } from '../../support/one-language';
import { aLedger, anInvoice, aProfile } from '../builders';

const ledger = aLedger({ invoices: [anInvoice({ externalId: 'a', number: 'F-3001', dueDate: '2027-03-08', amount: money(8_900, 'EUR'), directDebit: true })], profile: aProfile({ language: 'nl' }) });
type Failure = Pick<ReasonParams<'failed_direct_debit'>, 'reason' | 'code'>;
const action = (params: Failure): PlannedAction => ({
  key: 'rk9', companyId: 'c1', stepId: 'failed_direct_debit', action: 'email', channel: 'email', dueAt: '2027-03-09T08:00:00.000Z',
  tone: 'friendly', ownerRule: 'credit_controller', currency: 'EUR', invoiceExternalIds: ['a'], amount: money(8_900, 'EUR'), attention: { overdue: ['a'], dueSoon: [] }, createsTask: true,
  reasons: [{ code: 'failed_direct_debit', params: { failedOn: '2027-03-09', invoiceExternalId: 'a', ...params } }],
});
const body = (language: 'en' | 'nl', params: Failure) => taskText({ action: action(params), ledger, language, today: '2027-03-09' }).body;

describe('the task for a failed direct debit', () => {
  it.each([
    ['en', 'AM04', 'direct debit of 9 Mar 2027 failed: there was not enough money in the account'],
    ['nl', 'AM04', 'incasso van 9 mrt 2027 mislukt: er stond niet genoeg saldo op de rekening'],
    ['nl', 'MD06', 'de klant heeft de incasso laten terugboeken (storneren)'],
    ['en', 'AC04', 'the bank account has been closed'],
  ] as const)('when written in %s for %s, then it names the bank\'s reason in plain words and offers a way to pay now', (language, code, words) => {
    const text = body(language, { reason: 'insufficient_funds', code });
    expect(text).toContain(words);
    expect(text).toContain(language === 'en' ? 'offer a way to pay now' : 'bied een manier om nu te betalen');
    expect(foreignWords(language, text, ['Receivables Desk', 'F-3001'])).toEqual([]);
  });

  it('when the failure has no ISO code (an older record), then it names the kind of failure', () => {
    expect(body('en', { reason: 'account_closed' })).not.toContain('reason code');
  });
});
