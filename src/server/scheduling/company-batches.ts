/** Company id → its owner in HubSpot (undefined: none). */
export type CompanyOwners = ReadonlyMap<string, string | undefined>;

export interface CompanyBatchSources {
  /**
   * Lists the portal's companies from HubSpot if that has not been done yet, handing over each page's owners as
   * it arrives; resolves at once, without pages, when the listing exists (or another process is making it).
   */
  readonly listing?: (onPage: (owners: CompanyOwners) => void) => Promise<unknown>;
  /** The owners of these companies as already listed. */
  readonly owners: (companyIds: readonly string[]) => Promise<CompanyOwners>;
}

/**
 * The run's companies in batches of at most `size`, each with its owners. When the portal's companies must be
 * listed first (100 per call, paced by the rate window), the companies come as their pages arrive, so planning
 * starts with the first page instead of after the last; the listing goes on meanwhile. Companies the listing
 * did not name (or all of them, when it existed already) follow in the given order.
 */
export async function* companyBatches(ids: readonly string[], size: number, sources: CompanyBatchSources): AsyncGenerator<{ ids: string[]; owners: CompanyOwners }> {
  const waiting = new Set(ids);
  const ready: string[] = [];
  const listedOwners = new Map<string, string | undefined>();
  let finished = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const listing = sources.listing ?? (async () => undefined);
  void listing((page) => {
    for (const [id, owner] of page) {
      if (!waiting.delete(id)) continue;
      ready.push(id);
      listedOwners.set(id, owner);
    }
    wake?.();
  }).then(() => { finished = true; wake?.(); }, (error: unknown) => { failure = { error }; finished = true; wake?.(); });

  for (;;) {
    while (ready.length >= size || (finished && ready.length > 0)) {
      const batch = ready.splice(0, size);
      const owners = new Map(batch.map((id) => [id, listedOwners.get(id)]));
      for (const id of batch) listedOwners.delete(id);
      yield { ids: batch, owners };
    }
    if (finished) break;
    await new Promise<void>((resolve) => { wake = resolve; });
    wake = undefined;
  }
  if (failure) throw failure.error;
  const rest = ids.filter((id) => waiting.has(id));
  for (let i = 0; i < rest.length; i += size) {
    const batch = rest.slice(i, i + size);
    yield { ids: batch, owners: await sources.owners(batch) };
  }
}
