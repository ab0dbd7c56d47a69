// npm run bench:sync [companies…] — companies with 10 invoices each synced into the sandbox at HubSpot's
// marketplace limit (110 requests per rolling 10 s), through the sync service production runs. Without an argument
// it runs 1,000, 10,000 and 30,000 companies, each in a fresh process (so each starts as a restarted worker does:
// its code not yet optimised by the JIT) with its own Redis and sandbox, then prints one line per size.
// Per size it prints elapsed time, HubSpot calls, the true floor of the rolling window for those calls — 110 may
// start at once, so n calls need at least 10 s × ⌊(n − 1) / 110⌋ — the time above it and the ratio (only where the
// floor is not 0), when each window's calls reached the sandbox (from the start of the run) and the call of the
// first window the last call waited on (its arrival is the part of the time the app's own computation sets: the
// first window's calls go out as their batches are computed), 429s and peak RSS, then a second run with nothing
// changed (its write calls must be 0). The floor is HubSpot's window; the app's budget counts each call from its
// answer and adds 50 ms to each window, so the last of 221 calls or more leaves at least 20.1 s after the first.
// Also prints this process's CPU time for the run: the app's own work (reading ledgers, planning, rollups, the
// api-client), which on a loaded machine says more than the elapsed time does, and the load average. The sandbox
// runs in a process of its own, as HubSpot is not in ours.
// Leaves out: network latency to HubSpot (the sandbox answers on loopback in ~1 ms; over the internet the four
// writes in flight would pace a window's burst), other apps' traffic, and setting up the data (not timed).
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dateInZone } from '../../src/domain/dates';
import { cpuSecondsSince, invoicesFor, prng, startBenchPortal, WINDOW_CALLS, WINDOW_S, windowFloorSeconds } from './fixture';

const PER_COMPANY = 10;
const DEFAULT_SIZES = [1_000, 10_000, 30_000];

interface SizeResult {
  readonly companies: number; readonly calls: number; readonly elapsed: number; readonly floor: number;
  readonly cpu: number; readonly throttled: number; readonly unchangedElapsed: number; readonly unchangedWrites: number;
  readonly load: string;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function benchSize(companies: number): Promise<SizeResult> {
  const { hub, ledger, services, portalId, failures, close } = await startBenchPortal('bench');
  console.log(`setup: ${companies} companies, ${companies * PER_COMPANY} invoices…`);
  const setupStart = Date.now();
  const today = dateInZone(new Date().toISOString(), 'Europe/Amsterdam');
  const rnd = prng(42);
  for (let i = 0; i < companies; i += 500) {
    const n = Math.min(500, companies - i);
    const ids = await hub.createObjects('companies', Array.from({ length: n }, (_, k) => ({ name: `Bench company ${i + k}`, domain: `bench${i + k}.example` })));
    await ledger.upsertInvoices(portalId, ids.flatMap((id) => invoicesFor(id, PER_COMPANY, today, rnd)));
  }
  console.log(`setup done in ${((Date.now() - setupStart) / 1000).toFixed(1)} s (not measured)`);

  type Log = Awaited<ReturnType<typeof hub.requestLog>>;
  const count = (log: Log, test: (route: string, status: number) => boolean) => log.filter((e) => test(`${e.method} ${e.path}`, e.status)).length;
  const isWrite = (r: string) => /^POST .*\/batch\/(create|update|upsert)$/.test(r) || /^POST \/crm\/v3\/properties\/[^/]+(\/groups)?$/.test(r);
  // When each window's calls reached the sandbox: the last window's last call is what the floor is about.
  const timeline = (log: Log, startedAt: number) => {
    const arrivals = log.map((e) => (e.at - startedAt) / 1000).sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i < arrivals.length; i += WINDOW_CALLS) {
      const last = Math.min(i + WINDOW_CALLS, arrivals.length);
      parts.push(`${i + 1}–${last} at ${arrivals[i]!.toFixed(2)}–${arrivals[last - 1]!.toFixed(2)} s`);
    }
    return parts.join(' · ');
  };
  // The last of n calls may start only a budget window after call n − 110, which waited on call n − 220, and so on
  // back to a call of the first window: that call's arrival plus the windows is the run's floor on this clock.
  const anchor = (log: Log, startedAt: number) => {
    const arrivals = log.map((e) => (e.at - startedAt) / 1000).sort((a, b) => a - b);
    const windows = Math.floor((arrivals.length - 1) / WINDOW_CALLS);
    const first = arrivals.length - windows * WINDOW_CALLS;
    return `call ${first} of the first window reached the sandbox at ${arrivals[first - 1]!.toFixed(2)} s; the last call at ${arrivals.at(-1)!.toFixed(2)} s, ${windows} window${windows === 1 ? '' : 's'} later`;
  };

