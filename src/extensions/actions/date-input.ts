/** HubSpot's DateInput speaks {year, month (0-based), date}; the API speaks YYYY-MM-DD. */
export interface DateValue { readonly year: number; readonly month: number; readonly date: number }

export const toDateValue = (iso: string | undefined): DateValue | undefined => {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { year: y, month: m - 1, date: d };
};

export const fromDateValue = (v: DateValue | null | undefined): string =>
  v ? `${v.year}-${String(v.month + 1).padStart(2, '0')}-${String(v.date).padStart(2, '0')}` : '';

/** Adds calendar months, keeping the day where the month has it (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}
