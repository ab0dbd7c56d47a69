import { Divider, Flex, Heading, LoadingSpinner, ProgressBar, Statistics, StatisticsItem, Text, useExtensionContext } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { DEFAULT_CALL_LIST_PAGE_SIZE, type CallListVM } from '../../contracts/home';
import { FailureMessage } from '../components/CardStates';
import { backendOrigin } from '../config';
import { useCardData } from '../hooks/use-card-data';
import { CallListFilters } from './CallListFilters';
import { CallListTable } from './CallListTable';
import { fetchCallList, type CallListChoice } from './home-api';
import { PortfolioKpis } from './PortfolioKpis';
import { useHomeI18n, type HomeI18n } from './use-home-i18n';

const FIRST: CallListChoice = { scope: 'mine', sort: '-score', page: 1, pageSize: DEFAULT_CALL_LIST_PAGE_SIZE };

function Progress({ i18n, vm }: { i18n: HomeI18n; vm: CallListVM }) {
  const { h } = i18n;
  const { done, open, snoozed } = vm.progress;
  const due = done + open + snoozed;
  return (
    <Flex direction="column" gap="xs" testId="progress">
      <ProgressBar title={h.progressTitle} value={done} maxValue={Math.max(1, due)} valueDescription={h.progress(done, due)} variant="success" />
      <Statistics>
        <StatisticsItem label={h.progressDone} number={String(done)} testId="progress-done" />
        <StatisticsItem label={h.progressOpen} number={String(open)} testId="progress-open" />
        <StatisticsItem label={h.progressSnoozed} number={String(snoozed)} testId="progress-snoozed" />
      </Statistics>
    </Flex>
  );
}

/**
 * The app home: today's ranked call list for the signed-in user (mine, team or everyone), the day's progress
 * and the portal's KPIs. Filters, sorting and paging are server-side; the previous page stays on screen while
 * the next one loads.
 */
export function HomeView() {
  const context = useExtensionContext<'home'>();
  const i18n = useHomeI18n();
  const [choice, setChoice] = useState<CallListChoice>(FIRST);
  const origin = backendOrigin(context.variables);
  const ids = { portalId: context.portal.id, ...(context.user?.id !== undefined ? { userId: context.user.id } : {}) };
  const state = useCardData(JSON.stringify([ids, choice]), () => fetchCallList(origin, ids, choice));
  const vm = state.status === 'ready' ? state.data : state.status === 'loading' ? state.previous : undefined;
  const { h } = i18n;
  return (
    <Flex direction="column" gap="md">
      <Heading>{h.title}</Heading>
      {vm ? <Text variant="microcopy" testId="as-of">{h.subtitle(i18n.date(vm.asOf))}</Text> : null}
      <CallListFilters i18n={i18n} vm={vm} choice={choice} onChange={setChoice} />
      {state.status === 'error' ? <FailureMessage i18n={i18n} failure={state.failure} retry={state.retry} /> : null}
      {!vm && state.status === 'loading' ? <LoadingSpinner label={h.loading} showLabel layout="centered" testId="loading" /> : null}
      {vm ? (
        <>
          <Progress i18n={i18n} vm={vm} />
          <Text testId="total">{h.totalLine(vm.total)}</Text>
          {vm.items.length === 0 ? <Text testId="empty">{h.empty}</Text> : <CallListTable i18n={i18n} vm={vm} onPage={(page) => setChoice({ ...choice, page })} />}
          <Divider />
          <PortfolioKpis i18n={i18n} vm={vm} />
        </>
      ) : null}
    </Flex>
  );
}
