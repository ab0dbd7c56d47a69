import { Checkbox, Flex, Input, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { CompanyDetails, PortalSettingsVM } from '../../contracts/settings';
import type { SettingsRef } from './settings-api';
import { SaveBar } from './SaveBar';
import { useSave } from './use-save';
import type { SettingsI18n } from './use-settings-i18n';

type Form = Record<'legalName' | 'cocNumber' | 'vatNumber' | 'iban' | 'bic' | 'supportEmail' | 'brandColour', string> & { vatOnCollectionCosts: boolean };
const TEXT_FIELDS = ['legalName', 'cocNumber', 'vatNumber', 'iban', 'bic', 'supportEmail', 'brandColour'] as const;

const formOf = (c: CompanyDetails | null): Form => ({
  legalName: c?.legalName ?? '', cocNumber: c?.cocNumber ?? '', vatNumber: c?.vatNumber ?? '', iban: c?.iban ?? '', bic: c?.bic ?? '',
  supportEmail: c?.supportEmail ?? '', brandColour: c?.brandColour ?? '#1f3a5f', vatOnCollectionCosts: c?.vatOnCollectionCosts ?? false,
});

/** What the server checks (and normalises): empty optional fields are left out, the rest goes as typed. */
function detailsOf(f: Form): CompanyDetails {
  const optional = (k: 'cocNumber' | 'vatNumber' | 'bic' | 'supportEmail') => (f[k].trim() ? { [k]: f[k].trim() } : {});
  return {
    legalName: f.legalName, iban: f.iban, brandColour: f.brandColour.trim(), vatOnCollectionCosts: f.vatOnCollectionCosts,
    ...optional('cocNumber'), ...optional('vatNumber'), ...optional('bic'), ...optional('supportEmail'),
  };
}

/** The creditor as texts, letters and the customer page present it. */
export function CompanyForm({ i18n, site, settings, onSaved }: {
  i18n: SettingsI18n; site: SettingsRef; settings: PortalSettingsVM; onSaved: (next: PortalSettingsVM) => void;
}) {
  const { s } = i18n;
  const [form, setForm] = useState<Form>(formOf(settings.company));
  const saver = useSave(site, s, settings, (next) => { setForm(formOf(next.company)); onSaved(next); });
  const ro = !settings.canEdit;
  return (
    <Flex direction="column" gap="sm" testId="company-form">
      {settings.company === null ? <Text variant="microcopy">{s.companyMissing}</Text> : null}
      {TEXT_FIELDS.map((k) => (
        <Input key={k} name={k} label={s[k]} value={form[k]} readOnly={ro} required={k === 'legalName' || k === 'iban'}
          onChange={(v) => { setForm({ ...form, [k]: v }); saver.reset(); }} testId={`company-${k}`} />
      ))}
      <Checkbox name="vatOnCollectionCosts" readOnly={ro} checked={form.vatOnCollectionCosts}
        onChange={(c) => { setForm({ ...form, vatOnCollectionCosts: c }); saver.reset(); }} testId="company-vat-on-costs">{s.vatOnCollectionCosts}</Checkbox>
      <SaveBar i18n={i18n} status={saver.status} canEdit={settings.canEdit} testId="company" onSave={() => { void saver.save({ company: detailsOf(form) }); }} />
    </Flex>
  );
}
