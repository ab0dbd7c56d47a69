import type { CallScriptVM } from '../../../src/contracts/actions';
import { buildCallScript } from '../../../src/domain/call-script';
import type { CustomerLedger, Invoice } from '../../../src/domain/ledger';
import type { CostOptions } from '../../../src/domain/legal/collection-costs';
import { DEFAULT_POLICY } from '../../../src/domain/policy/policy';
import { emptyLedger } from '../../../src/server/ledger/default-profile';
import { callScriptVM } from '../../../src/server/actions/call-script-service';

/** Call script answers built the way the server builds them: the real domain script for a real ledger. */
const TODAY = '2026-11-23';
const CAL = { timeZone: 'Europe/Amsterdam', holidays: new Set<string>() };

const inv = (id: string, o: Partial<Invoice> = {}): Invoice => ({
  externalId: id, number: `F-${id}`, kind: 'invoice', companyId: '4242', amount: { minor: 120_000, currency: 'EUR' }, open: { minor: 120_000, currency: 'EUR' },
  issueDate: '2026-09-01', dueDate: '2026-10-01', paymentTermDays: 30, status: 'open', directDebit: false, sourceVersion: '1', ...o,
});
const paid = (id: string, dueDate: string, paidDate: string): Invoice => inv(id, { dueDate, issueDate: '2026-01-01', paidDate, status: 'paid', open: { minor: 0, currency: 'EUR' } });

function vmFor(ledger: CustomerLedger, language: 'en' | 'nl' = 'en', costs: CostOptions = {}): CallScriptVM {
  const script = buildCallScript({ ledger, asOf: TODAY, now: '2026-11-24T10:00:00.000Z', language, policy: DEFAULT_POLICY, calendar: CAL, companyName: 'Bakkerij De Vries', costs });
  return callScriptVM(ledger, TODAY, script);
}

const base = emptyLedger('4242');
export const goodPayerVM = (language: 'en' | 'nl' = 'en') => vmFor({ ...base, invoices: [inv('1'), paid('0', '2026-06-01', '2026-05-30')] }, language);
/** The same customer with Bram (502) saved as the accounts-payable contact. */
export const withApContactVM = () => vmFor({ ...base, profile: { ...base.profile, accountsPayableContactId: '502' }, invoices: [inv('1')] });
export const latePayerVM = () => vmFor({ ...base, invoices: [inv('1'), paid('a', '2026-03-01', '2026-04-15'), paid('b', '2026-05-01', '2026-06-10'), paid('c', '2026-07-01', '2026-08-05')] });
export const brokenPromiseVM = () => vmFor({ ...base, invoices: [inv('1')], promises: [{
  id: 'p1', companyId: '4242', invoiceExternalIds: ['1'], promisedDate: '2026-11-10', amount: { minor: 120_000, currency: 'EUR' }, source: 'call', madeOn: '2026-11-03',
}] });
const consumerLedger: CustomerLedger = { ...base, profile: { ...base.profile, customerType: 'consumer' }, invoices: [inv('1', { amount: { minor: 25_000, currency: 'EUR' }, open: { minor: 25_000, currency: 'EUR' } })] };
export const consumerVM = (language: 'en' | 'nl' = 'en', costs: CostOptions = {}) => vmFor(consumerLedger, language, costs);
