import type { CustomerKeys } from '../../contracts/ingest';
import type { RedisLedgerStore } from '../ledger/redis-ledger-store';
import type { UnmatchedDocument } from '../ledger/ledger-store';
import { UnmatchedPayload } from '../ingest/unmatched-payload';
import type { CompanyIndex } from './company-index';
import { matchCompany } from './match-company';

export interface RematchDeps {
  readonly ledger: Pick<RedisLedgerStore, 'listUnmatched' | 'findInvoiceCompanies'>;
  readonly companyIndex: (portalId: string) => Promise<CompanyIndex | undefined>;
  /** Files one waiting document under a company (the ingest service's resolveUnmatched). */
  readonly file: (portalId: string, externalId: string, companyId: string) => Promise<unknown>;
  readonly log?: { warn(obj: object, msg: string): void };
}

const PAGE = 500;
/** One pass looks at this many waiting documents at most; the next pass (next change) looks again. */
const MAX_PER_PASS = 10_000;

/**
 * Files the waiting (unmatched) documents that the current company index matches: a company with their keys
 * appeared or got them in HubSpot, or — for a payment — its invoice is filed now. Runs before every refresh
 * of the portal (cheap when nothing waits). A document someone else filed meanwhile is simply skipped.
 */
export function createRematcher(deps: RematchDeps): (portalId: string) => Promise<number> {
  return async (portalId) => {
    const first = await deps.ledger.listUnmatched(portalId, { offset: 0, limit: PAGE });
    if (first.total === 0) return 0;
    const index = await deps.companyIndex(portalId);
    if (!index) return 0;
    const docs = [...first.items];
    for (let offset = PAGE; offset < Math.min(first.total, MAX_PER_PASS); offset += PAGE) {
      docs.push(...(await deps.ledger.listUnmatched(portalId, { offset, limit: PAGE })).items);
    }
    const decided = await decide(deps, portalId, index, docs);
    let filed = 0;
    for (const { doc, companyId } of decided) {
      try {
        await deps.file(portalId, doc.externalId, companyId);
        filed++;
      } catch (err) {
        // Taken by a person or another pass meanwhile (404), or not filable now: it stays or is gone, never lost.
        deps.log?.warn({ portalId, err: (err as Error).message }, 'waiting document not filed');
      }
    }
    return filed;
  };
}

async function decide(deps: RematchDeps, portalId: string, index: CompanyIndex, docs: readonly UnmatchedDocument[]) {
  const invoiceIds = docs.map((d) => paymentInvoiceId(d) ?? '');
  const filedUnder = await deps.ledger.findInvoiceCompanies(portalId, invoiceIds);
  const out: { doc: UnmatchedDocument; companyId: string }[] = [];
  docs.forEach((doc, i) => {
    const viaInvoice = invoiceIds[i] ? filedUnder[i] : undefined;
    const match = viaInvoice ? { companyId: viaInvoice } : matchCompany(index, doc.customer as CustomerKeys);
    if ('companyId' in match) out.push({ doc, companyId: match.companyId });
  });
  return out;
}

function paymentInvoiceId(doc: UnmatchedDocument): string | undefined {
  const parsed = UnmatchedPayload.safeParse(doc.payload);
  return parsed.success && parsed.data.type === 'payment' ? parsed.data.input.invoiceExternalId : undefined;
}
