import type { DebtorInvoiceStatus } from '../../domain/debtor-page/standing';

type Plural = (n: number) => string;
export const pluralOf = (locale: string, forms: { one: string; other: string }): Plural => {
  const rules = new Intl.PluralRules(locale);
  return (n) => (rules.select(n) === 'one' ? forms.one : forms.other).replace('{n}', String(n));
};

/** The debtor page's English texts; nl.ts has the same keys. */
export const en = {
  locale: 'en-GB',
  languageName: 'English',
  title: (creditor: string) => `Your invoices with ${creditor}`,
  intro: 'This page shows what is open with us, where you stand and what you can do. It is meant for you only: do not share the link.',
  openCount: pluralOf('en', { one: '{n} open invoice', other: '{n} open invoices' }),
  nothingOpen: 'Nothing is open. Thank you!',
  totalOpen: 'Open',
  totalOverdue: 'Overdue',
  totalInterest: 'Statutory interest to date',
  invoicesHeading: 'Open invoices',
  colNumber: 'Invoice',
  colIssued: 'Invoice date',
  colDue: 'Due date',
  colOpen: 'Open',
  colStatus: 'Status',
  colInterest: 'Interest',
  creditNote: 'credit note',
  status: {
    open: 'Open', due_soon: 'Due soon', overdue: 'Overdue', disputed: 'Disputed — on hold',
    in_arrangement: 'In a payment arrangement', deferred: 'Deferred',
  } satisfies Record<DebtorInvoiceStatus, string>,
  daysOverdue: pluralOf('en', { one: '{n} day overdue', other: '{n} days overdue' }),
  deferredTo: (date: string) => `deferred to ${date}`,
  standingHeading: 'Where you stand',
  paused: 'Reminders are on hold while an agreement or a dispute runs.',
  noSteps: 'No reminder is planned.',
  stepState: { done: 'done', current: 'you are here', next: 'next', later: 'later' },
  nextOn: (step: string, date: string) => `Next: ${step} on ${date}.`,
  costsWarning: (amount: string) => `From the final notice on, collection costs of ${amount} (the statutory scale) are charged on what is still overdue, plus statutory interest.`,
  interestNote: (amount: string) => `Statutory interest up to today: ${amount}.`,
  steps: {
    receipt_check: 'Check that the invoice arrived', due_date_reminder: 'Reminder on the due date', late_payment_call: 'Phone call',
    formal_reminder: 'Formal reminder', final_notice: 'Final notice', fourteen_day_letter: '14-day letter', escalation: 'Handed over for collection',
  } as Record<string, string>,
  stepFallback: 'Reminder',
  paymentsHeading: 'Payments received',
  noPayments: 'No payments received yet.',
  paymentFor: (number: string) => `for invoice ${number}`,
  arrangementHeading: 'Your payment arrangement',
  instalment: (n: number) => `Instalment ${n}`,
  footerCoc: 'Chamber of Commerce',
  footerVat: 'VAT',
  questions: (email: string) => `Questions? Write to ${email}.`,
  switchTo: 'Nederlands',
  switchLabel: 'Taal / Language',
  neutralTitle: 'This link does not work',
  neutralBody: 'The link may be mistyped, replaced by a newer one or expired. Please use the link in our most recent message, or contact us.',
  tooManyTitle: 'Too many requests',
  tooManyBody: 'Please wait a minute and try again.',
};
export type DebtorMessages = typeof en;
