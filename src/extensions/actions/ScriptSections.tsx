import { Accordion, Alert, Flex, Heading, List, StatusTag, Tag, Text } from '@hubspot/ui-extensions';
import type { CallScriptVM } from '../../contracts/actions';
import type { ActionsI18n } from './use-actions-i18n';

const STATUS_VARIANT = { ok: 'success', warning: 'warning', missing: 'danger' } as const;

/** The 14-day letter's costs as the letter states them: with the VAT named when the creditor adds it. */
function lettersCosts(i18n: ActionsI18n, letter: NonNullable<CallScriptVM['fourteenDayLetter']>): string {
  const amount = i18n.money(letter.costsIfUnpaid);
  return letter.vatBasisPoints ? i18n.a.costsInclVat(amount, `${i18n.number(letter.vatBasisPoints / 100)}%`) : amount;
}

/** The domain's script, section by section: prepare, open, the three goals, excuses, close, follow up. */
export function ScriptSections({ i18n, vm }: { i18n: ActionsI18n; vm: CallScriptVM }) {
  const { a } = i18n;
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>{a.scriptTitle}</Heading>
        <Tag variant={vm.persona === 'good_payer' ? 'success' : 'warning'} testId="persona">{a.persona[vm.persona] ?? vm.persona}</Tag>
        <Tag testId="customer-type">{a.customerType[vm.customerType] ?? vm.customerType}</Tag>
      </Flex>
      {vm.fourteenDayLetter && (
        <Alert title={a.customerType.consumer ?? 'consumer'} variant="warning" testId="fourteen-day">{a.fourteenDay(lettersCosts(i18n, vm.fourteenDayLetter))}</Alert>
      )}
      <Heading>{a.preparation}</Heading>
      <Flex direction="column" gap="xs" testId="preparation">
        {vm.preparation.map((p) => (
          <Flex key={p.id} direction="row" gap="xs" align="center">
            <StatusTag variant={STATUS_VARIANT[p.status]}>{p.status === 'ok' ? '✓' : '!'}</StatusTag>
            <Text>{p.text}</Text>
          </Flex>
        ))}
      </Flex>
      <Heading>{a.opening}</Heading>
      <Text testId="opening">{vm.opening}</Text>
      <Heading>{a.goals}</Heading>
      <List variant="ordered" testId="goals">{vm.goals.map((g) => <Text key={g.id}>{g.text}</Text>)}</List>
      <Heading>{a.excuses}</Heading>
      {vm.excuses.map((x) => (
        <Accordion key={x.id} title={x.excuse} size="sm" testId={`excuse-${x.id}`}>
          <Text>{x.answer}</Text>
        </Accordion>
      ))}
      <Heading>{a.closing}</Heading>
      <List testId="closing">{vm.closing.map((c, i) => <Text key={`c${i}`}>{c}</Text>)}</List>
      <Heading>{a.followUpSteps}</Heading>
      <List testId="follow-up">{vm.followUp.map((f) => <Text key={f.id}>{f.text}</Text>)}</List>
    </Flex>
  );
}
