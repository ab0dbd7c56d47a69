import type { LedgerStore, PortalId } from '../ledger/ledger-store';

/** Every LedgerStore method that changes a company's ledger (each of them marks the company dirty). */
export const LEDGER_WRITES = [
  'upsertInvoices', 'upsertPayments', 'upsertMandates', 'addFailedCollections', 'saveProfile', 'addPromise',
  'addDispute', 'resolveDispute', 'addArrangement', 'recordActions', 'recordTaskCompletions', 'markDirty', 'touchCompanies', 'forgetContact', 'moveCompany',
] as const satisfies readonly (keyof LedgerStore)[];

/**
 * The same store, announcing every successful write: whoever writes to the ledger — ingest API, CSV, card
 * writes, webhooks, resolved unmatched documents, later sources — gets the continuous sync without knowing
 * about it. The announcement never fails the write: the company is already marked dirty in Redis, and the
 * loop's sweep finds it even when the announcement is lost.
 */
export function withChangeFeed<S extends LedgerStore>(store: S, onChange: (portalId: PortalId) => Promise<void>): S {
  const wrapped = { ...store } as Record<string, unknown>;
  for (const name of LEDGER_WRITES) {
    const write = store[name] as (portalId: PortalId, ...rest: unknown[]) => Promise<unknown>;
    wrapped[name] = async (portalId: PortalId, ...rest: unknown[]) => {
      const result = await write(portalId, ...rest);
      await onChange(portalId).catch(() => undefined);
      return result;
    };
  }
  return wrapped as unknown as S;
}
