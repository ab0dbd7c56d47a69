import { Alert, Button, Checkbox, Flex, List, NumberInput, Select, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import {
  POLICY_ACTIONS, POLICY_ANCHORS, POLICY_AUDIENCES, POLICY_OFFSET_UNITS, POLICY_TONES,
  type PolicyPreviewVM, type PortalSettingsVM, type ReminderPolicySettings,
} from '../../contracts/settings';
import { stepName } from '../i18n/describe';
import { previewPolicy, problemsOf, type SettingsRef } from './settings-api';
import { SaveBar } from './SaveBar';
import { useSave } from './use-save';
import type { SettingsI18n } from './use-settings-i18n';

type Step = ReminderPolicySettings['steps'][number];
type Preview = { kind: 'none' } | { kind: 'shown'; vm: PolicyPreviewVM } | { kind: 'refused'; problems: string[] };

const pick = <T extends string>(all: readonly T[], v: unknown, fallback: T): T => all.find((x) => x === v) ?? fallback;

/** The ladder as a table of editable steps, the policy's hours and thresholds, a preview, and one save. */
export function PolicyEditor({ i18n, site, settings, onSaved }: {
  i18n: SettingsI18n; site: SettingsRef; settings: PortalSettingsVM; onSaved: (next: PortalSettingsVM) => void;
}) {
  const { s } = i18n;
  const [policy, setPolicy] = useState<ReminderPolicySettings>(settings.policy);
  const [customerType, setCustomerType] = useState<'business' | 'consumer'>('business');
  const [preview, setPreview] = useState<Preview>({ kind: 'none' });
  const saver = useSave(site, s, settings, onSaved);
  const ro = !settings.canEdit;
  const change = (next: ReminderPolicySettings) => { setPolicy(next); setPreview({ kind: 'none' }); saver.reset(); };
  const setStep = (i: number, patch: Partial<Step>) => change({ ...policy, steps: policy.steps.map((st, n) => (n === i ? { ...st, ...patch } : st)) });

  async function showPreview() {
    const r = await previewPolicy(site, { policy, customerType, termDays: 30 });
    setPreview(r.ok ? { kind: 'shown', vm: r.data } : { kind: 'refused', problems: problemsOf(r.errorBody).map((p) => p.message) });
  }

  const options = <T extends string>(all: readonly T[], label: (v: T) => string) => all.map((v) => ({ value: v, label: label(v) }));
  return (
    <Flex direction="column" gap="sm" testId="policy-editor">
      <Text>{s.policyIntro(policy.name)}</Text>
      {settings.policyIsDefault ? <Text variant="microcopy">{s.policyDefault}</Text> : null}
      <Table testId="policy-steps" bordered>
        <TableHead>
          <TableRow>
            {[s.colStep, s.colAction, s.colWhen, s.colFrom, s.colUnit, s.colTone, s.colFor, s.colTask].map((h) => <TableHeader key={h}>{h}</TableHeader>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {policy.steps.map((st, i) => (
            <TableRow key={st.id}>
              <TableCell><Text>{stepName(i18n.t, st.id)}</Text></TableCell>
              <TableCell><Select name={`action-${st.id}`} label="" readOnly={ro} value={st.action} options={options(POLICY_ACTIONS, (v) => s.action[v])}
                onChange={(v) => setStep(i, { action: pick(POLICY_ACTIONS, v, st.action) })} testId={`step-action-${st.id}`} /></TableCell>
              <TableCell><NumberInput name={`offset-${st.id}`} label="" readOnly={ro} value={st.offsetDays} min={-365} max={365} precision={0}
                onChange={(v) => setStep(i, { offsetDays: Math.round(Number(v) || 0) })} testId={`step-offset-${st.id}`} /></TableCell>
              <TableCell><Select name={`anchor-${st.id}`} label="" readOnly={ro} value={st.anchor} options={options(POLICY_ANCHORS, (v) => s.anchor[v])}
                onChange={(v) => setStep(i, { anchor: pick(POLICY_ANCHORS, v, st.anchor) })} testId={`step-anchor-${st.id}`} /></TableCell>
              <TableCell><Select name={`unit-${st.id}`} label="" readOnly={ro} value={st.offsetIn} options={options(POLICY_OFFSET_UNITS, (v) => s.unit[v])}
                onChange={(v) => setStep(i, { offsetIn: pick(POLICY_OFFSET_UNITS, v, st.offsetIn) })} testId={`step-unit-${st.id}`} /></TableCell>
              <TableCell><Select name={`tone-${st.id}`} label="" readOnly={ro} value={st.tone} options={options(POLICY_TONES, (v) => s.tone[v])}
                onChange={(v) => setStep(i, { tone: pick(POLICY_TONES, v, st.tone) })} testId={`step-tone-${st.id}`} /></TableCell>
              <TableCell><Select name={`for-${st.id}`} label="" readOnly={ro} value={st.appliesTo} options={options(POLICY_AUDIENCES, (v) => s.audience[v])}
                onChange={(v) => setStep(i, { appliesTo: pick(POLICY_AUDIENCES, v, st.appliesTo) })} testId={`step-for-${st.id}`} /></TableCell>
              <TableCell><Checkbox name={`task-${st.id}`} readOnly={ro} checked={st.createsTask} onChange={(c) => setStep(i, { createsTask: c })}
                testId={`step-task-${st.id}`}>{s.createsTask}</Checkbox></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Flex gap="sm" wrap="wrap">
        <NumberInput name="workFrom" label={`${s.workingHours}: ${s.fromHour}`} readOnly={ro} min={0} max={23} value={policy.workingHours.fromHour}
          onChange={(v) => change({ ...policy, workingHours: { ...policy.workingHours, fromHour: Math.round(Number(v) || 0) } })} testId="work-from" />
        <NumberInput name="workTo" label={s.toHour} readOnly={ro} min={1} max={24} value={policy.workingHours.toHour}
          onChange={(v) => change({ ...policy, workingHours: { ...policy.workingHours, toHour: Math.round(Number(v) || 0) } })} testId="work-to" />
        <NumberInput name="toleranceEur" label={s.tolerance} readOnly={ro} min={0} precision={2} value={(policy.toleranceMinor.EUR ?? 0) / 100}
          onChange={(v) => change({ ...policy, toleranceMinor: { ...policy.toleranceMinor, EUR: Math.max(0, Math.round((Number(v) || 0) * 100)) } })} testId="tolerance-eur" />
      </Flex>
      <Text variant="microcopy">{s.callWindows(policy.callWindows.length)}</Text>
      <Checkbox name="requireLetter" readOnly={ro} checked={policy.consumerRules.requireFourteenDayLetter}
        onChange={(c) => change({ ...policy, consumerRules: { requireFourteenDayLetter: c } })} testId="require-letter">{s.requireLetter}</Checkbox>
      <Flex gap="sm" align="end">
        <Select name="previewFor" label={s.previewFor} value={customerType} options={(['business', 'consumer'] as const).map((v) => ({ value: v, label: s.customerType[v] }))}
          onChange={(v) => { setCustomerType(v === 'consumer' ? 'consumer' : 'business'); setPreview({ kind: 'none' }); }} testId="preview-for" />
        <Button onClick={() => { void showPreview(); }} testId="preview">{s.preview}</Button>
      </Flex>
      {preview.kind === 'shown' ? <PreviewList i18n={i18n} vm={preview.vm} /> : null}
      {preview.kind === 'refused' ? (
        <Alert title={s.invalid} variant="danger" testId="preview-refused">
          <List variant="unordered">{preview.problems.map((p, i) => <Text key={i}>{p}</Text>)}</List>
        </Alert>
      ) : null}
      <SaveBar i18n={i18n} status={saver.status} canEdit={settings.canEdit} savedText={s.saved} testId="policy"
        onSave={() => { void saver.save({ policy }); }} />
    </Flex>
  );
}

function PreviewList({ i18n, vm }: { i18n: SettingsI18n; vm: PolicyPreviewVM }) {
  const { s } = i18n;
  return (
    <Flex direction="column" gap="xs" testId="preview-result">
      <Text format={{ fontWeight: 'demibold' }}>{s.previewIntro(i18n.date(vm.issueDate), i18n.date(vm.dueDate))}</Text>
      {vm.steps.length === 0 ? <Text>{s.previewNone}</Text> : (
        <List variant="ordered">
          {vm.steps.map((st, n) => <Text key={n} testId={`preview-${st.stepId}`}>{s.previewLine(stepName(i18n.t, st.stepId), s.channel[st.channel], i18n.date(st.date))}</Text>)}
        </List>
      )}
    </Flex>
  );
}
