import { Flex, Heading, LineChart, Statistics, StatisticsItem, Text } from '@hubspot/ui-extensions';
import type { CallListVM, PortfolioKpisVM } from '../../contracts/home';
import type { HomeI18n } from './use-home-i18n';

const days = (i18n: HomeI18n, n: number | null) => (n === null ? i18n.h.kpiNone : i18n.h.kpiDays(i18n.number(n)));

function CurrencyKpis({ i18n, k }: { i18n: HomeI18n; k: PortfolioKpisVM }) {
  const { h } = i18n;
  const id = (what: string) => `kpi-${what}-${k.currency}`;
  return (
    <Statistics testId={`kpis-${k.currency}`}>
      <StatisticsItem label={h.kpiOpen} number={i18n.money(k.open)} testId={id('open')} />
      <StatisticsItem label={h.kpiOverdue} number={i18n.money(k.overdue)} testId={id('overdue')} />
      <StatisticsItem label={h.kpiDso} number={days(i18n, k.dso)} testId={id('dso')} />
      <StatisticsItem label={h.kpiBestDso} number={days(i18n, k.bestPossibleDso)} testId={id('best-dso')} />
      <StatisticsItem label={h.kpiAdd} number={days(i18n, k.averageDaysDelinquent)} testId={id('add')} />
      <StatisticsItem label={h.kpiWeightedLate} number={days(i18n, k.weightedDaysLate)} testId={id('weighted-late')} />
    </Statistics>
  );
}

/** Month-end DSO and days delinquent per currency, oldest month first. */
export function trendRows(i18n: HomeI18n, trend: CallListVM['trend']) {
  return trend.flatMap((p) => p.kpis.flatMap((k) => [
    { month: i18n.date(p.date), days: k.dso, series: `${i18n.h.trendDso} ${k.currency}` },
    { month: i18n.date(p.date), days: k.averageDaysDelinquent, series: `${i18n.h.trendAdd} ${k.currency}` },
  ]));
}

/** The portal's KPIs per currency (never summed across currencies) and their trend. */
export function PortfolioKpis({ i18n, vm }: { i18n: HomeI18n; vm: CallListVM }) {
  const { h } = i18n;
  return (
    <Flex direction="column" gap="sm" testId="portfolio">
      <Heading>{h.kpiTitle}</Heading>
      {vm.kpis.length === 0 ? <Text>{h.noKpis}</Text> : vm.kpis.map((k) => <CurrencyKpis key={k.currency} i18n={i18n} k={k} />)}
      {vm.trend.some((p) => p.kpis.length > 0) ? (
        <LineChart
          testId="kpi-trend"
          data={trendRows(i18n, vm.trend)}
          axes={{
            x: { field: 'month', fieldType: 'category', label: h.trendMonth },
            y: { field: 'days', fieldType: 'linear', label: h.trendDays },
            options: { groupFieldByColor: 'series' },
          }}
          options={{ title: h.trendTitle, showLegend: true, showTooltips: true }}
        />
      ) : null}
    </Flex>
  );
}
