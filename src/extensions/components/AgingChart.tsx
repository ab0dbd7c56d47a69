import { BarChart } from '@hubspot/ui-extensions';
import type { AgingVM } from '../../contracts/cards';
import { fractionDigits } from '../format';
import type { I18n } from '../i18n';

export function bucketLabel(i18n: I18n, b: { id: string; minDays: number; maxDays: number | null }): string {
  return b.maxDays === 0 ? i18n.t.agingCurrent : i18n.t.agingRange(b.minDays, b.maxDays);
}

/** One bar per aging bucket, coloured per currency (amounts of different currencies are never stacked). */
export function agingRows(i18n: I18n, aging: readonly AgingVM[]): { bucket: string; amount: number; currency: string }[] {
  return aging.flatMap((a) =>
    a.buckets.map((b) => ({ bucket: bucketLabel(i18n, b), amount: b.amount.minor / 10 ** fractionDigits(a.currency), currency: a.currency })),
  );
}

export function AgingChart({ i18n, aging }: { i18n: I18n; aging: readonly AgingVM[] }) {
  return (
    <BarChart
      testId="aging"
      data={agingRows(i18n, aging)}
      axes={{
        x: { field: 'bucket', fieldType: 'category', label: i18n.t.agingBucket },
        y: { field: 'amount', fieldType: 'linear', label: i18n.t.agingAmount },
        options: { groupFieldByColor: 'currency' },
      }}
      options={{ title: i18n.t.agingTitle, showLegend: aging.length > 1, showTooltips: true }}
    />
  );
}
