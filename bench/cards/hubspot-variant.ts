import { Client } from '@hubspot/api-client';
import { Router } from 'express';
import type { ReceivablesVM } from '../../src/contracts/cards';
import { ReceivablesQuery } from '../../src/contracts/card-context';
import { dateInZone } from '../../src/domain/dates';
import type { BusinessCalendar, CustomerLedger, Invoice } from '../../src/domain/ledger';
import { money } from '../../src/domain/money';
import type { ReminderPolicy } from '../../src/domain/policy/policy';
import { ladderFor } from '../../src/server/cards/ladder-vm';
import { buildReceivablesVM } from '../../src/server/cards/receivables-vm';
import { verifyHubSpotSignature } from '../../src/server/http/signature';
import { defaultProfile } from '../../src/server/ledger/default-profile';

/**
 * The comparison variant (a measurement, not product code): the same signed endpoint and the same view-model
 * builder, but the invoices come from HubSpot on every request — one associations v4 page (company → invoices)
 * and batch reads of 100 — instead of from the Redis ledger.
 */
const PROPERTIES = ['hs_number', 'hs_currency', 'hs_invoice_date', 'hs_due_date', 'hs_amount_billed', 'hs_balance_due', 'hs_invoice_status'];

const day = (v: string | null | undefined) => (v ?? '').slice(0, 10);
const minor = (v: string | null | undefined) => Math.round(Number(v ?? 0) * 100);

async function readLedger(client: Client, companyId: string): Promise<CustomerLedger> {
  const page = await client.crm.associations.v4.basicApi.getPage('companies', companyId, 'invoices', undefined, 500);
  const ids = page.results.map((r) => String(r.toObjectId));
  const chunks = Array.from({ length: Math.ceil(ids.length / 100) }, (_, i) => ids.slice(i * 100, i * 100 + 100));
  const batches = await Promise.all(chunks.map((chunk) =>
    client.crm.objects.batchApi.read('invoices', { inputs: chunk.map((id) => ({ id })), properties: PROPERTIES, propertiesWithHistory: [] })));
  const invoices: Invoice[] = batches.flatMap((b) => b.results).map((o) => {
    const p = o.properties;
    const currency = p.hs_currency ?? 'EUR';
    return {
      externalId: o.id, number: p.hs_number ?? o.id, kind: 'invoice', companyId,
      amount: money(minor(p.hs_amount_billed), currency), open: money(minor(p.hs_balance_due), currency),
      issueDate: day(p.hs_invoice_date), dueDate: day(p.hs_due_date), paymentTermDays: 30,
      status: p.hs_invoice_status === 'paid' ? 'paid' : 'open', directDebit: false, sourceVersion: o.updatedAt.toISOString(),
    };
  });
  return { companyId, invoices, payments: [], mandates: [], failedCollections: [], disputes: [], promises: [], arrangements: [], profile: defaultProfile(companyId), history: [] };
}

export function createHubSpotReadingRouter(deps: {
  client: Client; clientSecret: string; publicBaseUrl: string; calendar: BusinessCalendar; policy: ReminderPolicy;
}): Router {
  const router = Router();
  router.use(...verifyHubSpotSignature({ clientSecret: deps.clientSecret, publicBaseUrl: deps.publicBaseUrl }));
  router.get('/receivables', async (req, res) => {
    const q = ReceivablesQuery.parse(req.query);
    const now = new Date();
    const ledger = await readLedger(deps.client, q.companyId);
    const asOf = dateInZone(now.toISOString(), deps.calendar.timeZone);
    const ladder = ladderFor(ledger, { now, calendar: deps.calendar, policy: deps.policy });
    const vm: ReceivablesVM = buildReceivablesVM({ companyId: q.companyId, ledger, asOf, query: q, ladder });
    res.json(vm);
  });
  return router;
}
