import type { z } from 'zod';
import type { IngestReport, ItemError } from '../../contracts/ingest';

/** Reports list at most this many rejections (a file of 500,000 bad rows must not become a 50 MB answer). */
export const MAX_LISTED_ERRORS = 1000;

export interface BatchCounts { created: number; updated: number; unchanged: number; unmatched: number }

/** Accumulates counts and rejections across batches. */
export function createReportBuilder() {
  const report: IngestReport = { received: 0, created: 0, updated: 0, unchanged: 0, unmatched: 0, rejected: 0, errors: [] };
  const duplicates: ItemError[] = [];
  let duplicateCount = 0;
  return {
    received(n: number) { report.received += n; },
    add(counts: BatchCounts) {
      report.created += counts.created;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
      report.unmatched += counts.unmatched;
    },
    reject(error: ItemError) {
      report.rejected++;
      if (report.errors.length < MAX_LISTED_ERRORS) report.errors.push(error);
    },
    /** A row replaced by a later one of the same document in the same upload. */
    duplicate(row: ItemError) {
      duplicateCount++;
      if (duplicates.length < MAX_LISTED_ERRORS) duplicates.push(row);
    },
    build: (): IngestReport => ({
      ...report, errors: [...report.errors],
      ...(duplicateCount > 0 ? { duplicates: duplicateCount, duplicateRows: [...duplicates] } : {}),
    }),
  };
}

/** A zod failure as one readable line: "issueDate: is not a calendar date; currency: must be …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
