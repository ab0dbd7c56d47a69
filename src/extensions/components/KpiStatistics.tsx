import { Statistics, StatisticsItem, StatisticsTrend } from '@hubspot/ui-extensions';
import type { ReceivablesVM } from '../../contracts/cards';
import type { I18n } from '../i18n';

/** Open and overdue per currency (never summed across currencies), oldest overdue, days late and trend. */
export function KpiStatistics({ i18n, vm }: { i18n: I18n; vm: ReceivablesVM }) {
  const { t } = i18n;
  const b = vm.behaviour;
  const trendText = t[`trend_${b.trend}`];
  return (
    <Statistics testId="kpis">
      <StatisticsItem label={t.statOpen} number={i18n.moneyList(vm.totals.open)} testId="kpi-open" />
      <StatisticsItem label={t.statOverdue} number={vm.totals.overdue.length ? i18n.moneyList(vm.totals.overdue) : t.nothingOverdue} testId="kpi-overdue" />
      <StatisticsItem label={t.statOldestOverdue} number={vm.oldestOverdueDays === null ? '—' : t.days(vm.oldestOverdueDays)} testId="kpi-oldest" />
      <StatisticsItem label={t.statAverageDaysLate} number={b.averageDaysLate === null ? t.noHistory : i18n.number(b.averageDaysLate)} testId="kpi-days-late">
        {b.trend === 'improving' || b.trend === 'worsening' ? (
          // Worsening = paying later: "increase" in red.
          <StatisticsTrend value={trendText} direction={b.trend === 'worsening' ? 'increase' : 'decrease'} color={b.trend === 'worsening' ? 'red' : 'green'} />
        ) : null}
      </StatisticsItem>
    </Statistics>
  );
}
