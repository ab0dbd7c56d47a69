import { Divider, Flex, Heading, useExtensionContext } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { DEFAULT_INVOICE_SORT, DEFAULT_PAGE_SIZE, type InvoiceSort } from '../../contracts/card-context';
import { fetchReceivables } from '../api/card-api';
import { isNotFound } from '../api/client';
import { AgingChart } from '../components/AgingChart';
import { FailureMessage, Loading, NoOpenInvoices } from '../components/CardStates';
import { ChargesSection } from '../components/ChargesSection';
import { CommitmentsSection } from '../components/CommitmentsSection';
import { InvoiceTable } from '../components/InvoiceTable';
import { KpiStatistics } from '../components/KpiStatistics';
import { LadderSection } from '../components/LadderSection';
import { RiskSection } from '../components/RiskSection';
import { backendOrigin } from '../config';
import { useCardData } from '../hooks/use-card-data';
import { useI18n } from '../i18n';

/** The Receivables tab of a company record: KPIs, risk, interest and costs, aging, open invoices, ladder, promises, disputes. */
export function ReceivablesView({ pageSize = DEFAULT_PAGE_SIZE }: { pageSize?: number }) {
  const context = useExtensionContext<'crm.record.tab'>();
  const i18n = useI18n();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<InvoiceSort>(DEFAULT_INVOICE_SORT);
  const ref = { origin: backendOrigin(context.variables), portalId: context.portal.id, companyId: context.crm.objectId };
  const state = useCardData(`${ref.portalId}/${ref.companyId}/${page}/${pageSize}/${sort}`, () =>
    fetchReceivables(ref, { page, pageSize, sort }),
  );

  // Paging or sorting keeps the last answer on screen (with a spinner) instead of blanking the whole tab.
  if (state.status === 'loading' && !state.previous) return <Loading i18n={i18n} />;
  if (state.status === 'error') {
    return isNotFound(state.failure)
      ? <NoOpenInvoices i18n={i18n} />
      : <FailureMessage i18n={i18n} failure={state.failure} retry={state.retry} />;
  }
  const vm = state.status === 'ready' ? state.data : state.previous!;
  if (vm.empty) return <NoOpenInvoices i18n={i18n} />;
  return (
    <Flex direction="column" gap="md">
      <KpiStatistics i18n={i18n} vm={vm} />
      <RiskSection i18n={i18n} risk={vm.risk} />
      <ChargesSection i18n={i18n} charges={vm.charges} />
      <Divider />
      <AgingChart i18n={i18n} aging={vm.aging} />
      <Heading>{i18n.t.invoicesTitle(vm.invoices.total)}</Heading>
      {state.status === 'loading' ? <Loading i18n={i18n} /> : null}
      <InvoiceTable
        i18n={i18n}
        page={vm.invoices}
        onSort={(next) => { setSort(next); setPage(1); }}
        onPage={setPage}
      />
      <Divider />
      <LadderSection i18n={i18n} ladder={vm.ladder} />
      <CommitmentsSection i18n={i18n} promises={vm.promises} disputes={vm.disputes} />
    </Flex>
  );
}
