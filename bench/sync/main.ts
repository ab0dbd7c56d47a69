// npm run bench:sync [companies] — companies with 10 invoices each (default 10,000) synced into the sandbox at
// HubSpot's marketplace limit (110 requests per rolling 10 s), through the sync service production runs.
// Prints elapsed time, HubSpot calls, the true floor of the rolling window for those calls — 110 may start at
// once, so n calls need at least 10 s × ⌊(n − 1) / 110⌋ — the time above it and the ratio (only where the floor
// is not 0), 429s and peak RSS, then a second run with nothing changed (its write calls must be 0).
// Also prints this process's CPU time for the run: the app's own work (reading ledgers, planning, rollups),
// which on a loaded machine says more than the elapsed time does. The sandbox runs in a process of its own.
// Leaves out: network latency to HubSpot (the sandbox answers on loopback in ~1 ms) and other apps' traffic.
import { dateInZone } from '../../src/domain/dates';
import { cpuSecondsSince, invoicesFor, prng, startBenchPortal, WINDOW_CALLS, WINDOW_S, windowFloorSeconds } from './fixture';

const COMPANIES = Number(process.argv[2] ?? 10_000);
const PER_COMPANY = 10;

const { hub, ledger, services, portalId, failures, close } = await startBenchPortal('bench');

console.log(`setup: ${COMPANIES} companies, ${COMPANIES * PER_COMPANY} invoices…`);
const setupStart = Date.now();
const today = dateInZone(new Date().toISOString(), 'Europe/Amsterdam');
const rnd = prng(42);
for (let i = 0; i < COMPANIES; i += 500) {
  const n = Math.min(500, COMPANIES - i);
  const ids = await hub.createObjects('companies', Array.from({ length: n }, (_, k) => ({ name: `Bench company ${i + k}`, domain: `bench${i + k}.example` })));
  await ledger.upsertInvoices(portalId, ids.flatMap((id) => invoicesFor(id, PER_COMPANY, today, rnd)));
}
console.log(`setup done in ${((Date.now() - setupStart) / 1000).toFixed(1)} s (not measured)`);

type Log = Awaited<ReturnType<typeof hub.requestLog>>;
const count = (log: Log, test: (route: string, status: number) => boolean) =>
  log.filter((e) => test(`${e.method} ${e.path}`, e.status)).length;
const isWrite = (r: string) => /^POST .*\/batch\/(create|update|upsert)$/.test(r) || /^POST \/crm\/v3\/properties\/[^/]+(\/groups)?$/.test(r);

async function run(label: string) {
  const from = await hub.requestCount();
  const failuresBefore = failures();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await services.sync.syncPortal(portalId);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuSeconds = cpuSecondsSince(cpu);
  const log = await hub.requestLog(from);
  const calls = log.length;
  const writes = count(log, (r) => isWrite(r));
  const floor = windowFloorSeconds(calls);
  console.log(`\n${label}`);
  console.log(`  result           ${JSON.stringify(result)}`);
  console.log(`  elapsed          ${elapsed.toFixed(1)} s`);
  console.log(`  app CPU time     ${cpuSeconds.toFixed(1)} s (${((cpuSeconds / COMPANIES) * 1e6).toFixed(0)} µs per company)`);
  console.log(`  HubSpot calls    ${calls} (writes ${writes}, reads ${calls - writes})`);
  console.log(`  floor            ${floor.toFixed(1)} s (${calls} calls: ${WINDOW_S} s × ⌊(calls − 1) / ${WINDOW_CALLS}⌋)`);
  console.log(`  above the floor  ${(elapsed - floor).toFixed(1)} s${floor > 0 ? `, ratio ${(elapsed / floor).toFixed(2)}×` : ' (floor 0: no ratio)'}`);
  console.log(`  429s from sandbox ${count(log, (_r, s) => s === 429)}; failed calls on the error path ${failures() - failuresBefore}`);
  return { calls, writes };
}

await run('full sync (first run: schema + every company)');
const second = await run('second run (nothing changed)');
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
console.log(second.writes === 0 ? 'second run made no write calls ✓' : `second run made ${second.writes} write calls ✗`);

await close();
process.exit(second.writes === 0 ? 0 : 1);
