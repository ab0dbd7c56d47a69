import { InvoiceInput } from '../../../contracts/ingest';
import { addDays, isIsoDate } from '../../../domain/dates';
import { currencyExponent } from '../../../domain/money';
import { err, ok, type Result } from '../../../domain/result';
import { describeIssues } from '../ingest-report';
import { at, child, textAt, type XmlElement } from '../xml/xml-records';
import { decimalToMinor } from './ubl-amounts';
import { buyerKeys } from './ubl-parties';

const UBL_NS = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
} as const;

/** Commercial invoice, prepayment invoice, self-billed… what a receivable is: 380, 384 (corrected), 389 (self-billed), 381 (credit note). */
const TYPE_CODES = { Invoice: ['380', '384', '389'], CreditNote: ['381'] } as const;

/** Why a document was refused: the EN 16931 / Peppol rule it breaks (or ours, `RD-…`) and where. */
export interface UblRefusal {
  readonly rule: string;
  readonly xpath: string;
  readonly message: string;
  readonly number?: string;
}

const refuse = (rule: string, xpath: string, message: string, number?: string): Result<never, UblRefusal> =>
  err({ rule, xpath, message, ...(number ? { number } : {}) });

/**
 * One UBL 2.1 Invoice or CreditNote (Peppol BIS Billing 3.0, EN 16931, NLCIUS) as an ingest invoice. The
 * amount owed is `LegalMonetaryTotal/PayableAmount` exactly as stated (never recomputed from lines or VAT);
 * a `PrepaidAmount` was paid already, so the document's amount is payable + prepaid and only the payable part is
 * open. A negative payable amount turns an invoice into a credit (and a credit note into a debit), as EN 16931
 * allows. Due date: `DueDate` (BT-9) or `PaymentMeans/PaymentDueDate` (a CreditNote's place for it), else the
 * days the payment terms (BT-20) name, else the statutory term. Currency: `DocumentCurrencyCode` (BT-5); a
 * plain UBL 2.1 document without one (the OASIS "trivial" example) uses its PayableAmount's `currencyID`.
 */
export function ublToInvoice(root: XmlElement): Result<InvoiceInput, UblRefusal> {
  const kind = root.name === 'Invoice' || root.name === 'CreditNote' ? root.name : undefined;
  if (!kind || root.ns !== UBL_NS[kind]) {
    return refuse('RD-UBL-ROOT', `/${root.name}`, `not a UBL 2.1 Invoice or CreditNote (root element ${root.name} in namespace ${root.ns || 'none'})`);
  }
  const x = (path: string) => `/${kind}/${path}`;
  const number = textAt(root, 'ID');
  if (!number) return refuse('BR-02', x('cbc:ID'), 'the invoice number is missing');
  if (number.length > 64) return refuse('RD-NUMBER', x('cbc:ID'), 'the invoice number is longer than 64 characters', number.slice(0, 64));
  const no = number;

  const typeCode = textAt(root, `${kind}TypeCode`);
  if (typeCode && !(TYPE_CODES[kind] as readonly string[]).includes(typeCode)) {
    return refuse('RD-TYPE', x(`cbc:${kind}TypeCode`), `type code ${typeCode} is not a receivable (${kind}: ${TYPE_CODES[kind].join(', ')})`, no);
  }
  const issueDate = textAt(root, 'IssueDate');
  if (!issueDate || !isIsoDate(issueDate)) return refuse('BR-03', x('cbc:IssueDate'), issueDate ? `issue date "${issueDate}" is not a date` : 'the issue date is missing', no);

  const currency = textAt(root, 'DocumentCurrencyCode') ?? at(root, 'LegalMonetaryTotal', 'PayableAmount')?.attrs.currencyID;
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return refuse('BR-05', x('cbc:DocumentCurrencyCode'), 'the document currency is missing or not an ISO 4217 code', no);

  const buyer = at(root, 'AccountingCustomerParty', 'Party');
  if (!buyer) return refuse('BR-07', x('cac:AccountingCustomerParty'), 'the buyer is missing', no);
  const customer = buyerKeys(buyer);
  if (Object.keys(customer).length === 0) {
    return refuse('BR-07', x('cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'), 'the buyer has no name or identifier to match', no);
  }

  const totals = child(root, 'LegalMonetaryTotal');
  const digits = currencyExponent(currency);
  const amount = (name: string): Result<number | undefined, UblRefusal> => {
    const el = child(totals, name);
    if (!el) return ok(undefined);
    if (el.attrs.currencyID && el.attrs.currencyID !== currency) {
      return refuse('BR-CL-03', x(`cac:LegalMonetaryTotal/cbc:${name}/@currencyID`), `${name} is in ${el.attrs.currencyID}, the document in ${currency}: currencies are never mixed`, no);
    }
    const minor = decimalToMinor(el.text, digits);
    return minor.ok ? minor : refuse('BR-15', x(`cac:LegalMonetaryTotal/cbc:${name}`), `${name}: ${minor.error}`, no);
  };
  const payable = amount('PayableAmount');
  if (!payable.ok) return payable;
  if (payable.value === undefined) return refuse('BR-15', x('cac:LegalMonetaryTotal/cbc:PayableAmount'), 'the amount due for payment is missing', no);
  const prepaid = amount('PrepaidAmount');
  if (!prepaid.ok) return prepaid;
  const prepaidMinor = prepaid.value ?? 0;

  const due = dueDateOf(root, issueDate);
  if (!due.ok) return refuse('BR-CO-25', x(due.error.path), due.error.message, no);

  const credit = (kind === 'CreditNote') !== (payable.value < 0);
  const open = Math.abs(payable.value);
  const candidate = {
    externalId: `ubl:${credit ? 'credit_note' : 'invoice'}:${no}`,
    number: no,
    kind: credit ? 'credit_note' : 'invoice',
    customer,
    currency,
    amountMinor: open + Math.abs(prepaidMinor),
    openMinor: open,
    issueDate,
    dueDate: due.value < issueDate ? issueDate : due.value,
    directDebit: textAt(root, 'PaymentMeans', 'PaymentMeansCode') === '59',
    ...paymentMeansOf(root),
  };
  const parsed = InvoiceInput.safeParse(candidate);
  return parsed.success ? ok(parsed.data) : refuse('RD-CONTRACT', `/${kind}`, describeIssues(parsed.error), no);
}

