import { createHash } from 'node:crypto';
import { isIsoDate } from '../../../domain/dates';
import { currencyExponent, money, type Money } from '../../../domain/money';
import { err, ok, type Result } from '../../../domain/result';
import { decimalToMinor } from '../ubl/ubl-amounts';
import { at, child, childrenNamed, textAt, type XmlElement, type XmlRecord } from '../xml/xml-records';

/** The statement (camt.053 `Stmt`) or notification (camt.054 `Ntfctn`) an entry belongs to, with its booked balances. */
export interface BankStatement {
  readonly id: string;
  readonly message: 'camt.053' | 'camt.054';
  /** The ISO 20022 version, e.g. `001.08`. */
  readonly version: string;
  readonly account: string;
  /** Opening and closing booked balance (OPBD / CLBD; PRCD stands in for a missing opening), signed. */
  readonly opening?: Money;
  readonly closing?: Money;
}

/** One transaction of an entry: a batch-booked entry holds several, each with its own amount and remittance. */
export interface BankTransaction {
  /** Stable across re-imports and across camt.054 → camt.053 of the same booking (the bank's references first). */
  readonly key: string;
  readonly amount: Money;
  readonly direction: 'credit' | 'debit';
  readonly reversal: boolean;
  readonly booked: boolean;
  readonly bookingDate: string;
  /** Structured creditor reference (`CdtrRefInf/Ref`: betalingskenmerk, RF). */
  readonly reference?: string;
  /** Unstructured remittance lines, joined. */
  readonly remittance: string;
  readonly counterpartyName?: string;
  readonly counterpartyIban?: string;
  readonly endToEndId?: string;
  /** The ISO reason code of a returned or rejected direct debit (`RtrInf/Rsn/Cd`: AM04, MD06…). */
  readonly returnReason?: string;
  /** The entry's amount as booked (batch entries: the whole batch; positive, `direction` says which way), for balance checks. */
  readonly entryAmount: Money;
}

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:(camt\.05[34])\.(\d{3}\.\d{2})$/;

/** camt.053 statements and camt.054 notifications hand their entries out one by one. */
export const isCamtEntry = (name: string, ancestors: readonly XmlElement[]): boolean =>
  name === 'Ntry' && ['Stmt', 'Ntfctn'].includes(ancestors.at(-1)?.name ?? '');

/** The statement around an entry, or why the file is not a camt.053 / camt.054 this reader knows. */
export function statementOf(record: XmlRecord): Result<BankStatement, string> {
  const root = record.ancestors[0];
  const m = root ? NAMESPACE.exec(root.ns) : null;
  if (!root || root.name !== 'Document' || !m) return err(`not an ISO 20022 camt.053 or camt.054 document (namespace ${root?.ns || 'none'})`);
  const stmt = record.ancestors.at(-1)!;
  const account = textAt(stmt, 'Acct', 'Id', 'IBAN') ?? textAt(stmt, 'Acct', 'Id', 'Othr', 'Id') ?? '';
  const balance = (...codes: string[]) => {
    for (const code of codes) {
      const bal = childrenNamed(stmt, 'Bal').find((b) => textAt(b, 'Tp', 'CdOrPrtry', 'Cd') === code);
      const amount = bal ? signedAmount(child(bal, 'Amt'), textAt(bal, 'CdtDbtInd')) : undefined;
      if (amount?.ok) return amount.value;
    }
    return undefined;
  };
  const opening = balance('OPBD', 'PRCD');
  const closing = balance('CLBD');
  return ok({
    id: textAt(stmt, 'Id') ?? '', message: m[1] as 'camt.053' | 'camt.054', version: m[2]!, account,
    ...(opening ? { opening } : {}), ...(closing ? { closing } : {}),
  });
}

/**
 * The transactions of one `Ntry` (versions 02, 04 and 08 alike: where they differ — `Sts` as text or `Sts/Cd`,
 * `Dbtr/Nm` or `Dbtr/Pty/Nm`, `TxDtls/Amt` or `TxDtls/AmtDtls/TxAmt/Amt` — both are read). An entry without
 * transaction details is one transaction; a batch is one per transaction when each states its amount.
 */
