/**
 * Writes an importer's batches one after another, in file order (a later row of the same invoice still wins over
 * an earlier one), while the reader goes on parsing: up to `ahead` parsed batches wait their turn, so the parser
 * keeps the CPU busy while Redis answers a batch's round trips, and memory stays bounded by `ahead` batches. A
 * failed write fails every later one (they never start) and the importer with it.
 */
export interface BatchWriter<T> {
  /** Queues a batch; waits while `ahead` batches are already queued. */
  push(batch: T): Promise<void>;
  /** Every queued batch written (or the first failure). */
  done(): Promise<void>;
}

export function createBatchWriter<T>(write: (batch: T) => Promise<void>, ahead = 3): BatchWriter<T> {
  const queued: Promise<void>[] = [];
  let last: Promise<void> = Promise.resolve();
  return {
    async push(batch) {
      while (queued.length >= ahead) await queued.shift();
      last = last.then(() => write(batch));
      // Awaited by a later push or done(); this only keeps it from counting as unhandled meanwhile.
      last.catch(() => undefined);
      queued.push(last);
    },
    done: () => last,
  };
}
