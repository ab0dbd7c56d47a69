import { Flex, Select, TextArea, ToggleGroup } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { SETTINGS_LANGUAGES, type PortalSettingsVM } from '../../contracts/settings';
import type { SettingsRef } from './settings-api';
import { SaveBar } from './SaveBar';
import { useSave, type SaveStatus } from './use-save';
import type { SettingsI18n } from './use-settings-i18n';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The portal's language and business calendar: working days and its own closing days. */
export function CalendarForm({ i18n, site, settings, onSaved }: {
  i18n: SettingsI18n; site: SettingsRef; settings: PortalSettingsVM; onSaved: (next: PortalSettingsVM) => void;
}) {
  const { s } = i18n;
  const [language, setLanguage] = useState(settings.defaultLanguage);
  const [days, setDays] = useState<number[]>([...settings.calendar.workingDays]);
  const [holidays, setHolidays] = useState(settings.calendar.extraHolidays.join('\n'));
  const [local, setLocal] = useState<SaveStatus>({ kind: 'idle' });
  const saver = useSave(site, s, settings, onSaved);
  const ro = !settings.canEdit;

  function save() {
    const lines = holidays.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const bad = lines.filter((l) => !DATE.test(l));
    // The server checks the dates too; this only saves a round trip for a typo.
    if (bad.length > 0) { setLocal({ kind: 'refused', text: s.invalid, problems: bad.map(s.badDate) }); return; }
    setLocal({ kind: 'idle' });
    void saver.save({ defaultLanguage: language, calendar: { workingDays: [...days].sort(), extraHolidays: [...new Set(lines)].sort() } });
  }
  return (
    <Flex direction="column" gap="sm" testId="calendar-form">
      <Select name="defaultLanguage" label={s.defaultLanguage} readOnly={ro} value={language}
        options={SETTINGS_LANGUAGES.map((l) => ({ value: l, label: s.language[l] }))}
        onChange={(v) => setLanguage(SETTINGS_LANGUAGES.find((l) => l === v) ?? language)} testId="default-language" />
      <ToggleGroup toggleType="checkboxList" name="workingDays" label={s.workingDays} inline
        value={days.map(String)} options={WEEKDAYS.map((d) => ({ value: String(d), label: s.weekday[d] }))}
        onChange={(v) => { if (!ro) setDays(v.map(Number).filter((d) => d >= 1 && d <= 7)); }} testId="working-days" />
      <TextArea name="extraHolidays" label={s.extraHolidays} readOnly={ro} value={holidays} rows={4}
        onChange={(v) => setHolidays(v)} testId="extra-holidays" />
      <SaveBar i18n={i18n} status={local.kind === 'refused' ? local : saver.status} canEdit={settings.canEdit} testId="calendar" onSave={save} />
    </Flex>
  );
}
