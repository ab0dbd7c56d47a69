import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePain002 } from '../../../../src/server/ingest/direct-debit/pain002';
import { realworldDir } from '../../../support/realworld';

interface Tx { e2e: string; status: 'RJCT' | 'ACCP' | 'ACSC' | 'PDNG'; code: string; amount: string }

/** A pain.002 as banks write it (namespace version, header, batches of transactions). */
function pain002(batches: readonly { id: string; status?: string; txs: readonly Partial<Tx>[] }[], opts: { version?: string; groupStatus?: string; groupReason?: string } = {}): string {
  const tx = (t: Partial<Tx>, i: number) => `
      <TxInfAndSts>
        <StsId>STS-${i}-${t.e2e ?? 'x'}</StsId>
        ${t.e2e ? `<OrgnlEndToEndId>${t.e2e}</OrgnlEndToEndId>` : ''}
        ${t.status ? `<TxSts>${t.status}</TxSts>` : ''}
        ${t.code ? `<StsRsnInf><Rsn><Cd>${t.code}</Cd></Rsn><AddtlInf>see code</AddtlInf></StsRsnInf>` : ''}
        <OrgnlTxRef>
          ${t.amount ? `<Amt><InstdAmt Ccy="EUR">${t.amount}</InstdAmt></Amt>` : ''}
          <ReqdColltnDt>2027-03-08</ReqdColltnDt>
          <MndtRltdInf><MndtId>MNDT-${t.e2e ?? 'x'}</MndtId><DtOfSgntr>2026-01-01</DtOfSgntr></MndtRltdInf>
        </OrgnlTxRef>
      </TxInfAndSts>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.${opts.version ?? '03'}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>RPT-1</MsgId><CreDtTm>2027-03-09T07:15:00</CreDtTm></GrpHdr>
    <OrgnlGrpInfAndSts><OrgnlMsgId>COLL-1</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId>${opts.groupStatus ? `<GrpSts>${opts.groupStatus}</GrpSts>` : ''}${opts.groupReason ? `<StsRsnInf><Rsn><Cd>${opts.groupReason}</Cd></Rsn></StsRsnInf>` : ''}</OrgnlGrpInfAndSts>
    ${batches.map((b) => `<OrgnlPmtInfAndSts><OrgnlPmtInfId>${b.id}</OrgnlPmtInfId>${b.status ? `<PmtInfSts>${b.status}</PmtInfSts>` : ''}${b.txs.map(tx).join('')}
    </OrgnlPmtInfAndSts>`).join('\n')}
  </CstmrPmtStsRpt>
</Document>`;
}

