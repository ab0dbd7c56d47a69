import type { BankImportReport, StatementCheck, UnappliedPayment } from '../../../contracts/bank';
import type { DirectDebitFailureInput } from '../../../contracts/direct-debit';
import { applyCredit, indexOpenItems, settle, type OpenItem } from '../../../domain/cash-application/apply-credit';
import { paidOnlineMatch, type BankedCredit } from '../../../domain/cash-application/paid-online';
import type { CompanyId, CustomerLedger, Payment } from '../../../domain/ledger';
import { AppError } from '../../errors';
import type { RedisLedgerStore } from '../../ledger/redis-ledger-store';
import type { BankCreditStore } from '../../payments/bank-credit-store';
import type { PaidOnlineStore } from '../../payments/paid-online-store';
import type { DirectDebitFailureService } from '../direct-debit/failure-service';
import { createReportBuilder } from '../ingest-report';
import { readXmlRecords, XmlInputError, type XmlElement } from '../xml/xml-records';
import type { BankStore } from './bank-store';
import { entryTransactions, isCamtEntry, statementOf, type BankStatement, type BankTransaction } from './camt-entries';

export interface BankFile { readonly name?: string; readonly content: AsyncIterable<Buffer | string> }

export interface BankImportDeps {
  readonly ledger: Pick<RedisLedgerStore, 'listCompanyIds' | 'getCustomerLedger' | 'getCustomerLedgers' | 'upsertPayments'>;
  readonly bank: BankStore;
  readonly failures: Pick<DirectDebitFailureService, 'recordFailures'>;
  /** Provider payments already in the ledger: their later bank credit is recognised, not applied again. */
  readonly paidOnline?: Pick<PaidOnlineStore, 'recent' | 'markBanked'>;
  /** The credits not recognised as a provider payment: a webhook that comes later finds its money here. */
  readonly bankCredits?: Pick<BankCreditStore, 'record'>;
  readonly now?: () => Date;
}

const CHUNK = 500;

/**
 * Cash application from bank statements: reads camt.053 / camt.054 entry by entry (streamed), applies each
 * booked credit with the domain's `applyCredit`, hands returned direct debits to the failure records, and
 * checks each statement's balances. Every decision is remembered before its payments are written, so importing
 * the same statement again — or the camt.054 of the day and then its camt.053 — repeats it and changes nothing.
 */
