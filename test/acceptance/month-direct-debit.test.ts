import { expect } from 'vitest';
import { dateInZone } from '../../src/domain/dates';
import type { IngestReport } from '../../src/contracts/ingest';
import { monthInTheLife } from './support/story';

/** The bank's answer to a collection run (pain.002.001.03, as Dutch banks send it) rejecting one transaction. */
const pain002 = (endToEndId: string, code: string, reportedOn: string) => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>STS-${reportedOn}</MsgId><CreDtTm>${reportedOn}T09:45:00</CreDtTm></GrpHdr>
    <OrgnlGrpInfAndSts><OrgnlMsgId>INCASSO-${reportedOn}</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>BATCH-1</OrgnlPmtInfId>
      <TxInfAndSts>
        <StsId>RJ-${endToEndId}</StsId><OrgnlEndToEndId>${endToEndId}</OrgnlEndToEndId><TxSts>RJCT</TxSts>
        <StsRsnInf><Rsn><Cd>${code}</Cd></Rsn></StsRsnInf>
        <OrgnlTxRef><Amt><InstdAmt Ccy="EUR">89.00</InstdAmt></Amt><MndtRltdInf><MndtId>M-001</MndtId></MndtRltdInf></OrgnlTxRef>
      </TxInfAndSts>
    </OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt>
</Document>`;

/**
 * Customers who pay by SEPA direct debit: nobody chases an invoice the bank will collect, and when a collection
 * comes back, the credit controller hears of it the same business day — with the bank's reason in plain words
 * and the advice to offer a way to pay now.
 */
monthInTheLife('Direct debits', { firstDay: '2027-03-01', days: 10 }, (scenario) => {
  scenario('The bank\'s pain.002 rejects a collection for insufficient funds (AM04): a same-day follow-up naming the reason, closed by the payment', (s) => {
    let c = '';
    s.on(1, 'Sportschool Fit is in HubSpot; invoice F-3001 of €89 is collected by direct debit on its due date', async (m) => {
      c = await m.createCompany({ name: 'Sportschool Fit BV', domain: 'sportschool-fit.example' });
      await m.invoices({ domain: 'sportschool-fit.example' }, [{ id: 'F-3001', amount: 8_900, issued: m.date(1), due: m.date(6) }], { directDebit: true });
    });
    s.throughout(1, 6, 'nobody chases an invoice the bank collects: no task', async (m) => {
      expect(await m.openTasks(c)).toEqual([]);
    });
    s.on(7, 'the day after the due date, at 10:00, the bank\'s status report comes in: F-3001 rejected, AM04', async (m) => {
      m.at(10);
      const res = await m.postIngest('/direct-debit-failures', pain002('F-3001', 'AM04', m.date(7)), 'application/xml');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ received: 1, created: 1, rejected: 0 });
      await m.settle();
    });
    s.then(7, 'the same day: one urgent follow-up, due today, whose text names the reason and offers a way to pay now', async (m) => {
      const [task, ...more] = await m.openTasks(c);
      expect(more).toEqual([]);
      expect(task).toMatchObject({ step: 'failed_direct_debit', priority: 'HIGH' });
      expect(dateInZone(task!.dueAt, 'Europe/Amsterdam')).toBe(m.date(7));
      expect(task!.body).toMatch(/there was not enough money in the account|er stond niet genoeg saldo op de rekening/);
      expect(task!.body).toMatch(/offer a way to pay now|bied een manier om nu te betalen/);
    });
    s.on(7, 'the same report is sent again', async (m) => {
      const res = await m.postIngest('/direct-debit-failures', pain002('F-3001', 'AM04', m.date(7)), 'application/xml');
      expect(await res.json()).toMatchObject({ created: 0, unchanged: 1 });
      await m.settle();
      expect(await m.openTasks(c)).toHaveLength(1);
    });
    s.on(8, 'the customer pays by bank transfer', async (m) => {
      await m.payment('F-3001', 8_900, m.date(8));
    });
    s.then(8, 'the rollup is zero and the follow-up is completed by itself', async (m) => {
      expect(await m.rollup(c)).toMatchObject({ open: 0 });
      expect(await m.openTasks(c)).toEqual([]);
    });
  });

  scenario('A payment provider reports a refund request (MD06) by JSON: the follow-up says the customer had it reversed', (s) => {
    let c = '';
    s.on(1, 'Kapsalon Knip is in HubSpot; invoice F-4001 of €45 is collected by direct debit', async (m) => {
      c = await m.createCompany({ name: 'Kapsalon Knip', domain: 'kapsalon-knip.example' });
      await m.invoices({ domain: 'kapsalon-knip.example' }, [{ id: 'F-4001', amount: 4_500, issued: m.date(1), due: m.date(3) }], { directDebit: true });
    });
    s.on(4, 'the day after the due date, at 14:00, the provider reports the debit was reversed at the customer\'s request', async (m) => {
      m.at(14);
      const report: IngestReport = await m.ingestJson('/direct-debit-failures', {
        failures: [{ externalId: 'psp-rfnd-77', endToEndId: 'F-4001', reasonCode: 'MD06', date: m.date(4) }],
      });
      expect(report).toMatchObject({ created: 1 });
    });
    s.then(4, 'a follow-up due today that says why', async (m) => {
      const [task, ...more] = await m.openTasks(c);
      expect(more).toEqual([]);
      expect(dateInZone(task!.dueAt, 'Europe/Amsterdam')).toBe(m.date(4));
      expect(task!.body).toMatch(/had the direct debit reversed|heeft de incasso laten terugboeken/);
    });
  });
});
