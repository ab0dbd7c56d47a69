import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalSettingsVM } from '../../src/contracts/settings';
import { foreignWords, lazyPlurals } from '../support/one-language';
import { startMonth, type Month } from './support/month';

/**
 * The statutory 14-day letter (art. 6:96 lid 6 BW) as a credit controller meets it in HubSpot, through the
 * composition npm start runs: the letter task's body, read with the real api-client, holds the complete letter
 * in the customer's language — the demand, the 14 days from the day after receipt, the exact WIK costs (with VAT
 * when the company's settings say so) and the company details the admin saved.
 */
let m: Month;
let deVries = '';
let finalNoticeCompany = '';

const FINAL_NOTICE_DAY = '2027-04-13';
const FINAL_NOTICE_NL = '13 apr 2027';
const FINAL_NOTICE_EN = '13 Apr 2027';
// €10,000 at 10.15% for the 71 days after 1 February up to 13 April: 1,000,000 × 1015 × 71 / 3,650,000 = 19,743.8 cents.
const FINAL_NOTICE_INTEREST = '€ 197,44';
const FINAL_NOTICE_INTEREST_EN = '€197.44';
// €10,000 + €197.44 + €1,058.75 of costs with VAT.
const FINAL_NOTICE_TOTAL = '€ 11.256,19';

const company = {
  legalName: 'Groothandel Noord B.V.', cocNumber: '87654321', vatNumber: 'NL876543210B01', iban: 'NL20INGB0001234567',
  supportEmail: 'debiteuren@noord.example', vatOnCollectionCosts: true, brandColour: '#aa3300',
};

async function saveCompany(details: typeof company): Promise<void> {
  const path = `/api/settings?portalId=${m.portalId}&userId=${m.embedded.hubspot.adminUserId!}`;
  const { version } = (await (await m.signedFetch('GET', path)).json()) as PortalSettingsVM;
  const res = await m.signedFetch('PATCH', path, { version, company: details });
  expect(res.status).toBe(200);
}

/** A consumer with one invoice of €1,000 two months overdue: the first run starts at the 14-day letter. */
async function consumerWithOldDebt(name: string, language: 'nl' | 'en', invoiceId = `L-${language}-1`): Promise<string> {
  const domain = `${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example`;
  const c = await m.createCompany({ name, domain });
  expect(await m.savePreferences(c, { channels: ['email'], callWindows: [], language, customerType: 'consumer', pauses: [] })).toBe(200);
  await m.invoices({ domain }, [{ id: invoiceId, amount: 100_000, issued: '2027-01-01', due: '2027-01-15' }]);
  return c;
}

/** The customer's own page as text (no tags, plain spaces). */
const pageText = async (url: string) => (await (await fetch(url)).text()).replace(/<[^>]+>/g, ' ').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

/** The letter task as HubSpot holds it, read through the api-client as any HubSpot user or integration would. */
async function letterTask(companyId: string): Promise<{ subject: string; body: string }> {
  const task = (await m.openTasks(companyId)).find((t) => t.step === 'fourteen_day_letter');
  expect(task, 'an open 14-day letter task').toBeDefined();
  const read = await m.hs.crm.objects.tasks.basicApi.getById(task!.id, ['hs_task_subject', 'hs_task_body']);
  return { subject: read.properties.hs_task_subject ?? '', body: (read.properties.hs_task_body ?? '').replace(/\u00a0/g, ' ') };
}

beforeAll(async () => {
  m = await startMonth({ firstDay: '2027-03-15' });
  await m.day(1);
  await saveCompany(company);
}, 120_000);
afterAll(async () => { await m?.close(); });