export function entryTransactions(entry: XmlElement, statement: BankStatement, ordinal: number): Result<BankTransaction[], string> {
  const amount = signedAmount(child(entry, 'Amt'), 'CRDT');
  if (!amount.ok) return err(`Ntry/Amt: ${amount.error}`);
  const indicator = textAt(entry, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') return err('Ntry/CdtDbtInd must be CRDT or DBIT');
  const bookingDate = (textAt(entry, 'BookgDt', 'Dt') ?? textAt(entry, 'BookgDt', 'DtTm')?.slice(0, 10) ?? textAt(entry, 'ValDt', 'Dt') ?? '');
  if (!isIsoDate(bookingDate)) return err('Ntry/BookgDt: no booking date');
  const status = textAt(entry, 'Sts', 'Cd') ?? textAt(entry, 'Sts');
  const details = childrenNamed(child(entry, 'NtryDtls'), 'TxDtls');
  const own = details.map((tx) => {
    const a = signedAmount(child(tx, 'Amt') ?? at(tx, 'AmtDtls', 'TxAmt', 'Amt'), 'CRDT');
    return a.ok && a.value.minor > 0 && a.value.currency === amount.value.currency ? a.value : undefined;
  });
  // A batch whose transactions do not all state their amount is read as one credit of the entry's amount,
  // with every transaction's remittance: nothing is split on a guess, and no money goes missing.
  const split = details.length > 1 && own.every((a) => a !== undefined);
  const parts = split ? details.map((tx, i) => ({ txs: [tx], amount: own[i]! })) : [{ txs: details, amount: amount.value }];
  const entryRef = textAt(entry, 'AcctSvcrRef') ?? textAt(entry, 'NtryRef');
  const credit = indicator === 'CRDT';
  const counterparty = credit ? 'Dbtr' : 'Cdtr';
  const first = <T>(txs: readonly XmlElement[], read: (tx: XmlElement) => T | undefined): T | undefined => {
    for (const tx of txs) { const v = read(tx); if (v !== undefined) return v; }
    return undefined;
  };
  const out: BankTransaction[] = [];
  for (const [i, part] of parts.entries()) {
    const name = first(part.txs, (tx) => textAt(tx, 'RltdPties', counterparty, 'Nm') ?? textAt(tx, 'RltdPties', counterparty, 'Pty', 'Nm'));
    const iban = first(part.txs, (tx) => textAt(tx, 'RltdPties', `${counterparty}Acct`, 'Id', 'IBAN'));
    const remittance = part.txs.flatMap((tx) => childrenNamed(at(tx, 'RmtInf'), 'Ustrd').map((u) => u.text)).join(' ').slice(0, 1000);
    const reference = first(part.txs, (tx) => childrenNamed(at(tx, 'RmtInf'), 'Strd').map((st) => textAt(st, 'CdtrRefInf', 'Ref')).find((r) => r));
    const endToEndId = first(part.txs, (tx) => { const e = textAt(tx, 'Refs', 'EndToEndId'); return e && e !== 'NOTPROVIDED' ? e : undefined; });
    const txRef = split ? textAt(part.txs[0], 'Refs', 'AcctSvcrRef') : undefined;
    const returnReason = first(part.txs, (tx) => textAt(tx, 'RtrInf', 'Rsn', 'Cd'));
    const identity = txRef ? `tx:${txRef}` : entryRef ? `entry:${entryRef}:${i}` : `stmt:${statement.id}:${ordinal}:${i}`;
    out.push({
      key: createHash('sha256').update(`${statement.account}|${identity}`).digest('hex').slice(0, 24),
      amount: part.amount, direction: credit ? 'credit' : 'debit',
      reversal: textAt(entry, 'RvslInd') === 'true', booked: status === undefined || status === 'BOOK', bookingDate,
      ...(reference ? { reference } : {}), remittance,
      ...(name ? { counterpartyName: name } : {}), ...(iban ? { counterpartyIban: iban.replace(/\s+/g, '').toUpperCase() } : {}),
      ...(endToEndId ? { endToEndId } : {}),
      ...(returnReason ? { returnReason } : {}),
      entryAmount: amount.value,
    });
  }
  return ok(out);
}

/** `<Amt Ccy="EUR">12.50</Amt>` with its credit/debit sign (debit negative), in minor units. */
function signedAmount(el: XmlElement | undefined, indicator: string | undefined): Result<Money, string> {
  const currency = el?.attrs.Ccy;
  if (!el || !currency || !/^[A-Z]{3}$/.test(currency)) return err('no amount with a currency');
  // Banks write up to five decimals (seen in the wild: 0.00000); what goes beyond the currency's cents must be zeros.
  const minor = decimalToMinor(el.text, currencyExponent(currency));
  if (!minor.ok) return minor;
  return ok(money(indicator === 'DBIT' ? -minor.value : minor.value, currency));
}
