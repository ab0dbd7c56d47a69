import { Checkbox, CurrencyInput, DateInput, Flex, Heading, Input, MultiSelect, NumberInput, Select, TextArea, ToggleGroup } from '@hubspot/ui-extensions';
import { CALL_RESULTS, CHANNEL_VALUES, DISPUTE_REASON_VALUES, PAY_METHOD_VALUES, type CallScriptVM } from '../../contracts/actions';
import type { ContactOption } from './contacts';
import { fromDateValue, toDateValue } from './date-input';
import type { OutcomeForm } from './outcome-form';
import type { FormErrors } from './preferences-form';
import { fieldErrorText, type ActionsI18n } from './use-actions-i18n';

interface Props {
  readonly i18n: ActionsI18n;
  readonly vm: CallScriptVM;
  readonly form: OutcomeForm;
  readonly errors: FormErrors;
  readonly contacts: readonly ContactOption[];
  readonly currency: string;
  readonly onChange: (patch: Partial<OutcomeForm>) => void;
}

/** The outcome form's fields: result, who, agreements (reached only), new contact details (wrong person), notes. */
export function OutcomeFields({ i18n, vm, form, errors, contacts, currency, onChange }: Props) {
  const { a } = i18n;
  const err = (key: string) => fieldErrorText(a, errors[key]);
  const bad = (key: string) => ({ error: Boolean(err(key)), validationMessage: err(key) });
  const date = (key: keyof OutcomeForm, label: string, errorKey: string, testId: string) => (
    <DateInput name={String(key)} label={label} value={toDateValue(form[key] as string)} format="LL" testId={testId}
      onChange={(v) => onChange({ [key]: fromDateValue(v) } as Partial<OutcomeForm>)} {...bad(errorKey)} />
  );
  const invoiceOptions = vm.invoices.map((inv) => ({ label: `${inv.number} · ${i18n.money(inv.open)}`, value: inv.externalId }));
  const open = i18n.moneyList(vm.open);
  const reached = form.result === 'reached';

  return (
    <Flex direction="column" gap="sm">
      <ToggleGroup toggleType="radioButtonList" name="result" label={a.result} value={form.result} inline testId="result"
        options={CALL_RESULTS.map((r) => ({ label: a.resultOption[r] ?? r, value: r }))}
        onChange={(v: string) => onChange({ result: v as OutcomeForm['result'] })} />
      <Flex direction="row" gap="sm">
        <Select name="contact" label={a.contact} value={form.contactId} testId="contact"
          options={[{ label: a.noContact, value: '' }, ...contacts.map((c) => ({ label: c.label, value: c.id }))]}
          onChange={(v) => onChange({ contactId: String(v) })} />
        <Select name="channel" label={a.channelLabel} value={form.channel} testId="channel" {...bad('channel')}
          options={CHANNEL_VALUES.map((c) => ({ label: a.channel[c] ?? c, value: c }))} onChange={(v) => onChange({ channel: String(v) })} />
      </Flex>
      {reached && (
        <>
          <Heading>{a.agreements}</Heading>
          <Checkbox name="withPromise" checked={form.withPromise} onChange={(c) => onChange({ withPromise: c })} testId="with-promise">{a.addPromise}</Checkbox>
          {form.withPromise && (
            <Flex direction="column" gap="xs">
              {date('promiseDate', a.promiseDate, 'promise.date', 'promise-date')}
              <CurrencyInput name="promiseAmount" label={a.promiseAmount(open)} currency={currency} value={form.promiseAmount} min={0}
                onChange={(v) => onChange({ promiseAmount: v })} testId="promise-amount" {...bad('promise.amount')} />
              <Select name="promiseMethod" label={a.promiseMethod} value={form.promiseMethod} testId="promise-method"
                options={PAY_METHOD_VALUES.map((m) => ({ label: a.method[m] ?? m, value: m }))} onChange={(v) => onChange({ promiseMethod: String(v) })} />
              <MultiSelect name="promiseInvoices" label={a.invoices} options={invoiceOptions} value={[...form.promiseInvoices]} testId="promise-invoices"
                onChange={(v) => onChange({ promiseInvoices: v.map(String) })} {...bad('promise.invoiceExternalIds.0')} />
            </Flex>
          )}
          <Checkbox name="withDispute" checked={form.withDispute} onChange={(c) => onChange({ withDispute: c })} testId="with-dispute">{a.addDispute}</Checkbox>
          {form.withDispute && (
            <Flex direction="column" gap="xs">
              <Select name="disputeInvoice" label={a.disputeInvoice} value={form.disputeInvoice} options={invoiceOptions} testId="dispute-invoice"
                onChange={(v) => onChange({ disputeInvoice: String(v) })} {...bad('dispute.invoiceExternalId')} />
              <Select name="disputeReason" label={a.disputeReason} value={form.disputeReason} testId="dispute-reason"
                options={DISPUTE_REASON_VALUES.map((r) => ({ label: a.disputeReasons[r] ?? r, value: r }))} onChange={(v) => onChange({ disputeReason: String(v) })} />
              <TextArea name="disputeNote" label={a.disputeNote} value={form.disputeNote} onChange={(v) => onChange({ disputeNote: v })} testId="dispute-note" />
            </Flex>
          )}
          <Checkbox name="withArrangement" checked={form.withArrangement} onChange={(c) => onChange({ withArrangement: c })} testId="with-arrangement">{a.addArrangement}</Checkbox>
          {form.withArrangement && (
            <Flex direction="column" gap="xs">
              <NumberInput name="instalments" label={a.instalmentCount} min={2} max={24} value={form.instalments} onChange={(v) => onChange({ instalments: Math.max(2, Math.min(24, Math.round(v))) })} testId="instalments" />
              {date('firstInstalment', a.firstInstalment, 'arrangement.instalments.0.dueDate', 'first-instalment')}
              <CurrencyInput name="arrangementTotal" label={a.arrangementTotal} currency={currency} value={form.arrangementTotal} min={0}
                onChange={(v) => onChange({ arrangementTotal: v })} testId="arrangement-total" {...bad('arrangement.instalments')} />
            </Flex>
          )}
          <Checkbox name="withDeferral" checked={form.withDeferral} onChange={(c) => onChange({ withDeferral: c })} testId="with-deferral">{a.addDeferral}</Checkbox>
          {form.withDeferral && (
            <Flex direction="row" gap="xs">
              {date('deferralUntil', a.deferralUntil, 'deferral.until', 'deferral-until')}
              <Input name="deferralReason" label={a.deferralReason} value={form.deferralReason} onChange={(v) => onChange({ deferralReason: v })} testId="deferral-reason" />
            </Flex>
          )}
        </>
      )}
      {form.result === 'wrong_person' && (
        <>
          <Heading>{a.newContactTitle}</Heading>
          <Flex direction="row" gap="xs">
            <Input name="newName" label={a.newName} value={form.newName} onChange={(v) => onChange({ newName: v })} testId="new-name" />
            <Input name="newJobTitle" label={a.newJobTitle} value={form.newJobTitle} onChange={(v) => onChange({ newJobTitle: v })} testId="new-job-title" />
          </Flex>
          <Flex direction="row" gap="xs">
            <Input name="newEmail" label={a.newEmail} value={form.newEmail} onChange={(v) => onChange({ newEmail: v })} testId="new-email" {...bad('newContact.email')} />
            <Input name="newPhone" label={a.newPhone} value={form.newPhone} onChange={(v) => onChange({ newPhone: v })} testId="new-phone" {...bad('newContact.phone')} />
          </Flex>
        </>
      )}
      <TextArea name="notes" label={a.notes} value={form.notes} onChange={(v) => onChange({ notes: v })} testId="notes" />
    </Flex>
  );
}
