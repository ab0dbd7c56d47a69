import { Alert, Button, Divider, Flex, Form, Heading, LoadingSpinner, useExtensionActions, useExtensionContext } from '@hubspot/ui-extensions';
import { useEffect, useState } from 'react';
import type { PreferencesVM } from '../../contracts/actions';
import { FailureMessage } from '../components/CardStates';
import { backendOrigin } from '../config';
import { useCardData } from '../hooks/use-card-data';
import { fetchPreferences, savePreferences } from './actions-api';
import { ChannelResponses } from './ChannelResponses';
import { useCompanyContacts } from './contacts';
import { checkForm, formFromVM, inputFromForm, preferFirst, type FormErrors, type PreferencesForm } from './preferences-form';
import { PreferencesFields } from './PreferencesFields';
import { useActionsI18n } from './use-actions-i18n';

/** `kept`: saved while HubSpot's daily limit is spent; the HubSpot properties follow after the reset. */
type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'kept'; text: string } | { kind: 'failed'; text: string };

/** The Contact preferences card: edit how and when to reach the customer, saved to HubSpot and the ledger. */
export function PreferencesView() {
  const context = useExtensionContext<'crm.record.tab'>();
  const actions = useExtensionActions<'crm.record.tab'>();
  const i18n = useActionsI18n();
  const { a } = i18n;
  const ref = { origin: backendOrigin(context.variables), portalId: context.portal.id, companyId: context.crm.objectId };
  const [version, setVersion] = useState(0);
  const state = useCardData(`${ref.portalId}/${ref.companyId}/${version}`, () => fetchPreferences(ref));
  const { contacts } = useCompanyContacts();
  const [form, setForm] = useState<PreferencesForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const vm: PreferencesVM | null = state.status === 'ready' ? state.data : null;

  // (Re)fill the form whenever fresh data arrives: after loading and after a save.
  useEffect(() => { if (vm) setForm(formFromVM(vm)); }, [vm]);

  if (state.status === 'loading' || (vm && !form)) return <LoadingSpinner label={a.loading} layout="centered" testId="loading" />;
  if (state.status === 'error') return <FailureMessage i18n={i18n} failure={state.failure} retry={state.retry} />;
  if (!vm || !form) return null;

  const change = (patch: Partial<PreferencesForm>) => { setForm({ ...form, ...patch }); setStatus({ kind: 'idle' }); };

  async function submit() {
    if (!vm || !form) return;
    const local = checkForm(form, vm.today, new Set(contacts.map((c) => c.id)));
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setStatus({ kind: 'saving' });
    const result = await savePreferences(ref, inputFromForm(form, vm.today));
    if (result.ok) {
      setStatus('kept' in result ? { kind: 'kept', text: a.keptForLater(i18n.dateTime(result.kept.appliesAfter)) } : { kind: 'saved' });
      setVersion((v) => v + 1);
      // Lets HubSpot re-read the rd_* company properties, so the record and property-based cards update.
      actions.refreshObjectProperties?.();
    } else if ('fieldErrors' in result) {
      setErrors(result.fieldErrors);
      setStatus({ kind: 'failed', text: a.formHasErrors });
    } else {
      const code = result.failure.kind === 'http' ? result.failure.code : undefined;
      setStatus({ kind: 'failed', text: code === 'hubspot_failed' ? a.hubspotFailed : code === 'hubspot_daily_limit' ? a.dailyLimitNotSaved : a.saveFailed });
    }
  }

  return (
    <Flex direction="column" gap="md">
      <Heading>{a.prefsTitle}</Heading>
      <ChannelResponses i18n={i18n} vm={vm} channels={form.channels} onApply={(c) => change({ channels: preferFirst(form.channels, c) })} />
      <Divider />
      <Form onSubmit={() => { void submit(); }} preventDefault testId="preferences-form">
        <PreferencesFields i18n={i18n} form={form} errors={errors} contacts={contacts} onChange={change} />
        {status.kind === 'failed' && <Alert title={status.text} variant="danger" testId="save-failed">{status.text}</Alert>}
        {status.kind === 'kept' && <Alert title={status.text} variant="info" testId="kept">{a.keptForLaterDetail}</Alert>}
        {status.kind === 'saved' && <Alert title={a.saved} variant="success" testId="saved">{a.saved}</Alert>}
        <Button type="submit" variant="primary" disabled={status.kind === 'saving'} testId="save">{status.kind === 'saving' ? a.saving : a.save}</Button>
      </Form>
    </Flex>
  );
}
