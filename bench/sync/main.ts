// npm run bench:sync [companies] — companies with 10 invoices each (default 10,000) synced into the sandbox at
// HubSpot's marketplace limit (110 requests per rolling 10 s), through the sync service production runs.
// Prints elapsed time, HubSpot calls, the true floor of the rolling window for those calls — 110 may start at
// once, so n calls need at least 10 s × ⌊(n − 1) / 110⌋ — the time above it and the ratio (only where the floor
// is not 0), 429s and peak RSS, then a second run with nothing changed (its write calls must be 0).
// Leaves out: network latency to HubSpot (the sandbox answers on loopback in ~1 ms) and other apps' traffic.
import { dateInZone } from '../../src/domain/dates';
import { invoicesFor, prng, startBenchPortal, WINDOW_CALLS, WINDOW_S, windowFloorSeconds } from './fixture';

const COMPANIES = Number(process.argv[2] ?? 10_000);
const PER_COMPANY = 10;

const { hub, ledger, services, portalId, failures, close } = await startBenchPortal('bench');

console.log(`setup: ${COMPANIES} companies, ${COMPANIES * PER_COMPANY} invoices…`);
const setupStart = Date.now();
const today = dateInZone(new Date().toISOString(), 'Europe/Amsterdam');
const rnd = prng(42);
let batch = [];
for (let i = 0; i < COMPANIES; i++) {
  const id = hub.createObject('companies', { name: `Bench company ${i}`, domain: `bench${i}.example` }).id;
  batch.push(...invoicesFor(id, PER_COMPANY, today, rnd));
  if (batch.length >= 5000) { await ledger.upsertInvoices(portalId, batch); batch = []; }
}
if (batch.length > 0) await ledger.upsertInvoices(portalId, batch);
console.log(`setup done in ${((Date.now() - setupStart) / 1000).toFixed(1)} s (not measured)`);

const count = (from: number, test: (route: string, status: number) => boolean) =>
  hub.requestLog.slice(from).filter((e) => test(`${e.method} ${e.path}`, e.status)).length;
const isWrite = (r: string) => /^POST .*\/batch\/(create|update|upsert)$/.test(r) || /^POST \/crm\/v3\/properties\/[^/]+(\/groups)?$/.test(r);

async function run(label: string) {
  const from = hub.requestLog.length;
  const failuresBefore = failures();
  const started = process.hrtime.bigint();
  const result = await services.sync.syncPortal(portalId);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const calls = hub.requestLog.length - from;
  const floor = windowFloorSeconds(calls);
  console.log(`\n${label}`);
  console.log(`  result           ${JSON.stringify(result)}`);
  console.log(`  elapsed          ${elapsed.toFixed(1)} s`);
  console.log(`  HubSpot calls    ${calls} (writes ${count(from, (r) => isWrite(r))}, reads ${calls - count(from, (r) => isWrite(r))})`);
  console.log(`  floor            ${floor.toFixed(1)} s (${calls} calls: ${WINDOW_S} s × ⌊(calls − 1) / ${WINDOW_CALLS}⌋)`);
  console.log(`  above the floor  ${(elapsed - floor).toFixed(1)} s${floor > 0 ? `, ratio ${(elapsed / floor).toFixed(2)}×` : ' (floor 0: no ratio)'}`);
  console.log(`  429s from sandbox ${count(from, (_r, s) => s === 429)}; failed calls on the error path ${failures() - failuresBefore}`);
  return { calls, writes: count(from, (r) => isWrite(r)) };
}

await run('full sync (first run: schema + every company)');
const second = await run('second run (nothing changed)');
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
console.log(second.writes === 0 ? 'second run made no write calls ✓' : `second run made ${second.writes} write calls ✗`);

await close();
process.exit(second.writes === 0 ? 0 : 1);
