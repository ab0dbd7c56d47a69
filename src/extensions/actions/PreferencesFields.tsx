import { Button, Checkbox, DateInput, Flex, Heading, Input, MultiSelect, NumberInput, Select, Text, ToggleGroup } from '@hubspot/ui-extensions';
import { CHANNEL_VALUES } from '../../contracts/actions';
import type { ContactOption } from './contacts';
import { fromDateValue, toDateValue } from './date-input';
import type { FormErrors, PreferencesForm } from './preferences-form';
import { fieldErrorText, type ActionsI18n } from './use-actions-i18n';

interface Props {
  readonly i18n: ActionsI18n;
  readonly form: PreferencesForm;
  readonly errors: FormErrors;
  readonly contacts: readonly ContactOption[];
  readonly onChange: (patch: Partial<PreferencesForm>) => void;
}

/** The fields of the Contact preferences form; each shows its own error (client check or the server's 422). */
export function PreferencesFields({ i18n, form, errors, contacts, onChange }: Props) {
  const { a } = i18n;
  const err = (key: string) => fieldErrorText(a, errors[key]);
  const channelOptions = [{ label: a.noChannel, value: '' }, ...CHANNEL_VALUES.map((c) => ({ label: a.channel[c] ?? c, value: c }))];
  const contactOptions = [{ label: a.noContact, value: '' }, ...contacts.map((c) => ({ label: c.label, value: c.id }))];
  // One select per chosen channel plus one empty slot, so the order is explicit.
  const slots = Math.min(CHANNEL_VALUES.length, form.channels.length + 1);
  const setSlot = (i: number, value: string) => {
    const next = [...form.channels];
    if (value === '') next.splice(i, 1);
    else next[i] = value;
    onChange({ channels: next });
  };
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ label: a.weekday[d] ?? String(d), value: d }));

  return (
    <Flex direction="column" gap="sm">
      {Array.from({ length: slots }, (_, i) => (
        <Select key={`slot-${i}`} name={`channel-${i}`} label={a.channelSlot(i + 1)} options={channelOptions} value={form.channels[i] ?? ''}
          required={i === 0} error={Boolean(err(`channels.${i}`) ?? (i === 0 ? err('channels') : undefined))}
          validationMessage={err(`channels.${i}`) ?? (i === 0 ? err('channels') : undefined)}
          onChange={(v) => setSlot(i, String(v))} testId={`channel-${i}`} />
      ))}
      <Select name="ap" label={a.apContact} options={contactOptions} value={form.ap} onChange={(v) => onChange({ ap: String(v) })}
        error={Boolean(err('accountsPayableContactId'))} validationMessage={err('accountsPayableContactId')} testId="ap" />
      <Select name="dm" label={a.decisionMaker} options={contactOptions} value={form.dm} onChange={(v) => onChange({ dm: String(v) })}
        error={Boolean(err('decisionMakerContactId'))} validationMessage={err('decisionMakerContactId')} testId="dm" />
      <MultiSelect name="days" label={a.goodDays} options={weekdays} value={[...form.days]}
        onChange={(v) => onChange({ days: v.map(Number).sort() })} testId="days" />
      <Flex direction="row" gap="sm">
        <NumberInput name="fromHour" label={a.fromHour} min={0} max={23} value={form.fromHour} onChange={(v) => onChange({ fromHour: v })} testId="from-hour" />
        <NumberInput name="toHour" label={a.toHour} min={1} max={24} value={form.toHour} onChange={(v) => onChange({ toHour: v })}
          error={Boolean(err('callWindows.0.toHour'))} validationMessage={err('callWindows.0.toHour')} testId="to-hour" />
      </Flex>
      <Select name="language" label={a.languageLabel} value={form.language} testId="language"
        options={[{ label: a.language.nl ?? 'nl', value: 'nl' }, { label: a.language.en ?? 'en', value: 'en' }]}
        onChange={(v) => onChange({ language: v === 'en' ? 'en' : 'nl' })} />
      <ToggleGroup toggleType="radioButtonList" name="customerType" label={a.customerTypeLabel} value={form.customerType} inline testId="customer-type"
        options={[{ label: a.customerType.business ?? 'business', value: 'business' }, { label: a.customerType.consumer ?? 'consumer', value: 'consumer' }]}
        onChange={(v: string) => onChange({ customerType: v === 'consumer' ? 'consumer' : 'business' })} />
      <Checkbox name="optOut" checked={form.optOut} onChange={(checked) => onChange({ optOut: checked })} testId="opt-out">{a.optOut}</Checkbox>
      {form.optOut && (
        <Flex direction="row" gap="sm">
          <DateInput name="optOutUntil" label={a.optOutUntil} value={toDateValue(form.optOutUntil)} format="LL" testId="opt-out-until"
            onChange={(v) => onChange({ optOutUntil: fromDateValue(v) })} error={Boolean(err('optOut.until'))} validationMessage={err('optOut.until')} />
          <Input name="optOutReason" label={a.optOutReason} value={form.optOutReason} onChange={(v) => onChange({ optOutReason: v })} testId="opt-out-reason" />
        </Flex>
      )}
      <Heading>{a.pausesTitle}</Heading>
      {form.pauses.map((p, i) => (
        <Flex key={`pause-${i}`} direction="row" gap="sm" align="center">
          <Text>{`${p.reason} · ${a.pauseUntil(i18n.date(p.until))}`}</Text>
          {err(`pauses.${i}.until`) && <Text variant="microcopy">{err(`pauses.${i}.until`)}</Text>}
          <Button variant="transparent" onClick={() => onChange({ pauses: form.pauses.filter((_, j) => j !== i) })} testId={`remove-pause-${i}`}>{a.removePause}</Button>
        </Flex>
      ))}
      <Flex direction="row" gap="sm">
        <Input name="newPauseReason" label={a.newPauseReason} value={form.newPauseReason} onChange={(v) => onChange({ newPauseReason: v })} testId="new-pause-reason" />
        <DateInput name="newPauseUntil" label={a.newPauseUntil} value={toDateValue(form.newPauseUntil)} format="LL" testId="new-pause-until"
          onChange={(v) => onChange({ newPauseUntil: fromDateValue(v) })}
          error={Boolean(err(`pauses.${form.pauses.length}.until`))} validationMessage={err(`pauses.${form.pauses.length}.until`)} />
      </Flex>
    </Flex>
  );
}