describe('the 14-day letter in HubSpot', () => {
  it('when a Dutch consumer is two months overdue, then the letter task holds the complete Dutch letter with the exact costs incl. VAT and the company details', async () => {
    const c = await consumerWithOldDebt('Familie de Vries', 'nl');
    deVries = c;
    const { body } = await letterTask(c);
    const letter = body.slice(body.indexOf('Datum:'));
    for (const part of [
      'Datum: de dag van verzending', 'Geachte heer, mevrouw,', 'de volgende factuur nog niet betaald', 'factuur L-nl-1 van 1 jan 2027, vervallen op 15 jan 2027: € 1.000,00',
      'Wij verzoeken u € 1.000,00 te betalen binnen 14 dagen, te rekenen vanaf de dag na ontvangst van deze brief.',
      // WIK on €1,000 is €150; the company cannot deduct VAT, so 21% on top: €181.50.
      'incassokosten van € 181,50 inclusief 21% btw',
      'NL20INGB0001234567 ten name van Groothandel Noord B.V., onder vermelding van L-nl-1', 'debiteuren@noord.example',
      'Met vriendelijke groet,\nGroothandel Noord B.V.\nGroothandel Noord B.V. · KvK 87654321 · btw-nummer NL876543210B01 · IBAN NL20INGB0001234567',
    ]) expect(letter).toContain(part);
    // The customer's own page, in the letter and as a QR code to print on it (a random token: not words of any language).
    const link = /https?:\/\/\S+\/my\/[\w.-]+/.exec(letter)?.[0];
    expect(letter).toContain(`Of betaal direct online: ${link}`);
    // The customer's page states the same costs as the letter, VAT included as the settings say.
    expect(await pageText(link!)).toContain('incassokosten van € 181,50 (de wettelijke staffel, inclusief 21% btw)');
    expect(await pageText(`${link!}?lang=en`)).toContain('collection costs of €181.50 (the statutory scale, including 21% VAT)');
    expect(body).toContain(`de QR-code ${link}/qr.png`);
    const qr = await fetch(`${link}/qr.png`);
    expect(qr.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await qr.arrayBuffer()).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect((await fetch(`${link!.slice(0, -2)}xx/qr.png`)).status).toBe(404);
    expect(foreignWords('nl', letter, [company.legalName, 'L-nl-1', 'IBAN', company.supportEmail, link!])).toEqual([]);
    expect(lazyPlurals(body)).toEqual([]);
    // No pay-by date before the letter goes out: it is counted from the day the task is completed.
    expect(letter).not.toMatch(/uiterlijk \d/);
    // The Call script card names the same costs, with the VAT the settings add.
    const script = await m.callScript(c);
    expect(script.fourteenDayLetter).toEqual({ costsIfUnpaid: { minor: 18_150, currency: 'EUR' }, vatBasisPoints: 2_100 });
    expect(script.closing.join('\n').replace(/\u00a0/g, ' ')).toContain('incassokosten van € 181,50 (inclusief 21% btw) in rekening gebracht');
    // So do the Receivables and Payment status cards: owed only once the letter's term has passed.
    for (const vm of [await m.receivables(c), await m.paymentStatus(c)]) {
      expect(vm.charges).toMatchObject({ interestKind: 'consumer', collectionCosts: { minor: 18_150, currency: 'EUR' }, vatBasisPoints: 2_100, costsChargeable: false });
      expect(vm.charges.interest[0]?.minor).toBeGreaterThan(0);
    }
  });

  it('when an English-speaking consumer is, then the letter is in English under the portal\'s Dutch instructions', async () => {
    const c = await consumerWithOldDebt('Jane Smith', 'en');
    const { body } = await letterTask(c);
    expect(body).toContain('Brief aan de klant (in het Engels)');
    const letter = body.slice(body.indexOf('Date:'), body.lastIndexOf('\n\n'));
    for (const part of [
      'Date: the day this letter is sent', 'Dear Sir or Madam,', 'invoice L-en-1 of 1 Jan 2027, due 15 Jan 2027: €1,000.00',
      'We ask you to pay €1,000.00 within 14 days, counted from the day after you receive this letter.',
      'collection costs of €181.50 including 21% VAT', 'NL20INGB0001234567 in the name of Groothandel Noord B.V., quoting L-en-1', 'Yours faithfully,',
    ]) expect(letter).toContain(part);
    const link = /https?:\/\/\S+\/my\/[\w.-]+/.exec(letter)?.[0] ?? '';
    expect(letter).toContain(`Or pay online straight away: ${link}`);
    expect(foreignWords('en', letter, [company.legalName, 'L-en-1', 'KvK', 'IBAN', company.supportEmail, link])).toEqual([]);
  });

  it('when the company charges no VAT on collection costs, then a new letter states the €150 of the scale', async () => {
    await saveCompany({ ...company, vatOnCollectionCosts: false });
    const c = await consumerWithOldDebt('Familie Jansen', 'nl', 'L-nl-2');
    const { body } = await letterTask(c);
    expect(body).toContain('incassokosten van € 150,00 in rekening');
    expect(body).not.toContain('btw in rekening');
    const page = await pageText(/https?:\/\/\S+\/my\/[\w.-]+/.exec(body)![0]);
    expect(page).toContain('incassokosten van € 150,00 (de wettelijke staffel)');
    expect(page).not.toContain('inclusief 21% btw');
    const script = await m.callScript(c);
    expect(script.fourteenDayLetter).toEqual({ costsIfUnpaid: { minor: 15_000, currency: 'EUR' } });
    expect(script.closing.join('\n')).not.toContain('btw');
  });

  it('when the credit controller sends the letter two days after it was planned and completes its task, then the 14 days count from that day', async () => {
    await m.day(3);
    const task = (await m.openTasks(deVries)).find((t) => t.step === 'fourteen_day_letter')!;
    expect(task.dueAt.slice(0, 10)).toBe(m.date(1));
    await m.completeTask(task.id);
    // Sent Wed 17 March: deemed received Fri 19 March, 14 days to Fri 2 April, stated with a day to spare past the
    // weekend: Monday 5 April (from the planned Monday 15 March it would have been Thursday 1 April).
    const script = await m.callScript(deVries);
    expect(script.fourteenDayLetter).toMatchObject({ sentOn: '2027-03-17', payBy: '2027-04-05' });
    const notes = await m.engagements(deVries, 'notes');
    const bodies = await Promise.all(notes.map(async (id) => (await m.hs.crm.objects.notes.basicApi.getById(id, ['hs_note_body'])).properties.hs_note_body ?? ''));
    const note = bodies.map((b) => b.replace(/\u00a0/g, ' ')).find((b) => b.startsWith('Veertiendagenbrief verstuurd'));
    expect(note).toBe('Veertiendagenbrief verstuurd op 17 maart 2027. Geacht ontvangen op 19 maart 2027; de termijn van 14 dagen loopt tot en met 5 april 2027. '
      + 'Is er na die dag niet betaald, dan zijn de incassokosten van € 181,50 verschuldigd die de brief noemt.');
  });

  it('until the stated date has passed nothing follows the letter; the first business day after it, escalation may', async () => {
    for (let day = 4; day <= 15; day++) {
      await m.day(day);
      expect((await m.tasks(deVries)).map((t) => t.step), m.date(day)).not.toContain('escalation');
    }
    expect(m.date(15)).toBe('2027-04-05');
    await m.day(16);
    const escalation = (await m.openTasks(deVries)).find((t) => t.step === 'escalation');
    expect(escalation?.dueAt.slice(0, 10)).toBe('2027-04-06');
  }, 120_000);

  it('when a business is still overdue at the final notice, then it states the statutory commercial interest up to its day, the costs and the total', async () => {
    await saveCompany(company);
    const domain = 'noordelijke-bouw.example';
    const c = await m.createCompany({ name: 'Noordelijke Bouw BV', domain });
    finalNoticeCompany = c;
    await m.invoices({ domain }, [{ id: 'FN-1', amount: 1_000_000, issued: '2027-01-01', due: '2027-02-01' }]);
    // Two small invoices on the same dates: €40 each outweighs the scale, and that compensation carries no VAT.
    const small = await m.createCompany({ name: 'Kleine Klusjes BV', domain: 'kleine-klusjes.example' });
    await m.invoices({ domain: 'kleine-klusjes.example' }, [
      { id: 'KK-1', amount: 10_000, issued: '2027-01-01', due: '2027-02-01' }, { id: 'KK-2', amount: 10_000, issued: '2027-01-01', due: '2027-02-01' },
    ]);
    expect((await m.openTasks(c)).map((t) => t.step)).toContain('formal_reminder');
    let notice: { dueAt: string; body: string } | undefined;
    for (let day = m.currentDay() + 1; !notice && day <= 30; day++) {
      await m.day(day);
      notice = (await m.openTasks(c)).find((t) => t.step === 'final_notice');
    }
    expect(notice?.dueAt.slice(0, 10)).toBe(FINAL_NOTICE_DAY);
    const noticeBody = async (companyId: string) => {
      const task = (await m.openTasks(companyId)).find((t) => t.step === 'final_notice');
      expect(task, `an open final notice for ${companyId}`).toBeDefined();
      return (await m.hs.crm.objects.tasks.basicApi.getById(task!.id, ['hs_task_body'])).properties.hs_task_body!.replace(/\u00a0/g, ' ');
    };
    const body = await noticeBody(c);
    // WIK on €10,000: 15% of 2,500 + 10% of 2,500 + 5% of 5,000 = €875, plus 21% VAT (this company adds it): €1,058.75.
    expect(body).toContain(`Wettelijke handelsrente tot en met ${FINAL_NOTICE_NL}: ${FINAL_NOTICE_INTEREST} (art. 6:119a BW).`);
    expect(body).toContain('Incassokosten: € 1.058,75 inclusief 21% btw.');
    expect(body).toContain(`Totale vordering: ${FINAL_NOTICE_TOTAL}.`);
    const smallBody = await noticeBody(small);
    expect(smallBody).toContain('Incassokosten: € 80,00.');
    expect(smallBody).not.toContain('btw');
  }, 120_000);

  it('when the admin sets the portal\'s language to English, then the open final notice is rewritten in English with the same figures', async () => {
    const path = `/api/settings?portalId=${m.portalId}&userId=${m.embedded.hubspot.adminUserId!}`;
    const { version } = (await (await m.signedFetch('GET', path)).json()) as PortalSettingsVM;
    expect((await m.signedFetch('PATCH', path, { version, defaultLanguage: 'en' })).status).toBe(200);
    await m.settle();
    const task = (await m.openTasks(finalNoticeCompany)).find((t) => t.step === 'final_notice')!;
    const read = await m.hs.crm.objects.tasks.basicApi.getById(task.id, ['hs_task_subject', 'hs_task_body']);
    const body = read.properties.hs_task_body ?? '';
    expect(read.properties.hs_task_subject).toMatch(/^Send letter: final demand · /);
    expect(body).toContain(`Statutory commercial interest up to ${FINAL_NOTICE_EN}: ${FINAL_NOTICE_INTEREST_EN} (art. 6:119a Dutch Civil Code).`);
    expect(body).toContain('Collection costs: €1,058.75 including 21% VAT.');
    expect(foreignWords('en', body, ['Noordelijke Bouw BV', 'FN-1', 'Receivables Desk'])).toEqual([]);
  });
});
