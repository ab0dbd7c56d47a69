import { Alert, Button, Divider, Flex, Form, Heading, LoadingSpinner, useExtensionActions, useExtensionContext } from '@hubspot/ui-extensions';
import { useCrmProperties } from '@hubspot/ui-extensions/crm';
import { useState } from 'react';
import type { OutcomeResultVM } from '../../contracts/actions';
import { FailureMessage } from '../components/CardStates';
import { backendOrigin } from '../config';
import { useCardData } from '../hooks/use-card-data';
import { fetchCallScript, postOutcome } from './actions-api';
import { useCompanyContacts } from './contacts';
import { OutcomeFields } from './OutcomeFields';
import { checkOutcomeForm, emptyOutcomeForm, inputFromOutcomeForm, newOutcomeId, type OutcomeForm } from './outcome-form';
import { OutcomeResult } from './OutcomeResult';
import type { FormErrors } from './preferences-form';
import { ScriptSections } from './ScriptSections';
import { fieldErrorText, useActionsI18n } from './use-actions-i18n';

/**
 * The Call script tab: the script for this customer now and the outcome form. One outcome id per submission:
 * a retry of a failed submission reuses it (the server records it once); a new one is made after success.
 */
export function CallScriptView() {
  const context = useExtensionContext<'crm.record.tab'>();
  const actions = useExtensionActions<'crm.record.tab'>();
  const i18n = useActionsI18n();
  const { a } = i18n;
  const { properties } = useCrmProperties(['name']);
  const companyName = properties?.name ?? undefined;
  const ref = { origin: backendOrigin(context.variables), portalId: context.portal.id, companyId: context.crm.objectId };
  const [version, setVersion] = useState(0);
  const state = useCardData(`${ref.portalId}/${ref.companyId}/${i18n.lang}/${version}`, () => fetchCallScript(ref, { language: i18n.lang, ...(companyName ? { companyName } : {}) }));
  const { contacts } = useCompanyContacts();
  const [form, setForm] = useState<OutcomeForm>(() => emptyOutcomeForm());
  const [outcomeId, setOutcomeId] = useState(newOutcomeId);
  const [errors, setErrors] = useState<FormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<OutcomeResultVM | null>(null);
  // HubSpot's daily limit was spent: the outcome is saved and its call and task follow after the reset.
  const [kept, setKept] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  if (state.status === 'loading') return <LoadingSpinner label={a.loading} layout="centered" testId="loading" />;
  if (state.status === 'error') return <FailureMessage i18n={i18n} failure={state.failure} retry={state.retry} />;
  const vm = state.data;
  const currency = vm.open[0]?.currency ?? vm.invoices[0]?.open.currency ?? 'EUR';
  const apContact = contacts.find((c) => c.id === vm.accountsPayableContactId)?.id;
  const contactId = form.contactId || apContact || contacts[0]?.id || '';

  async function submit() {
    const effective = { ...form, contactId };
    const local = checkOutcomeForm(effective, vm, currency);
    setErrors(local);
    setFailure(null);
    setKept(null);
    if (Object.keys(local).length > 0) { setFailure(a.formHasErrors); return; }
    setSaving(true);
    const res = await postOutcome(ref, inputFromOutcomeForm(effective, { outcomeId, currency, userLanguage: i18n.lang, ...(companyName ? { companyName } : {}) }));
    setSaving(false);
    if (res.ok) {
      if ('kept' in res) setKept(a.keptForLater(i18n.dateTime(res.kept.appliesAfter)));
      else setResult(res.data);
      setOutcomeId(newOutcomeId());
      setForm(emptyOutcomeForm());
      // The ledger changed: re-read the script (promise, pauses) and let HubSpot re-read the record's properties.
      setVersion((v) => v + 1);
      actions.refreshObjectProperties?.();
    } else if ('fieldErrors' in res) {
      setErrors(res.fieldErrors);
      setFailure(a.formHasErrors);
    } else {
      const code = res.failure.kind === 'http' ? res.failure.code : undefined;
      setFailure(code === 'hubspot_failed' ? a.hubspotFailed : code === 'outcome_in_progress' ? a.inProgress
        : code === 'hubspot_daily_limit' ? a.dailyLimitNotSaved : a.saveFailed);
    }
  }

  const contactEmail = contacts.find((c) => c.id === (result ? contactId : form.contactId))?.email;
  return (
    <Flex direction="column" gap="md">
      <ScriptSections i18n={i18n} vm={vm} />
      <Divider />
      <Heading>{a.outcomeTitle}</Heading>
      {result ? (
        <OutcomeResult i18n={i18n} result={result} copied={copied} {...(contactEmail ? { contactEmail } : {})}
          onCopy={(text) => { void Promise.resolve(actions.copyTextToClipboard(text)).then(() => setCopied(true), () => setCopied(false)); }}
          onAnother={() => { setResult(null); setCopied(false); }} />
      ) : (
        <Form onSubmit={() => { void submit(); }} preventDefault testId="outcome-form">
          {kept && <Alert title={kept} variant="info" testId="outcome-kept">{a.keptForLaterDetail}</Alert>}
          <OutcomeFields i18n={i18n} vm={vm} form={{ ...form, contactId }} errors={errors} contacts={contacts} currency={currency}
            onChange={(patch) => setForm({ ...form, contactId, ...patch })} />
          {failure && (
            <Alert title={failure} variant="danger" testId="outcome-failed">
              {Object.entries(errors).map(([k, e]) => `${k}: ${fieldErrorText(a, e)}`).join(' · ')}
            </Alert>
          )}
          <Button type="submit" variant="primary" disabled={saving} testId="submit-outcome">{saving ? a.saving : a.submitOutcome}</Button>
        </Form>
      )}
    </Flex>
  );
}