  // When the rate budget admitted each call (Redis' clock, this machine's): a call that reaches HubSpot long after
  // its admission can meet a window that still holds the calls of ten seconds before, which is a 429.
  const admitted: number[] = [];
  const acquire = services.budget.acquire.bind(services.budget);
  services.budget.acquire = async (...args) => {
    const at = await acquire(...args);
    admitted.push(at);
    return at;
  };
  const admissionLag = (log: Log) => {
    const arrivals = log.map((e) => e.at).sort((a, b) => a - b);
    const lags = admitted.sort((a, b) => a - b).map((a, i) => (arrivals[i] ?? a) - a).sort((a, b) => a - b);
    return lags.length === 0 ? 'none' : `median ${lags[Math.floor(lags.length / 2)]} ms, max ${lags.at(-1)} ms`;
  };

  async function run(label: string) {
    admitted.length = 0;
    const from = await hub.requestCount();
    const failuresBefore = failures();
    const cpu = process.cpuUsage();
    const startedAt = Date.now();
    const started = process.hrtime.bigint();
    const result = await services.sync.syncPortal(portalId);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuSeconds = cpuSecondsSince(cpu);
    const log = await hub.requestLog(from);
    const calls = log.length;
    const writes = count(log, (r) => isWrite(r));
    const throttled = count(log, (_r, s) => s === 429);
    const floor = windowFloorSeconds(calls);
    console.log(`\n${label}`);
    console.log(`  result           ${JSON.stringify(result)}`);
    console.log(`  elapsed          ${elapsed.toFixed(1)} s (load average ${load()})`);
    console.log(`  app CPU time     ${cpuSeconds.toFixed(1)} s (${((cpuSeconds / companies) * 1e6).toFixed(0)} µs per company)`);
    console.log(`  HubSpot calls    ${calls} (writes ${writes}, reads ${calls - writes})`);
    if (calls > 0) console.log(`  calls by window  ${timeline(log, startedAt)}`);
    if (calls > 0) console.log(`  admission → arrival ${admissionLag(log)}`);
    if (calls > WINDOW_CALLS) console.log(`  what the last call waited on: ${anchor(log, startedAt)}`);
    console.log(`  floor            ${floor.toFixed(1)} s (${calls} calls: ${WINDOW_S} s × ⌊(calls − 1) / ${WINDOW_CALLS}⌋)`);
    console.log(`  above the floor  ${(elapsed - floor).toFixed(1)} s${floor > 0 ? `, ratio ${(elapsed / floor).toFixed(2)}×` : ' (floor 0: no ratio)'}`);
    console.log(`  429s from sandbox ${throttled}; failed calls on the error path ${failures() - failuresBefore}`);
    return { calls, writes, elapsed, floor, cpu: cpuSeconds, throttled };
  }

  const first = await run(`full sync of ${companies} companies (first run: schema + every company)`);
  const second = await run('second run (nothing changed)');
  console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  console.log(second.writes === 0 ? 'second run made no write calls ✓' : `second run made ${second.writes} write calls ✗`);
  await close();
  return {
    companies, calls: first.calls, elapsed: first.elapsed, floor: first.floor, cpu: first.cpu, throttled: first.throttled,
    unchangedElapsed: second.elapsed, unchangedWrites: second.writes, load: load(),
  };
}

/** Runs one size in a fresh process and collects what it measured. */
function inChild(companies: number): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [String(companies)], { execArgv: ['--import', 'tsx'] });
    let result: SizeResult | undefined;
    child.on('message', (m: SizeResult) => { result = m; });
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`bench:sync ${companies} exited with ${code}`))));
  });
}

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 1) {
  const result = await benchSize(sizes[0]!);
  process.send?.(result);
  process.exit(result.unchangedWrites === 0 ? 0 : 1);
}

const results: SizeResult[] = [];
for (const companies of sizes.length > 0 ? sizes : DEFAULT_SIZES) results.push(await inChild(companies));
console.log('\ncompanies  calls  elapsed  floor  above  ratio  app CPU (µs/company)  429s  unchanged run  load average');
for (const r of results) {
  const ratio = r.floor > 0 ? `${(r.elapsed / r.floor).toFixed(2)}×` : '—';
  console.log([
    String(r.companies).padStart(9), String(r.calls).padStart(6), `${r.elapsed.toFixed(1)} s`.padStart(8), `${r.floor} s`.padStart(6),
    `${(r.elapsed - r.floor).toFixed(1)} s`.padStart(6), ratio.padStart(6),
    `${r.cpu.toFixed(1)} s (${((r.cpu / r.companies) * 1e6).toFixed(0)})`.padStart(21), String(r.throttled).padStart(5),
    `${r.unchangedElapsed.toFixed(1)} s`.padStart(14), `  ${r.load}`,
  ].join(' '));
}
process.exit(results.every((r) => r.unchangedWrites === 0) ? 0 : 1);