/**
 * BT-83 remittance information (`PaymentID`, the betalingskenmerk or RF the buyer is to quote) and BT-84 the
 * payee's account, when they fit the contract (an IBAN, 35 characters); anything else is left out, not refused:
 * the invoice is still owed.
 */
function paymentMeansOf(root: XmlElement): { paymentReference?: string; payeeIban?: string } {
  const reference = textAt(root, 'PaymentMeans', 'PaymentID')?.replace(/\s+/g, '');
  const iban = textAt(root, 'PaymentMeans', 'PayeeFinancialAccount', 'ID')?.replace(/\s+/g, '').toUpperCase();
  return {
    ...(reference && reference.length <= 35 ? { paymentReference: reference } : {}),
    ...(iban && /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban) ? { payeeIban: iban } : {}),
  };
}

/**
 * Where no due date is stated and the terms name no days ("according to agreed terms"), the Dutch statutory
 * term applies: payment is due 30 days after the invoice (art. 6:119a lid 2 BW, the same 30 days of the EU Late
 * Payment Directive 2011/7/EU). The invoice still goes in — refusing a valid Peppol document would lose it.
 */
export const STATUTORY_TERM_DAYS = 30;

function dueDateOf(root: XmlElement, issueDate: string): Result<string, { path: string; message: string }> {
  for (const [stated, path] of [
    [textAt(root, 'DueDate'), 'cbc:DueDate'],
    [textAt(root, 'PaymentMeans', 'PaymentDueDate'), 'cac:PaymentMeans/cbc:PaymentDueDate'],
  ] as const) {
    if (stated) return isIsoDate(stated) ? ok(stated) : err({ path, message: `due date "${stated}" is not a date` });
  }
  const terms = textAt(root, 'PaymentTerms', 'Note');
  return ok(addDays(issueDate, (terms ? termDays(terms) : undefined) ?? STATUTORY_TERM_DAYS));
}

/** "Payment within 30 days", "30 dagen netto", "Net 14", "betaling binnen 8 dagen" → the number of days. */
function termDays(terms: string): number | undefined {
  const m = /\b(\d{1,3})\s*(?:days?|dagen|dag|jours|tage|d)\b/i.exec(terms) ?? /\bnet(?:to)?\s*(\d{1,3})\b/i.exec(terms);
  return m ? Number(m[1]) : undefined;
}
