import { Alert, Flex, Heading, LoadingSpinner, Tab, Tabs, useExtensionContext } from '@hubspot/ui-extensions';
import { useEffect, useState } from 'react';
import type { PortalSettingsVM } from '../../contracts/settings';
import { FailureMessage } from '../components/CardStates';
import { backendOrigin } from '../config';
import { useCardData } from '../hooks/use-card-data';
import { ApiKeysSection } from './ApiKeysSection';
import { fetchSettings } from './settings-api';
import { CalendarForm } from './CalendarForm';
import { CompanyForm } from './CompanyForm';
import { DebtorLinkSection } from './DebtorLinkSection';
import { PolicyEditor } from './PolicyEditor';
import { SyncHealthSection } from './SyncHealthSection';
import { useSettingsI18n } from './use-settings-i18n';

/**
 * The app's settings page: the reminder policy with a preview, company details, language and calendar, the
 * ingest keys and customer-page links, the sync health. Everyone in the portal may read; the server decides who may change (admins), and the page only
 * offers saving to them. Every write is the signed settings API with the server's own validation.
 */
export function SettingsView() {
  const context = useExtensionContext<'settings'>();
  const i18n = useSettingsI18n();
  const { s } = i18n;
  const ref = { origin: backendOrigin(context.variables), portalId: context.portal.id, ...(context.user?.id !== undefined ? { userId: context.user.id } : {}) };
  const state = useCardData(`settings/${ref.portalId}/${ref.userId ?? ''}`, () => fetchSettings(ref));
  const [settings, setSettings] = useState<PortalSettingsVM | null>(null);
  useEffect(() => { if (state.status === 'ready') setSettings(state.data); }, [state]);

  if (state.status === 'error') return <FailureMessage i18n={i18n} failure={state.failure} retry={state.retry} />;
  if (!settings) return <LoadingSpinner label={s.loading} showLabel layout="centered" testId="loading" />;
  const sections = { i18n, site: ref, settings, onSaved: setSettings };
  return (
    <Flex direction="column" gap="md">
      <Heading>{s.title}</Heading>
      {!settings.canEdit ? <Alert title={s.readOnly} variant="info" testId="read-only" /> : null}
      <Tabs defaultSelected="policy">
        <Tab tabId="policy" title={s.tabPolicy}><PolicyEditor {...sections} /></Tab>
        <Tab tabId="company" title={s.tabCompany}>
          <Flex direction="column" gap="lg">
            <CompanyForm {...sections} />
            {settings.canEdit ? <DebtorLinkSection i18n={i18n} site={ref} /> : null}
          </Flex>
        </Tab>
        <Tab tabId="calendar" title={s.tabCalendar}><CalendarForm {...sections} /></Tab>
        <Tab tabId="sources" title={s.tabSources}><ApiKeysSection i18n={i18n} site={ref} canEdit={settings.canEdit} /></Tab>
        <Tab tabId="sync" title={s.tabSync}><SyncHealthSection i18n={i18n} site={ref} /></Tab>
      </Tabs>
    </Flex>
  );
}
