import { Client } from '@hubspot/api-client';
import { addBusinessDays } from '../../../src/domain/calendar';
import { zonedTimeToInstant } from '../../../src/domain/dates';
import type { CallScriptVM } from '../../../src/contracts/actions';
import type { ApiKeyListVM, CreatedApiKeyVM } from '../../../src/contracts/api-keys';
import type { IngestReport, UnmatchedList } from '../../../src/contracts/ingest';
import type { PaymentStatusVM, ReceivablesVM } from '../../../src/contracts/cards';
import { createControllableClock } from '../../../src/server/clock/controllable-clock';
import { loadConfig } from '../../../src/server/config';
import { startEmbeddedBackend, type EmbeddedBackend } from '../../../src/server/embedded/embedded-backend';
import type { EmbeddedAccount } from '../../../src/server/embedded/embedded-hubspot';
import { createLogger, type Logger } from '../../../src/server/infra/logger';
import { hubspotHeaders } from '../../server/http/sign-request';
import { deletePrefix, testRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

/** A task as HubSpot holds it, with its step (rd_step: receipt_check, formal_reminder, … or a follow-up such as check_promise). */
export interface HubSpotTask {
  readonly id: string;
  readonly step: string;
  readonly type: string;
  readonly status: string;
  readonly subject: string;
  readonly body: string;
  readonly ownerId: string | undefined;
  readonly priority: string;
  readonly dueAt: string;
  readonly actionKey: string | undefined;
}

export interface Rollup {
  readonly open: number;
  readonly overdue: number;
  readonly stage: string;
  readonly nextAction: string;
  readonly promiseDate: string;
  readonly oldestOverdueDays: number;
  readonly optOut: string;
}

export interface InvoiceLine {
  readonly id: string;
  readonly amount: number;
  readonly issued: string;
  readonly due: string;
  readonly kind?: 'invoice' | 'credit_note';
  readonly open?: number;
}

const DUTCH_TZ = 'Europe/Amsterdam';

interface SandboxRecordJson { id: string; archived: boolean; properties: Record<string, string | undefined> }
interface SandboxState {
  objects: Record<string, SandboxRecordJson[] | undefined>;
  associations: { fromType: string; fromId: string; toType: string; toId: string }[];
  requestCounts: Record<string, Record<string, number>>;
}

function record(state: SandboxState, type: string, id: string): SandboxRecordJson {
  const found = state.objects[type]?.find((r) => r.id === id);
  if (!found) throw new Error(`HubSpot has no ${type} ${id}`);
  return found;
}

function associated(state: SandboxState, fromType: string, fromId: string, toType: string): Set<string> {
  return new Set(state.associations.filter((a) => a.fromType === fromType && a.fromId === fromId && a.toType === toType).map((a) => a.toId));
}

/**
 * A month in the life of one portal, driven only from the outside: the real composition `npm start` runs
 * (composeBackend on the embedded sandbox, real Redis, real BullMQ workers, sandbox webhooks), a business clock
 * that stands still between moves, HubSpot through the real api-client, the ingest API over HTTP, card
 * requests signed like HubSpot signs them. `day(n)` is the morning of business day n: the clock moves there
 * and the daily pass runs, as the 07:00 job does.
 */
export async function startMonth(opts: {
  firstDay: string; redisUrl?: string; account?: EmbeddedAccount; sweepEveryMs?: number;
  /** When HubSpot's daily limit resets after a 429 DAILY (real time; the portal's midnight by default). */
  msUntilDailyReset?: (timeZone: string) => number;
  /** The backend's logger (silent unless a test reads what it logs). */
  log?: Logger;
}) {
  const zone = opts.account?.timeZone ?? DUTCH_TZ;
  const prefix = uniquePrefix('month');
  const config = loadConfig({ PORT: '0', REDIS_PREFIX: prefix, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const clock = createControllableClock({ start: zonedTimeToInstant(opts.firstDay, 8, 0, zone), ticking: false });
  const embedded: EmbeddedBackend = await startEmbeddedBackend({
    config, log: opts.log ?? createLogger('silent'), redisUrl: opts.redisUrl ?? testRedisUrl(), clock,
    loop: { debounceMs: 50, sweepEveryMs: opts.sweepEveryMs ?? 1000 }, webhookRetryScheduleMs: [100, 300, 1000, 3000],
    ...(opts.account ? { account: opts.account } : {}),
    ...(opts.msUntilDailyReset ? { msUntilDailyReset: opts.msUntilDailyReset } : {}),
  });
  const { hubspot: local, publicBaseUrl: base, portalId } = embedded;
  const hs = new Client({ accessToken: local.accessToken, basePath: local.sandbox.url, numberOfApiCallRetries: 3 });
  const calendar = await embedded.backend.calendarFor(portalId);

  /** A request signed by HubSpot with the app's secret (cards, the settings page). */
  const signedFetch = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => {
    const raw = body === undefined ? '' : JSON.stringify(body);
    const headers = hubspotHeaders({ secret: local.clientSecret, method, publicUri: `${base}${path}`, body: raw });
    return fetch(`${base}${path}`, { method, headers: { ...headers, ...(raw ? { 'Content-Type': 'application/json' } : {}) }, ...(raw ? { body: raw } : {}) });
  };
  // The ingest key comes the way an admin gets one: from the settings page's signed admin endpoint.
  const created = await signedFetch('POST', `/api/admin/api-keys?portalId=${portalId}&userId=${embedded.hubspot.adminUserId}`, { label: 'accounting export' });
  if (created.status !== 201) throw new Error(`could not create an ingest key: ${created.status}`);
  const apiKey = ((await created.json()) as CreatedApiKeyVM).key;

  const hubspotState = async (): Promise<SandboxState> =>
    (await (await fetch(`${local.sandbox.url}/_sandbox/portals/${portalId}/state`)).json()) as SandboxState;

  const postIngest = (path: string, body: string, type = 'application/json'): Promise<Response> =>
    fetch(`${base}/api/ingest${path}`, { method: 'POST', headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': type }, body });
  const ingest = async (path: string, body: string, type = 'application/json'): Promise<IngestReport> => {
    const res = await postIngest(path, body, type);
    if (res.status !== 200) throw new Error(`ingest ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as IngestReport;
  };

  // The scenario being told: the companies it creates are its own (story.ts checks them after each day).
  let tracked: Set<string> | undefined;
  const month = {
    embedded, hs, portalId, calendar, prefix,
    track(companies: Set<string>): void { tracked = companies; },
    creditControllerOwnerId: local.creditControllerOwnerId!,
    /** The owners of the demo portal (the account managers), as HubSpot lists them. */
    async owners(): Promise<string[]> {
      return (await hs.crm.owners.ownersApi.getPage()).results.map((o) => o.id);
    },
    today: () => clock.now(),
    /** Calendar date of business day n (1 = the first day). */
    date: (n: number) => (n === 1 ? opts.firstDay : addBusinessDays(opts.firstDay, n - 1, calendar)),

    /** The morning of business day n: the clock moves to 08:00 and the daily pass runs; then the day's events. */
    async day(n: number): Promise<void> {
      clock.set(zonedTimeToInstant(month.date(n), 8, 0, zone));
      await embedded.time.runDailyPass({ timeoutMs: 60_000 });
      await month.settle();
    },
    /** Later the same day (events at a given hour). */
    at(hour: number, minute = 0): void {
      clock.set(zonedTimeToInstant(month.date(month.currentDay()), hour, minute, zone));
    },
    currentDay(): number {
      const today = clock.now().toISOString().slice(0, 10);
      for (let n = 1; n < 400; n++) if (month.date(n) >= today) return n;
      throw new Error('clock outside the simulated months');
    },

    /** Everything sent so far has reached HubSpot: webhooks delivered and processed, every change synced. */
    async settle(): Promise<void> {
      for (let round = 0; round < 20; round++) {
        await embedded.webhooks.flush({ waitForRetries: false });
        const q = embedded.backend.operate.webhookQueue.queue;
        for (let i = 0; i < 400 && Object.values(await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).some((c) => c > 0); i++) {
          await new Promise((r) => setTimeout(r, 25));
        }
        await embedded.backend.loop.settled(portalId, { timeoutMs: 60_000 });
        // Quiet when a last look finds nothing new on the way.
        await new Promise((r) => setTimeout(r, 60));
        const webhooksQuiet = Object.values(await q.getJobCounts('waiting', 'active', 'delayed')).every((c) => c === 0);
        if (webhooksQuiet && (await embedded.backend.ledger.countDirtyCompanies(portalId)) === 0 && !(await embedded.backend.queues.refreshPending(portalId))) return;
      }
      throw new Error('the portal did not settle');
    },

    // — the accounting system, through the ingest API —
    async invoices(company: { domain?: string; name?: string; hubspotCompanyId?: string; customerNumber?: string }, lines: readonly InvoiceLine[], extra: Record<string, unknown> = {}): Promise<IngestReport> {
      const report = await ingest('/invoices', JSON.stringify({
        invoices: lines.map((l) => ({
          externalId: l.id, number: l.id, kind: l.kind ?? 'invoice', customer: company, currency: 'EUR',
          amountMinor: l.amount, ...(l.open !== undefined ? { openMinor: l.open } : {}), issueDate: l.issued, dueDate: l.due, ...extra,
        })),
      }));
      await month.settle();
      return report;
    },
    async payment(invoiceId: string, amountMinor: number, date: string, id = `pay-${invoiceId}-${date}-${amountMinor}`): Promise<IngestReport> {
      return month.payments([{ invoiceId, amountMinor, date, id }]);
    },
    /** A bank file's worth of payments in one request; `settle: false` returns as soon as the backend accepted it. */
    async payments(lines: readonly { invoiceId: string; amountMinor: number; date: string; id?: string }[], opts: { settle?: boolean } = {}): Promise<IngestReport> {
      const report = await ingest('/payments', JSON.stringify({
        payments: lines.map((l) => ({ externalId: l.id ?? `pay-${l.invoiceId}-${l.date}-${l.amountMinor}`, invoiceExternalId: l.invoiceId, currency: 'EUR', amountMinor: l.amountMinor, date: l.date })),
      }));
      if (opts.settle !== false) await month.settle();
      return report;
    },
    /** Any ingest endpoint with the portal's key (new sources: bank files, failed direct debits…). */
    async ingestJson(path: string, body: unknown, opts: { settle?: boolean } = {}): Promise<IngestReport> {
      const report = await ingest(path, JSON.stringify(body));
      if (opts.settle !== false) await month.settle();
      return report;
    },
    async csv(text: string): Promise<IngestReport> {
      const report = await ingest('/csv', text, 'text/csv');
      await month.settle();
      return report;
    },
    /** The raw answer of an ingest endpoint, for refusals (status and body as the caller gets them). */
    postIngest,
    /** A file for an ingest endpoint (e-invoices, bank statements) as sent: its status and answer, then the sync settles. */
    async upload(path: string, body: string, type: string): Promise<{ status: number; body: IngestReport & { code?: string; message?: string } }> {
      const res = await postIngest(path, body, type);
      const answer = (await res.json()) as IngestReport & { code?: string; message?: string };
      await month.settle();
      return { status: res.status, body: answer };
    },
    /** A GET on the ingest API with the portal's key. */
    ingestGet: (path: string): Promise<Response> => fetch(`${base}/api/ingest${path}`, { headers: { Authorization: `Bearer ${apiKey}` } }),
    async unmatched(): Promise<UnmatchedList> {
      return (await (await fetch(`${base}/api/ingest/unmatched?limit=500`, { headers: { Authorization: `Bearer ${apiKey}` } })).json()) as UnmatchedList;
    },

    // — people in HubSpot, through the api-client —
    async createCompany(properties: Record<string, string>): Promise<string> {
      const c = await hs.crm.companies.basicApi.create({ properties, associations: [] });
      tracked?.add(c.id);
      await month.settle();
      return c.id;
    },
    /** Many companies at once (an import in HubSpot): one batch request, one webhook each. */
    async createCompanies(list: readonly Record<string, string>[]): Promise<string[]> {
      const ids: string[] = [];
      for (let i = 0; i < list.length; i += 100) {
        const res = await hs.crm.companies.batchApi.create({ inputs: list.slice(i, i + 100).map((properties) => ({ properties, associations: [] })) });
        // HubSpot answers a batch in no particular order: match the results back by name.
        const byName = new Map(res.results.map((r) => [r.properties.name, r.id]));
        ids.push(...list.slice(i, i + 100).map((p) => byName.get(p.name)!));
      }
      ids.forEach((id) => tracked?.add(id));
      await month.settle();
      return ids;
    },
    async updateCompany(id: string, properties: Record<string, string>): Promise<void> {
      await hs.crm.companies.basicApi.update(id, { properties });
      await month.settle();
    },
    /** Someone in HubSpot marks a task done (the call made, the letter sent). */
    async completeTask(taskId: string): Promise<void> {
      await hs.crm.objects.tasks.basicApi.update(taskId, { properties: { hs_task_status: 'COMPLETED' } });
      await month.settle();
    },
    async mergeCompanies(primaryObjectId: string, objectIdToMerge: string): Promise<void> {
      await hs.crm.companies.basicApi.merge({ primaryObjectId, objectIdToMerge });
      await month.settle();
    },

    // — what HubSpot shows: read through the stand-in's inspection endpoint, so checking costs the portal's
    //   API budget nothing (the backend's calls and the people's writes above are what it counts) —
    async rollup(companyId: string): Promise<Rollup> {
      const p = (await record(await hubspotState(), 'companies', companyId)).properties;
      return {
        open: Number(p.rd_open_balance ?? 'NaN'), overdue: Number(p.rd_overdue_balance ?? 'NaN'), stage: p.rd_dunning_stage ?? '',
        nextAction: p.rd_next_action ?? '', promiseDate: p.rd_promise_date ?? '', oldestOverdueDays: Number(p.rd_oldest_overdue_days ?? 'NaN'),
        optOut: p.rd_opt_out ?? '',
      };
    },
    async tasks(companyId: string): Promise<HubSpotTask[]> {
      const state = await hubspotState();
      const ids = associated(state, 'companies', companyId, 'tasks');
      return (state.objects.tasks ?? []).filter((t) => ids.has(t.id) && !t.archived).map((t) => {
        const p = t.properties;
        return {
          id: t.id, step: p.rd_step ?? '', type: p.hs_task_type ?? '', status: p.hs_task_status ?? '',
          subject: p.hs_task_subject ?? '', body: p.hs_task_body ?? '', ownerId: p.hubspot_owner_id || undefined, priority: p.hs_task_priority ?? '', dueAt: p.hs_timestamp ?? '',
          actionKey: p.rd_action_key || undefined,
        };
      }).sort((a, b) => Number(a.id) - Number(b.id));
    },
    async openTasks(companyId: string): Promise<HubSpotTask[]> {
      return (await month.tasks(companyId)).filter((t) => t.status !== 'COMPLETED');
    },
    async openSteps(companyId: string): Promise<string[]> {
      return (await month.openTasks(companyId)).map((t) => t.step);
    },
    async engagements(companyId: string, type: 'calls' | 'notes'): Promise<string[]> {
      return [...associated(await hubspotState(), 'companies', companyId, type)];
    },
    /** The bodies of the notes on a company's timeline, oldest first. */
    async noteBodies(companyId: string): Promise<string[]> {
      const state = await hubspotState();
      const ids = associated(state, 'companies', companyId, 'notes');
      return (state.objects.notes ?? []).filter((n) => ids.has(n.id) && !n.archived)
        .sort((a, b) => Number(a.id) - Number(b.id)).map((n) => n.properties.hs_note_body ?? '');
    },
    /** Requests HubSpot answered for this portal, by route and status. */
    async requestCounts(): Promise<Record<string, Record<string, number>>> {
      return (await hubspotState()).requestCounts;
    },

    // — the cards, signed like hubspot.fetch —
    async receivables(companyId: string): Promise<ReceivablesVM> {
      const res = await signedFetch('GET', `/api/cards/receivables?portalId=${portalId}&companyId=${companyId}`);
      if (res.status !== 200) throw new Error(`receivables card: ${res.status}`);
      return (await res.json()) as ReceivablesVM;
    },
    async paymentStatus(companyId: string): Promise<PaymentStatusVM> {
      return (await (await signedFetch('GET', `/api/cards/payment-status?portalId=${portalId}&companyId=${companyId}`)).json()) as PaymentStatusVM;
    },
    async callScript(companyId: string): Promise<CallScriptVM> {
      const res = await signedFetch('GET', `/api/cards/call-script?portalId=${portalId}&companyId=${companyId}`);
      if (res.status !== 200) throw new Error(`call script card: ${res.status}`);
      return (await res.json()) as CallScriptVM;
    },
    /** The Call script card's outcome form. */
    async logOutcome(companyId: string, outcome: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
      const res = await signedFetch('POST', `/api/cards/outcomes?portalId=${portalId}&companyId=${companyId}`, { outcomeId: `o-${Math.random().toString(36).slice(2, 12)}`, ...outcome });
      const body = (await res.json()) as Record<string, unknown>;
      await month.settle();
      return { status: res.status, body };
    },
    async savePreferences(companyId: string, preferences: Record<string, unknown>): Promise<number> {
      const res = await signedFetch('PUT', `/api/cards/preferences?portalId=${portalId}&companyId=${companyId}`, preferences);
      await month.settle();
      return res.status;
    },
    async apiKeys(): Promise<ApiKeyListVM> {
      return (await (await signedFetch('GET', `/api/admin/api-keys?portalId=${portalId}`)).json()) as ApiKeyListVM;
    },
    signedFetch,
    /** Sandbox admin (fault injection), as the HubSpot stand-in offers it. */
    async fault(spec: Record<string, unknown>): Promise<void> {
      const res = await fetch(`${local.sandbox.url}/_sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ hubId: Number(portalId), ...spec }) });
      if (res.status !== 201) throw new Error(`fault not injected: ${res.status} ${await res.text()}`);
    },
    restartWorkers: () => embedded.restartWorkers(),
    /** For work that no request of this process starts (another process's writes): polls until it holds. */
    async waitFor(holds: () => Promise<boolean>, timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!(await holds())) {
        if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close(): Promise<void> {
      await embedded.close();
      if (opts.redisUrl) return; // a Redis of the test's own: it stops it
      const redis = testRedis();
      await deletePrefix(redis, prefix);
      await redis.quit();
    },
  };
  return month;
}
export type Month = Awaited<ReturnType<typeof startMonth>>;

/** A Dutch accounting export (the layout `npm run import` and /api/ingest/csv recognise), `;`-separated. */
export function dutchCsv(rows: readonly { number: string; name?: string; domain?: string; customerNumber?: string; issued: string; due: string; amount: string; open?: string; status?: string }[]): string {
  const nl = (iso: string) => iso.split('-').reverse().join('-');
  const header = 'Factuurnummer;Debiteurnummer;Debiteur;Domein;BTW-nummer;KvK-nummer;Factuurdatum;Vervaldatum;Valuta;Bedrag;Openstaand;Status;Incasso';
  return [header, ...rows.map((r) => [
    r.number, r.customerNumber ?? '', r.name ?? '', r.domain ?? '', '', '', nl(r.issued), nl(r.due), 'EUR', r.amount, r.open ?? r.amount, r.status ?? '', 'nee',
  ].join(';'))].join('\n') + '\n';
}

/** Whether a text (a task's subject, say) names the amount, in Dutch (1.210,00) or English (1,210.00) notation. */
export function mentions(text: string, minor: number): boolean {
  const whole = Math.trunc(minor / 100);
  const cents = String(minor % 100).padStart(2, '0');
  const group = (sep: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return [`${group('.')},${cents}`, `${group(',')}.${cents}`].some((f) => new RegExp(`(^|[^\\d.,])${f.replace(/[.]/g, '\\.')}($|[^\\d])`).test(text));
}

/** Amounts in HubSpot are major units; ingest sends minor units. */
export const euros = (minor: number): number => minor / 100;
