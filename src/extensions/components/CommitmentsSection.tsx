import { Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { DisputeVM, PromiseVM } from '../../contracts/cards';
import { disputeReason } from '../i18n/describe';
import type { I18n } from '../i18n';

/** Open and recently broken promises, and open disputes: what was agreed and what blocks chasing. */
export function CommitmentsSection({ i18n, promises, disputes }: { i18n: I18n; promises: readonly PromiseVM[]; disputes: readonly DisputeVM[] }) {
  const { t } = i18n;
  return (
    <Flex direction="column" gap="xs">
      {promises.length > 0 ? <Heading>{t.promisesTitle}</Heading> : null}
      {promises.map((p) => (
        <Flex key={p.id} gap="sm" align="center" testId={`promise-${p.id}`}>
          <Text>{t.promiseLine(i18n.money(p.amount), i18n.date(p.promisedDate))}</Text>
          <StatusTag variant={p.status === 'broken' ? 'danger' : p.status === 'open' ? 'info' : 'default'}>{t[`promise_${p.status}`]}</StatusTag>
        </Flex>
      ))}
      {disputes.length > 0 ? <Heading>{t.disputesTitle}</Heading> : null}
      {disputes.map((d) => (
        <Flex key={d.id} gap="sm" align="center" testId={`dispute-${d.id}`}>
          <Text>{t.disputeLine(d.invoiceNumber ?? '—', i18n.date(d.openedOn))}</Text>
          <StatusTag variant="warning">{disputeReason(t, d.reason)}</StatusTag>
        </Flex>
      ))}
    </Flex>
  );
}