export function createBankImporter(deps: BankImportDeps) {
  const now = deps.now ?? (() => new Date());

  async function openItems(portalId: string): Promise<OpenItem[]> {
    const ids = await deps.ledger.listCompanyIds(portalId);
    const items: OpenItem[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const ledgers: (CustomerLedger | undefined)[] = deps.ledger.getCustomerLedgers
        ? await deps.ledger.getCustomerLedgers(portalId, chunk)
        : await Promise.all(chunk.map((id) => deps.ledger.getCustomerLedger(portalId, id)));
      for (const l of ledgers) for (const inv of l?.invoices ?? []) {
        if (inv.kind !== 'invoice' || inv.open.minor <= 0 || inv.status === 'credited' || inv.status === 'written_off') continue;
        items.push({ externalId: inv.externalId, companyId: inv.companyId, number: inv.number, open: inv.open, dueDate: inv.dueDate, ...(inv.paymentReference ? { paymentReference: inv.paymentReference } : {}) });
      }
    }
    return items;
  }

  return {
    async importBank(files: AsyncIterable<BankFile>, options: { portalId: string }): Promise<BankImportReport> {
      const { portalId } = options;
      const report = createReportBuilder();
      const statements: StatementCheck[] = [];
      const txs: BankTransaction[] = [];
      for await (const file of files) await readFile(file, txs, statements, report);

      // A credit with return information is an outgoing payment coming back, not a customer paying.
      const credits = txs.filter((t) => t.booked && t.direction === 'credit' && !t.reversal && !t.returnReason);
      const returns = txs.filter((t) => t.booked && t.direction === 'debit' && t.returnReason && t.endToEndId);
      const ignored = txs.length - credits.length - returns.length;
      report.received(txs.length);

      const applied = { reference: 0, invoice_number: 0, amount_and_payer: 0 };
      // Deciding and writing is one portal's at a time: two statements posted at once see each other's payments.
      const { fresh, banked, unapplied } = await deps.bank.exclusive(portalId, async () => {
        const seen: (Payment[] | undefined)[] = [];
        for (let i = 0; i < credits.length; i += 1000) seen.push(...(await deps.bank.seen(portalId, credits.slice(i, i + 1000).map((c) => c.key))));
        const fresh = credits.filter((_, i) => seen[i] === undefined);
        const payments: Payment[] = seen.flatMap((p) => p ?? []);
        const decisions = new Map<string, Payment[]>();
        const unapplied: UnappliedPayment[] = [];
        const learned: { iban?: string; name?: string; companyId: CompanyId }[] = [];
        const banked: { providerPaymentId: string; creditKey: string }[] = [];
        const imported: BankedCredit[] = [];
        if (fresh.length) {
          const online = [...(await deps.paidOnline?.recent(portalId) ?? [])];
          const index = indexOpenItems(await openItems(portalId));
          const known = await deps.bank.payers(portalId, [...new Set(fresh.flatMap((c) => c.counterpartyIban ?? []))], [...new Set(fresh.flatMap((c) => c.counterpartyName ?? []))]);
          const payers = { companyByIban: (iban: string) => known.byIban.get(iban), companyByName: (name: string) => known.byName.get(name) };
          for (const credit of fresh) {
            const same = paidOnlineMatch(credit, online);
            if (same) {
              // The money is in the ledger already (the provider's webhook): remembered as seen, with no payments.
              banked.push({ providerPaymentId: same.providerPaymentId, creditKey: credit.key });
              const i = online.findIndex((p) => p.providerPaymentId === same.providerPaymentId);
              online[i] = { ...online[i]!, bankedBy: credit.key };
              decisions.set(credit.key, []);
              continue;
            }
            const decision = applyCredit(credit, index, payers);
            const own: Payment[] = [];
            if (decision.kind === 'applied') {
              settle(index, decision.allocations);
              applied[decision.by]++;
              decision.allocations.forEach((a, n) => own.push({ externalId: `bank:${credit.key}:${n}`, companyId: a.companyId, invoiceExternalId: a.invoiceExternalId, amount: a.amount, date: credit.bookingDate, method: 'bank_transfer' }));
              learned.push({ ...(credit.counterpartyIban ? { iban: credit.counterpartyIban } : {}), ...(credit.counterpartyName ? { name: credit.counterpartyName } : {}), companyId: decision.companyId });
              if (decision.remainder.minor > 0) unapplied.push(waiting(credit, `${credit.key}-rest`, decision.remainder.minor, 'overpayment', decision.companyId));
            } else {
              unapplied.push(waiting(credit, credit.key, credit.amount.minor, decision.reason, decision.companyId));
            }
            decisions.set(credit.key, own);
            payments.push(...own);
            imported.push({ key: credit.key, amount: credit.amount, remittance: credit.remittance, applied: decision.kind === 'applied', ...(credit.reference ? { reference: credit.reference } : {}) });
          }
        }
        // Order: the provider payments' claims, the decisions and the waiting list first, then the payments; a retry
        // after a crash repeats them (a claimed provider payment still matches the credit that claimed it).
        await deps.paidOnline?.markBanked(portalId, banked);
        await deps.bankCredits?.record(portalId, imported);
        await deps.bank.remember(portalId, decisions);
        await deps.bank.addUnapplied(portalId, unapplied, now().getTime());
        for (let i = 0; i < payments.length; i += CHUNK) await deps.ledger.upsertPayments(portalId, payments.slice(i, i + CHUNK));
        await deps.bank.learnPayers(portalId, learned);
        return { fresh, banked, unapplied };
      });
      report.add({ created: fresh.length - banked.length - unapplied.filter((u) => u.reason !== 'overpayment').length, updated: 0, unchanged: credits.length - fresh.length, unmatched: unapplied.length });

      const failed = returns.length ? await deps.failures.recordFailures(portalId, returns.map(toFailure)) : undefined;
      for (const e of failed?.errors ?? []) report.reject({ ...(e.externalId ? { externalId: e.externalId } : {}), reason: `direct-debit return: ${e.reason}` });
      return {
        ...report.build(),
        applied,
        directDebitReturns: (failed?.created ?? 0) + (failed?.unchanged ?? 0),
        paidOnline: banked.length,
        ignored,
        statements,
      };
    },
  };
}

