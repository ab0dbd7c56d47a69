/**
 * Child process for the call-list case of `npm run bench:cards`: the backend as production composes it
 * (bench-backend.ts, with the anchor), one portal of BENCH_COMPANIES companies (default 10,000) with a few
 * invoices each, most of them overdue, names in the company index as the listing of HubSpot companies leaves
 * them. The list is NOT built here: the first signed request of the load generator builds it, as the first
 * request of a portal's day does in production. Prints {portalId, companies, port, anchorPort} once loaded.
 * Env: bench-backend.ts's, BENCH_COMPANIES.
 */
import { benchBackend, serve } from './bench-backend';
import { benchInvoices } from './fixture';

const companies = Number(process.env.BENCH_COMPANIES ?? 10_000);
const { backend, prefix, portalId, today } = await benchBackend();
const companyIds = Array.from({ length: companies }, (_, i) => String(900_000 + i));
// 1–6 invoices per company, due from 5 to 130 days ago (every 7th company pays on time): a varied list.
for (let i = 0; i < companyIds.length; i += 200) {
  const batch = companyIds.slice(i, i + 200).flatMap((companyId, n) => {
    const k = i + n;
    return benchInvoices(companyId, today, 1 + (k % 6)).map((inv, j) => {
      const due = k % 7 === 0 ? inv.dueDate : new Date(Date.parse(`${today}T00:00:00Z`) - (5 + ((k * 13 + j * 29) % 125)) * 86_400_000).toISOString().slice(0, 10);
      return { ...inv, externalId: `${companyId}-${inv.externalId}`, dueDate: due, issueDate: due < inv.issueDate ? due : inv.issueDate };
    });
  });
  await backend.ledger.upsertInvoices(portalId, batch);
}
// The company names as the listing of HubSpot's companies stores them (no HubSpot here).
await backend.companyIndex.upsert(portalId, companyIds.map((id) => ({ id, name: `Bench Company ${id}` })));
await backend.redis.set(`${prefix}:p:${portalId}:matching:listed`, new Date().toISOString());

await serve(backend, { portalId, companies });
