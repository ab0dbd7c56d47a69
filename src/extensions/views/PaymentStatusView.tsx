import { Alert, DescriptionList, DescriptionListItem, Flex, Link, Text } from '@hubspot/ui-extensions';
import { fetchPaymentStatus } from '../api/card-api';
import { isNotFound } from '../api/client';
import { FailureMessage, Loading } from '../components/CardStates';
import { ChargesSection } from '../components/ChargesSection';
import { SegmentTag } from '../components/RiskSection';
import { adviceSeverity, adviceText } from '../i18n/describe';
import { useCardData } from '../hooks/use-card-data';
import type { I18n } from '../i18n';

export interface PaymentStatusProps {
  readonly i18n: I18n;
  readonly origin: string;
  readonly portalId: number | string;
  readonly companyId: number | string;
}

/**
 * The owner's compact view (sidebar, preview, help desk): one sentence of advice first, then the facts
 * behind it — overdue amount and age, open promise, open disputes, risk segment — and the interest and costs.
 */
export function PaymentStatus({ i18n, origin, portalId, companyId }: PaymentStatusProps) {
  const state = useCardData(`${portalId}/${companyId}`, () => fetchPaymentStatus({ origin, portalId, companyId }));
  if (state.status === 'loading') return <Loading i18n={i18n} />;
  if (state.status === 'error') {
    return isNotFound(state.failure)
      ? <Alert title={adviceText(i18n, { code: 'no_open_invoices' })} variant="success" testId="advice" />
      : <FailureMessage i18n={i18n} failure={state.failure} retry={state.retry} />;
  }
  const vm = state.data;
  const { t } = i18n;
  const severity = adviceSeverity(vm.advice);
  return (
    <Flex direction="column" gap="sm">
      <Alert title={adviceText(i18n, vm.advice)} variant={severity === 'danger' ? 'danger' : severity} testId="advice" />
      <DescriptionList direction="column" testId="status-facts">
        <DescriptionListItem label={t.statOverdue}>
          <Text testId="status-overdue">{vm.overdue.length ? i18n.moneyList(vm.overdue) : t.nothingOverdue}</Text>
        </DescriptionListItem>
        {vm.oldestOverdueDays !== null ? (
          <DescriptionListItem label={t.statOldestOverdue}>
            <Text testId="status-oldest">{t.days(vm.oldestOverdueDays)}</Text>
          </DescriptionListItem>
        ) : null}
        <DescriptionListItem label={t.statusOpenPromise}>
          <Text testId="status-promise">{vm.openPromise ? t.promiseLine(i18n.money(vm.openPromise.amount), i18n.date(vm.openPromise.promisedDate)) : t.none}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t.statusOpenDisputes}>
          <Text testId="status-disputes">{vm.openDisputeCount > 0 ? String(vm.openDisputeCount) : t.none}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={t.riskTitle}>
          <SegmentTag i18n={i18n} segment={vm.segment} />
        </DescriptionListItem>
      </DescriptionList>
      <ChargesSection i18n={i18n} charges={vm.charges} />
      {vm.debtorPageUrl ? (
        <Flex direction="column" gap="xs">
          <Link href={{ url: vm.debtorPageUrl, external: true }} testId="debtor-page-link">{t.debtorPage}</Link>
          <Text variant="microcopy" testId="debtor-page-url">{t.debtorPageHint} {vm.debtorPageUrl}</Text>
        </Flex>
      ) : null}
    </Flex>
  );
}
