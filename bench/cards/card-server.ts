/**
 * Child process: the backend exactly as `npm start` and production compose it (bench-backend.ts: signature
 * check, Redis ledger store with its LRU, the real calendar provider with the portal's holidays, the view
 * cache), listening on its own port, plus the anchor. Separate from the load generator so they do not share one
 * event loop. Env: bench-backend.ts's, BENCH_COMPANIES, BENCH_INVOICES.
 * Prints {warmMs, port, anchorPort, portalId, companyIds} once the ledger is loaded (loading is not measured).
 * Stdin: bench-backend.ts's commands, and {change: true} to change every company's ledger (its stored view goes
 * stale).
 */
import { benchBackend, env, serve } from './bench-backend';
import { benchInvoices } from './fixture';

const companies = Number(env('BENCH_COMPANIES'));
const invoicesEach = Number(env('BENCH_INVOICES'));
const { backend, portalId, today } = await benchBackend();
const companyIds = Array.from({ length: companies }, (_, i) => String(900_000 + i));
// Invoice ids are unique per portal: each company gets its own.
for (const companyId of companyIds) {
  await backend.ledger.upsertInvoices(portalId, benchInvoices(companyId, today, invoicesEach)
    .map((inv) => ({ ...inv, externalId: `${companyId}-${inv.externalId}` })));
}

// What the continuous sync does after these ledgers changed (refresh-portal.ts → warmViews), timed apart.
const warmStart = performance.now();
await backend.receivablesViews.warm(portalId, companyIds);
const warmMs = performance.now() - warmStart;

await serve(backend, { warmMs, portalId, companyIds }, async (command) => {
  // A change to every company (one more invoice each): their stored views no longer match, as right after an
  // ingest before the refresh has run.
  if (!command.change) return;
  for (const companyId of companyIds) {
    const [extra] = benchInvoices(companyId, today, 1);
    await backend.ledger.upsertInvoices(portalId, [{ ...extra!, externalId: `${companyId}-extra`, number: `X-${companyId}` }]);
  }
});
