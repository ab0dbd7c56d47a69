/**
 * camt.053 statements and camt.054 notifications written for the tests, following ISO 20022 (versions 02, 04
 * and 08 differ where the fixture differs: `Sts` as text before 08 and `Sts/Cd` from 08 on; `Dbtr/Nm` before
 * 08 and `Dbtr/Pty/Nm` from 08 on). Amounts are minor units here and written as decimals.
 */
export interface CamtEntry {
  readonly amount: number;
  readonly debit?: boolean;
  readonly reference?: string;
  readonly text?: string;
  readonly name?: string;
  readonly iban?: string;
  readonly acctSvcrRef?: string;
  readonly date?: string;
  readonly status?: 'BOOK' | 'PDNG';
  readonly endToEndId?: string;
  readonly returnReason?: string;
  /** Batch booking: the transactions of one entry (the entry's amount is their sum). */
  readonly batch?: readonly Omit<CamtEntry, 'batch'>[];
}

export interface CamtOptions {
  readonly message?: '053' | '054';
  readonly version?: '02' | '04' | '08';
  readonly id?: string;
  readonly account?: string;
  readonly opening?: number;
  /** Defaults to opening + entries (a statement that reconciles). */
  readonly closing?: number;
  readonly entries: readonly CamtEntry[];
}

const dec = (minor: number) => `${Math.trunc(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;

function tx(e: Omit<CamtEntry, 'batch'>, v: string): string {
  const party = e.debit ? 'Cdtr' : 'Dbtr';
  const name = e.name ? (v === '08' ? `<${party}><Pty><Nm>${e.name}</Nm></Pty></${party}>` : `<${party}><Nm>${e.name}</Nm></${party}>`) : '';
  const acct = e.iban ? `<${party}Acct><Id><IBAN>${e.iban}</IBAN></Id></${party}Acct>` : '';
  const rmt = e.reference || e.text ? `<RmtInf>${e.text ? `<Ustrd>${e.text}</Ustrd>` : ''}${e.reference ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>${e.reference}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>` : '';
  const rtr = e.returnReason ? `<RtrInf><Rsn><Cd>${e.returnReason}</Cd></Rsn></RtrInf>` : '';
  return `<TxDtls><Refs>${e.acctSvcrRef ? `<AcctSvcrRef>${e.acctSvcrRef}-tx</AcctSvcrRef>` : ''}<EndToEndId>${e.endToEndId ?? 'NOTPROVIDED'}</EndToEndId></Refs>`
    + `<AmtDtls><TxAmt><Amt Ccy="EUR">${dec(e.amount)}</Amt></TxAmt></AmtDtls>`
    + `<RltdPties>${name}${acct}</RltdPties>${rmt}${rtr}</TxDtls>`;
}

function entry(e: CamtEntry, v: string): string {
  const amount = e.batch ? e.batch.reduce((s, b) => s + b.amount, 0) : e.amount;
  const sts = v === '08' ? `<Sts><Cd>${e.status ?? 'BOOK'}</Cd></Sts>` : `<Sts>${e.status ?? 'BOOK'}</Sts>`;
  const fam = e.returnReason ? '<Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn>' : `<Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>`;
  return `<Ntry><Amt Ccy="EUR">${dec(amount)}</Amt><CdtDbtInd>${e.debit ? 'DBIT' : 'CRDT'}</CdtDbtInd>${sts}`
    + `<BookgDt><Dt>${e.date ?? '2027-04-06'}</Dt></BookgDt><ValDt><Dt>${e.date ?? '2027-04-06'}</Dt></ValDt>`
    + `${e.acctSvcrRef ? `<AcctSvcrRef>${e.acctSvcrRef}</AcctSvcrRef>` : ''}<BkTxCd>${fam}</BkTxCd>`
    + `<NtryDtls>${(e.batch ?? [e]).map((t) => tx(t, v)).join('')}</NtryDtls></Ntry>`;
}

export function camtDocument(o: CamtOptions): string {
  const v = o.version ?? '02';
  const message = o.message ?? '053';
  const signed = (e: CamtEntry) => (e.debit ? -1 : 1) * (e.batch ? e.batch.reduce((s, b) => s + b.amount, 0) : e.amount);
  const opening = o.opening ?? 100_000;
  const closing = o.closing ?? opening + o.entries.filter((e) => (e.status ?? 'BOOK') === 'BOOK').reduce((s, e) => s + signed(e), 0);
  const bal = (code: string, minor: number) => `<Bal><Tp><CdOrPrtry><Cd>${code}</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${dec(minor)}</Amt><CdtDbtInd>${minor < 0 ? 'DBIT' : 'CRDT'}</CdtDbtInd><Dt><Dt>2027-04-06</Dt></Dt></Bal>`;
  const [wrapper, item] = message === '053' ? ['BkToCstmrStmt', 'Stmt'] : ['BkToCstmrDbtCdtNtfctn', 'Ntfctn'];
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.${message}.001.${v}">
<${wrapper}><GrpHdr><MsgId>MSG-${o.id ?? 'S1'}</MsgId><CreDtTm>2027-04-06T18:00:00</CreDtTm></GrpHdr>
<${item}><Id>${o.id ?? 'S1'}</Id><CreDtTm>2027-04-06T18:00:00</CreDtTm>
<Acct><Id><IBAN>${o.account ?? 'NL91ABNA0417164300'}</IBAN></Id><Ccy>EUR</Ccy></Acct>
${message === '053' ? bal('OPBD', opening) + bal('CLBD', closing) : ''}
${o.entries.map((e) => entry(e, v)).join('\n')}
</${item}></${wrapper}></Document>
`;
}
