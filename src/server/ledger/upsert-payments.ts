import type { Redis } from 'ioredis';
import type { Invoice, Payment } from '../../domain/ledger';
import { applyPayment } from './apply-payment';
import { emptyWrite, runAtomicWrite, touchCompany, withRetries } from './atomic-write';
import type { LedgerKeys } from './ledger-keys';
import type { UpsertCounts } from './ledger-store';
import { decodeInvoice, encodeInvoice } from './invoice-codec';
import { canonicalJson } from './source-version';

interface InvoiceSlot { company: string; raw: string; current: Invoice }

/**
 * Upserts payments by externalId and applies them to their invoice in the same atomic write: a new
 * payment reduces the invoice's open amount; a changed payment first reverses its earlier application.
 * So sending the same payment twice changes nothing. A payment whose invoice is not in the ledger is kept
 * unapplied (on account): the source's next invoice version is expected to reflect it.
 */
export async function upsertPayments(redis: Redis, keys: LedgerKeys, input: readonly Payment[]): Promise<UpsertCounts> {
  const payments = [...new Map(input.map((p) => [p.externalId, p])).values()];
  if (payments.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const ids = payments.map((p) => p.externalId);
  return withRetries(async () => {
    const oldCompanies = (await redis.hmget(keys.paymentIndex, ...ids)) as (string | null)[];
    const oldRaw = await readFields(redis, payments.map((p, i) => {
      const company = oldCompanies[i];
      return company ? { key: keys.company(company, 'pay'), field: p.externalId } : undefined;
    }));
    const olds = oldRaw.map((raw) => (raw ? (JSON.parse(raw) as Payment) : undefined));
    const invoices = await readInvoices(redis, keys, [...payments, ...olds.filter((p) => p !== undefined)]);

    const write = emptyWrite();
    const counts = { created: 0, updated: 0, unchanged: 0 };
    payments.forEach((payment, i) => {
      const old = olds[i];
      write.checks.push({ key: keys.paymentIndex, field: payment.externalId, expected: oldCompanies[i] ?? null });
      if (old && canonicalJson(old) === canonicalJson(payment)) { counts.unchanged++; return; }
      if (old) counts.updated++;
      else counts.created++;
      const oldCompany = oldCompanies[i];
      if (old && oldCompany) {
        write.checks.push({ key: keys.company(oldCompany, 'pay'), field: payment.externalId, expected: oldRaw[i] ?? null });
        apply(invoices, old, -1);
        if (oldCompany !== payment.companyId) {
          write.hdel.push({ key: keys.company(oldCompany, 'pay'), field: payment.externalId });
          touchCompany(write, keys, oldCompany);
          write.prune.push({ key: keys.companies, member: oldCompany, ifEmpty: [keys.company(oldCompany, 'inv'), keys.company(oldCompany, 'pay')] });
        }
      }
      apply(invoices, payment, 1);
      write.hset.push(
        { key: keys.company(payment.companyId, 'pay'), field: payment.externalId, value: JSON.stringify(payment) },
        { key: keys.paymentIndex, field: payment.externalId, value: payment.companyId },
      );
      write.zadd.push({ key: keys.companies, member: payment.companyId });
      touchCompany(write, keys, payment.companyId);
    });
    for (const [externalId, slot] of invoices) {
      const next = encodeInvoice(slot.current);
      if (next === slot.raw) continue;
      const key = keys.company(slot.company, 'inv');
      write.checks.push({ key, field: externalId, expected: slot.raw });
      write.hset.push({ key, field: externalId, value: next });
      touchCompany(write, keys, slot.company);
    }
    return (await runAtomicWrite(redis, write)) ? counts : undefined;
  }, 'upsertPayments');
}

function apply(invoices: Map<string, InvoiceSlot>, payment: Payment, sign: 1 | -1): void {
  const slot = payment.invoiceExternalId ? invoices.get(payment.invoiceExternalId) : undefined;
  if (!slot) return;
  slot.current = applyPayment(slot.current, { ...payment.amount, minor: sign * payment.amount.minor }, payment.date);
}

async function readFields(redis: Redis, fields: ({ key: string; field: string } | undefined)[]): Promise<(string | null)[]> {
  const wanted = fields.filter((f) => f !== undefined);
  if (wanted.length === 0) return fields.map(() => null);
  const pipeline = redis.pipeline();
  for (const f of wanted) pipeline.hget(f.key, f.field);
  const results = (await pipeline.exec()) ?? [];
  let next = 0;
  return fields.map((f) => (f ? ((results[next++]?.[1] as string | null) ?? null) : null));
}

/** The invoices the payments refer to, as stored now (by externalId). */
async function readInvoices(redis: Redis, keys: LedgerKeys, payments: readonly Payment[]): Promise<Map<string, InvoiceSlot>> {
  const invoiceIds = [...new Set(payments.map((p) => p.invoiceExternalId).filter((id): id is string => !!id))];
  const slots = new Map<string, InvoiceSlot>();
  if (invoiceIds.length === 0) return slots;
  const companies = (await redis.hmget(keys.invoiceIndex, ...invoiceIds)) as (string | null)[];
  const raws = await readFields(redis, invoiceIds.map((id, i) => {
    const company = companies[i];
    return company ? { key: keys.company(company, 'inv'), field: id } : undefined;
  }));
  invoiceIds.forEach((id, i) => {
    const raw = raws[i];
    const company = companies[i];
    if (raw && company) slots.set(id, { company, raw, current: decodeInvoice(raw) });
  });
  return slots;
}