describe('pain.002 status reports', () => {
  it('when a report rejects two of three transactions, then those two become failures with code, date, amount and mandate', async () => {
    const xml = pain002([{ id: 'B1', txs: [
      { e2e: 'F-2027-001', status: 'RJCT', code: 'AM04', amount: '89.00' },
      { e2e: 'F-2027-002', status: 'ACCP', amount: '10' },
      { e2e: 'F-2027-003', status: 'RJCT', code: 'MD01', amount: '1234.5' },
    ] }]);
    const result = await parsePain002([xml]);
    expect(result).toMatchObject({ transactions: 3, problems: [], indexes: [0, 2] });
    expect(result.failures).toEqual([
      { externalId: 'pain002:STS-0-F-2027-001', endToEndId: 'F-2027-001', reasonCode: 'AM04', date: '2027-03-09', source: 'pain.002', mandateId: 'MNDT-F-2027-001', amountMinor: 8900, currency: 'EUR' },
      { externalId: 'pain002:STS-2-F-2027-003', endToEndId: 'F-2027-003', reasonCode: 'MD01', date: '2027-03-09', source: 'pain.002', mandateId: 'MNDT-F-2027-003', amountMinor: 123450, currency: 'EUR' },
    ]);
  });

  it('when a whole batch or the whole file is rejected, then its transactions fail with the batch\'s or the group\'s reason', async () => {
    const batch = await parsePain002([pain002([{ id: 'B1', status: 'RJCT', txs: [{ e2e: 'A', code: 'AC04' }, { e2e: 'B', code: 'AC06' }] }])]);
    expect(batch.failures.map((f) => [f.endToEndId, f.reasonCode])).toEqual([['A', 'AC04'], ['B', 'AC06']]);
    const group = await parsePain002([pain002([{ id: 'B1', txs: [{ e2e: 'A' }] }], { groupStatus: 'RJCT', groupReason: 'FF01', version: '10' })]);
    expect(group.failures.map((f) => [f.endToEndId, f.reasonCode])).toEqual([['A', 'FF01']]);
  });

  it('when a rejected transaction has no end-to-end id or no reason, then it is reported with its path and the others still count', async () => {
    const result = await parsePain002([pain002([{ id: 'B7', txs: [{ status: 'RJCT', code: 'AM04' }, { e2e: 'C', status: 'RJCT' }, { e2e: 'D', status: 'RJCT', code: 'MS02' }] }])]);
    expect(result.failures.map((f) => f.endToEndId)).toEqual(['D']);
    expect(result.problems).toEqual([
      { index: 0, reason: '/Document/CstmrPmtStsRpt/OrgnlPmtInfAndSts[B7]/TxInfAndSts[1]: a rejected transaction without OrgnlEndToEndId cannot be recorded' },
      { index: 1, reason: '/Document/CstmrPmtStsRpt/OrgnlPmtInfAndSts[B7]/TxInfAndSts[2]: a rejected transaction without StsRsnInf/Rsn/Cd cannot be recorded' },
    ]);
  });

  it('when the file is not a pain.002, has a DOCTYPE or is not XML, then it is refused as a whole with a clear 400', async () => {
    await expect(parsePain002([pain002([]).replace('pain.002.001.03', 'pain.008.001.02')])).rejects.toMatchObject({ httpStatus: 400, code: 'not_pain002', message: expect.stringContaining('pain.008.001.02') });
    await expect(parsePain002(['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Document/>'])).rejects.toMatchObject({ httpStatus: 400, code: 'invalid_xml', message: expect.stringContaining('DOCTYPE') });
    await expect(parsePain002(['Factuurnummer;Bedrag'])).rejects.toMatchObject({ httpStatus: 400 });
  });

  it('when any mix of transactions is reported, then every rejected one with an id and a reason is a failure, in order, and nothing else is', async () => {
    const tx = fc.record({
      e2e: fc.stringMatching(/^[A-Z0-9-]{1,35}$/),
      status: fc.constantFrom('RJCT' as const, 'ACCP' as const, 'ACSC' as const, 'PDNG' as const),
      code: fc.constantFrom('AM04', 'MD06', 'MS02', 'MS03', 'AC04', 'AC06', 'MD01', 'MD07', 'XT99'),
      amount: fc.integer({ min: 1, max: 10_000_000 }).map((c) => `${Math.trunc(c / 100)}.${String(c % 100).padStart(2, '0')}`),
    });
    await fc.assert(fc.asyncProperty(fc.array(fc.array(tx, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), async (batches) => {
      const result = await parsePain002([pain002(batches.map((txs, i) => ({ id: `B${i}`, txs })))]);
      const all = batches.flat();
      expect(result.transactions).toBe(all.length);
      expect(result.failures.map((f) => [f.endToEndId, f.reasonCode, f.amountMinor])).toEqual(
        all.filter((t) => t.status === 'RJCT').map((t) => [t.e2e, t.code, Math.round(Number(t.amount) * 100)]),
      );
    }), { numRuns: 60 });
  });

  it('when the public pain.002 samples (shared/realworld/pain) are there, then the valid one gives its four rejections and the wrong-namespace one is refused', async () => {
    const dir = realworldDir();
    if (!dir) {
      console.warn('shared/realworld is NOT present: the public pain.002 samples were not read');
      return;
    }
    const files = readdirSync(join(dir, 'pain')).filter((f) => f.endsWith('.xml'));
    expect(files.sort()).toEqual(['oca-test-sepa-pain-unpaid-invalid.xml', 'oca-test-sepa-pain-unpaid.xml']);
    const valid = await parsePain002([readFileSync(join(dir, 'pain/oca-test-sepa-pain-unpaid.xml'))]);
    expect(valid.failures.map((f) => [f.endToEndId, f.reasonCode, f.amountMinor, f.currency, f.date, f.mandateId])).toEqual([
      ['E2EID1', 'AC01', 10000, 'EUR', '2016-10-08', 'MANDATEID1'],
      ['E2EID2', 'MS02', 10000, 'EUR', '2016-10-08', 'MANDATEID2'],
      ['E2EID3', 'MD06', 10000, 'EUR', '2016-10-08', 'MANDATEID3'],
      ['E2EID4', 'AM04', 10000, 'EUR', '2016-10-08', 'MANDATEID4'],
    ]);
    await expect(parsePain002([readFileSync(join(dir, 'pain/oca-test-sepa-pain-unpaid-invalid.xml'))])).rejects.toMatchObject({ code: 'not_pain002' });
  });
});
