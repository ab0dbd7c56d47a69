import type { DirectDebitFailureInput } from '../../../contracts/direct-debit';
import type { ItemError } from '../../../contracts/ingest';
import { currencyExponent } from '../../../domain/money';
import { AppError } from '../../errors';
import { decimalToMinor } from '../ubl/ubl-amounts';
import { readXmlRecords, textAt, XmlInputError, type XmlElement } from '../xml/xml-records';

/**
 * A SEPA direct-debit status report (ISO 20022 pain.002, `CstmrPmtStsRpt`, any version 001.03 … 001.14): the
 * bank's answer to a pain.008 collection file. Every transaction it rejected (`TxSts` RJCT, or every
 * transaction of a group or batch rejected as a whole) becomes a failure with its reason code; accepted ones
 * are not failures and are skipped. A transaction without an end-to-end id or a reason is reported with its
 * path, the others still go in.
 */
export interface Pain002Result {
  readonly failures: DirectDebitFailureInput[];
  /** The transaction number (0-based, in file order) of each failure. */
  readonly indexes: number[];
  /** Rejected transactions that cannot be recorded, with their path in the file (`index` = transaction number). */
  readonly problems: ItemError[];
  /** Transactions in the report (accepted ones included). */
  readonly transactions: number;
}

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:pain\.002\.001\.\d{2}$/;

export async function parsePain002(source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<Pain002Result> {
  const failures: DirectDebitFailureInput[] = [];
  const indexes: number[] = [];
  const problems: ItemError[] = [];
  let rootChecked = false;
  let transactions = 0;
  const checkRoot = (root: XmlElement | undefined) => {
    if (rootChecked) return;
    rootChecked = true;
    if (root?.name !== 'Document' || !NAMESPACE.test(root.ns)) {
      throw new AppError('not_pain002', `Not a pain.002 status report: the root is <${root?.name ?? '?'}> in namespace "${root?.ns ?? ''}", expected <Document> in urn:iso:std:iso:20022:tech:xsd:pain.002.001.xx.`, 400);
    }
  };
  try {
    for await (const { element: tx, ancestors } of readXmlRecords(source, {
      isRecord: (name, open) => {
        if (open.length === 1) checkRoot(open[0]);
        return name === 'TxInfAndSts';
      },
    })) {
      const index = transactions++;
      const report = ancestors.find((a) => a.name === 'CstmrPmtStsRpt');
      const batch = ancestors.find((a) => a.name === 'OrgnlPmtInfAndSts');
      const group = report?.children.find((c) => c.name === 'OrgnlGrpInfAndSts');
      const status = textAt(tx, 'TxSts') ?? textAt(batch, 'PmtInfSts') ?? textAt(group, 'GrpSts');
      if (status !== 'RJCT') continue;
      const path = `/Document/CstmrPmtStsRpt/OrgnlPmtInfAndSts${batch ? `[${textAt(batch, 'OrgnlPmtInfId') ?? '?'}]` : ''}/TxInfAndSts[${index + 1}]`;
      const endToEndId = textAt(tx, 'OrgnlEndToEndId');
      const reasonCode = reasonOf(tx) ?? reasonOf(batch) ?? reasonOf(group);
      const date = (textAt(report, 'GrpHdr', 'CreDtTm') ?? '').slice(0, 10) || textAt(tx, 'OrgnlTxRef', 'ReqdColltnDt');
      const missing = [!endToEndId && 'OrgnlEndToEndId', !reasonCode && 'StsRsnInf/Rsn/Cd', !date && 'GrpHdr/CreDtTm'].filter(Boolean);
      if (missing.length || !endToEndId || !reasonCode || !date) {
        problems.push({ index, reason: `${path}: a rejected transaction without ${missing.join(', ')} cannot be recorded` });
        continue;
      }
      const amount = amountOf(tx);
      indexes.push(index);
      failures.push({
        externalId: `pain002:${textAt(tx, 'StsId') ?? `${textAt(report, 'GrpHdr', 'MsgId') ?? ''}:${endToEndId}`}`.slice(0, 128),
        endToEndId,
        reasonCode,
        date,
        source: 'pain.002',
        ...(textAt(tx, 'OrgnlTxRef', 'MndtRltdInf', 'MndtId') ? { mandateId: textAt(tx, 'OrgnlTxRef', 'MndtRltdInf', 'MndtId')! } : {}),
        ...amount,
      });
    }
  } catch (error) {
    if (error instanceof XmlInputError) throw new AppError('invalid_xml', `Line ${error.line ?? '?'}: ${error.message}.`, 400);
    throw error;
  }
  if (!rootChecked) throw new AppError('not_pain002', 'Not a pain.002 status report: the file has no <Document> element.', 400);
  return { failures, indexes, problems, transactions };
}

/** The ISO code of a status reason (`Rsn/Cd`); a proprietary reason (`Rsn/Prtry`) counts when it has the same shape. */
function reasonOf(el: XmlElement | undefined): string | undefined {
  const code = textAt(el, 'StsRsnInf', 'Rsn', 'Cd') ?? textAt(el, 'StsRsnInf', 'Rsn', 'Prtry');
  return code && /^[A-Z0-9]{4}$/.test(code) ? code : undefined;
}

function amountOf(tx: XmlElement): { amountMinor?: number; currency?: string } {
  const amt = tx.children.find((c) => c.name === 'OrgnlTxRef')?.children.find((c) => c.name === 'Amt')?.children.find((c) => c.name === 'InstdAmt');
  const currency = amt?.attrs.Ccy;
  if (!amt || !currency || !/^[A-Z]{3}$/.test(currency)) return {};
  const minor = decimalToMinor(amt.text, currencyExponent(currency));
  return minor.ok && minor.value > 0 ? { amountMinor: minor.value, currency } : {};
}