function waiting(credit: BankTransaction, id: string, amountMinor: number, reason: UnappliedPayment['reason'], companyId?: CompanyId): UnappliedPayment {
  return {
    id, amountMinor, currency: credit.amount.currency, date: credit.bookingDate, remittance: credit.remittance, reason,
    ...(credit.counterpartyName ? { counterpartyName: credit.counterpartyName.slice(0, 140) } : {}),
    ...(credit.counterpartyIban ? { counterpartyIban: credit.counterpartyIban } : {}),
    ...(credit.reference ? { reference: credit.reference } : {}),
    ...(companyId ? { companyId } : {}),
  };
}

function toFailure(t: BankTransaction): DirectDebitFailureInput {
  return {
    externalId: `camt-${t.key}`, endToEndId: t.endToEndId!.slice(0, 35), reasonCode: t.returnReason!,
    amountMinor: Math.abs(t.amount.minor), currency: t.amount.currency, date: t.bookingDate, source: 'camt.053',
  };
}

/** Reads one file's entries into `txs`; a file that is not camt is refused whole, a broken entry by its number. */
async function readFile(file: BankFile, txs: BankTransaction[], statements: StatementCheck[], report: ReturnType<typeof createReportBuilder>): Promise<void> {
  let current: { el: XmlElement; statement: BankStatement; check: StatementCheck; sum: number } | undefined;
  const close = () => {
    if (!current) return;
    const { statement, check, sum } = current;
    if (statement.opening && statement.closing && statement.opening.currency === statement.closing.currency) {
      const difference = statement.opening.minor + sum - statement.closing.minor;
      Object.assign(check, { reconciled: difference === 0, differenceMinor: difference, currency: statement.closing.currency });
    }
    statements.push(check);
  };
  let ordinal = 0;
  try {
    for await (const record of readXmlRecords(file.content, { isRecord: isCamtEntry })) {
      const stmtEl = record.ancestors.at(-1)!;
      if (current?.el !== stmtEl) {
        close();
        const statement = statementOf(record);
        if (!statement.ok) throw new AppError('not_camt', `${file.name ?? 'the file'}: ${statement.error}`, 422);
        current = { el: stmtEl, statement: statement.value, sum: 0, check: { id: statement.value.id, message: statement.value.message, version: statement.value.version, account: statement.value.account, entries: 0 } };
      }
      ordinal++;
      current.check.entries++;
      const entry = entryTransactions(record.element, current.statement, ordinal);
      if (!entry.ok) {
        report.received(1);
        report.reject({ index: ordinal - 1, ...(file.name ? { file: file.name } : {}), reason: `entry ${ordinal}: ${entry.error}` });
        continue;
      }
      const first = entry.value[0];
      // Balances count booked entries only, each once (a batch entry's amount covers all its transactions).
      if (first && first.booked && first.entryAmount.currency === current.statement.closing?.currency) {
        current.sum += first.direction === 'debit' ? -first.entryAmount.minor : first.entryAmount.minor;
      }
      txs.push(...entry.value);
    }
    close();
  } catch (error) {
    if (error instanceof XmlInputError) throw new AppError('invalid_xml', `${file.name ?? 'the file'} is not well-formed XML${error.line ? ` (line ${error.line})` : ''}: ${error.message}`, 400);
    throw error;
  }
}
