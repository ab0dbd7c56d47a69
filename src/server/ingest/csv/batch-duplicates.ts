import type { InvoiceInput } from '../../../contracts/ingest';

export interface SupersededRow {
  /** The file line of the row that was replaced. */
  readonly line: number;
  readonly externalId: string;
  /** The later line that replaces it. */
  readonly by: number;
}

/**
 * The last row of each invoice in a batch (a later row of the file wins over an earlier one, in file order),
 * and the earlier rows it replaced — so the report can account for them instead of losing them in the counts.
 */
export function lastOfEach(batch: readonly InvoiceInput[], lines: readonly number[]): { kept: InvoiceInput[]; superseded: SupersededRow[] } {
  const lastIndex = new Map<string, number>();
  batch.forEach((row, i) => lastIndex.set(row.externalId, i));
  const kept: InvoiceInput[] = [];
  const superseded: SupersededRow[] = [];
  batch.forEach((row, i) => {
    const last = lastIndex.get(row.externalId)!;
    if (last === i) kept.push(row);
    else superseded.push({ line: lines[i]!, externalId: row.externalId, by: lines[last]! });
  });
  return { kept, superseded };
}
