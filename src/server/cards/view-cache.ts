/**
 * A short-lived, in-process cache of computed card views with single flight: concurrent requests for the same
 * company share one Redis read and one computation, and repeats within `ttlMs` (a card opening, paging,
 * HubSpot's retry) cost a lookup. The ledger changes through ingest and credit-control actions; a view may
 * lag those by at most `ttlMs`. ttlMs 0 turns caching off.
 */
export interface ViewCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  /** Drops a key now (e.g. after this process wrote to that company's ledger). */
  invalidate(key: string): void;
}

export function createViewCache<T>(opts: { ttlMs: number; maxEntries?: number; now?: () => number }): ViewCache<T> {
  const now = opts.now ?? Date.now;
  const max = opts.maxEntries ?? 1_000;
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key, load) {
      if (opts.ttlMs <= 0) return load();
      const t = now();
      const hit = entries.get(key);
      if (hit && t - hit.at < opts.ttlMs) return hit.value;
      const value = load();
      // A failure is not remembered: the next request tries again.
      value.catch(() => { if (entries.get(key)?.value === value) entries.delete(key); });
      entries.delete(key);
      if (entries.size >= max) entries.delete(entries.keys().next().value as string);
      entries.set(key, { at: t, value });
      return value;
    },
    invalidate(key) {
      entries.delete(key);
    },
  };
}
