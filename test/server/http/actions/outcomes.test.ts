import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { planActions } from '../../../../src/domain/policy/engine';
import { DEFAULT_POLICY } from '../../../../src/domain/policy/policy';
import { injectFault } from '../../../../src/sandbox/faults';
import { testRedis } from '../../../support/redis';
import { CALENDAR, invoice, signed, startActionsFixture, type ActionsFixture } from './fixture';

const noScript = () => { throw new Error('the call script is not part of these tests'); };

let redis: Redis;
let f: ActionsFixture;
let n = 0;
const outcomeId = () => `outcome-${Date.now().toString(36)}-${n++}`;
const path = () => `/api/cards/outcomes?portalId=${f.portalId}&companyId=${f.companyId}`;

async function associatedIds(fromType: string, id: string, toType: string) {
  const page = await f.client.crm.associations.v4.basicApi.getPage(fromType, id, toType);
  return page.results.map((r) => ({ id: String(r.toObjectId), typeIds: r.associationTypes.map((t) => t.typeId) }));
}
const allCalls = async () => (await f.client.crm.objects.calls.basicApi.getPage(100, undefined, ['hs_call_body', 'hs_call_disposition'])).results;
const allTasks = async () => (await f.client.crm.objects.tasks.basicApi.getPage(100, undefined, ['hs_task_subject', 'hs_timestamp', 'hs_task_type', 'hs_task_priority'])).results;

beforeAll(async () => {
  redis = testRedis();
  f = await startActionsFixture(redis, noScript);
});
afterAll(async () => {
  await f.close();
  await redis.quit();
});
beforeEach(async () => {
  // Every test starts from the same open invoice; outcomes add to the ledger, so start each from a fresh company.
  const company = await f.client.crm.companies.basicApi.create({ properties: { name: 'Bakkerij De Vries' }, associations: [] });
  await f.client.crm.associations.v4.basicApi.createDefault('contacts', f.contactId, 'companies', company.id);
  f.companyId = company.id;
  await f.ledger.upsertInvoices(f.portalId, [invoice(f.companyId)]);
  await f.ledger.takeDirtyCompanies(f.portalId);
});

describe('POST /api/cards/outcomes', () => {
  it('when a promise is logged, then the call, the follow-up task with its associations and the ledger promise exist', async () => {
    const id = outcomeId();
    const res = await signed(f.app, 'POST', path(), {
      outcomeId: id, result: 'reached', contactId: f.contactId, notes: 'Pays Friday',
      promise: { date: '2026-11-27', amount: { minor: 60_000, currency: 'EUR' }, method: 'bank_transfer', invoiceExternalIds: ['inv-1'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.duplicate).toBe(false);
    // Friday's promise is checked on the next business day: Monday 30 Nov, 09:00 Amsterdam.
    expect(res.body.followUp).toMatchObject({ kind: 'check_promise', dueOn: '2026-11-30' });

    const call = await f.client.crm.objects.calls.basicApi.getById(res.body.callId, ['hs_call_body', 'hs_call_status', 'hs_call_direction', 'hs_call_disposition']);
    expect(call.properties.hs_call_body).toContain('Promise to pay €600.00');
    expect(call.properties.hs_call_body).toContain('Pays Friday');
    expect(call.properties).toMatchObject({ hs_call_status: 'COMPLETED', hs_call_direction: 'OUTBOUND', hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7' });
    expect(await associatedIds('calls', res.body.callId, 'companies')).toEqual([{ id: f.companyId, typeIds: expect.arrayContaining([182]) }]);
    expect(await associatedIds('calls', res.body.callId, 'contacts')).toEqual([{ id: f.contactId, typeIds: expect.arrayContaining([194]) }]);

    const taskId = res.body.followUp.taskId as string;
    const task = await f.client.crm.objects.tasks.basicApi.getById(taskId, ['hs_task_subject', 'hs_timestamp', 'hs_task_priority']);
    expect(task.properties.hs_task_subject).toContain('Check the promised payment of €600.00');
    expect(new Date(task.properties.hs_timestamp!).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(await associatedIds('tasks', taskId, 'companies')).toEqual([{ id: f.companyId, typeIds: expect.arrayContaining([192]) }]);
    expect(await associatedIds('tasks', taskId, 'contacts')).toEqual([{ id: f.contactId, typeIds: expect.arrayContaining([204]) }]);

    const ledger = await f.ledger.getCustomerLedger(f.portalId, f.companyId);
    expect(ledger?.promises).toEqual([expect.objectContaining({ promisedDate: '2026-11-27', amount: { minor: 60_000, currency: 'EUR' }, source: 'call', madeOn: '2026-11-23' })]);
    expect(ledger?.history).toEqual([expect.objectContaining({ kind: 'call', channel: 'phone', outcome: 'reached', contactId: f.contactId })]);
    expect(await f.ledger.takeDirtyCompanies(f.portalId)).toContain(f.companyId);
    // The customer's language is Dutch by default: the summary e-mail is too.
    expect(res.body.summaryEmail.language).toBe('nl');
    expect(res.body.summaryEmail.body).toMatch(/Betalingstoezegging van €\s600,00, uiterlijk 27 november 2026, per bankoverschrijving\./);
  });

  it('when the same outcome is submitted twice, then one call, one task and one ledger record exist', async () => {
    const body = { outcomeId: outcomeId(), result: 'reached', promise: { date: '2026-11-27', amount: { minor: 10_000, currency: 'EUR' } } };
    const callsBefore = (await allCalls()).length;
    const tasksBefore = (await allTasks()).length;
    const first = await signed(f.app, 'POST', path(), body);
    const second = await signed(f.app, 'POST', path(), body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ ...first.body, duplicate: true });
    expect((await allCalls()).length).toBe(callsBefore + 1);
    expect((await allTasks()).length).toBe(tasksBefore + 1);
    const ledger = await f.ledger.getCustomerLedger(f.portalId, f.companyId);
    expect(ledger?.promises).toHaveLength(1);
    expect(ledger?.history).toHaveLength(1);
  });

  it('when a promise is broken, then the next planning run escalates it; while it is open, nothing is planned', async () => {
    const res = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'reached', promise: { date: '2026-11-25', amount: { minor: 100_000, currency: 'EUR' } } });
    expect(res.status).toBe(201);
    const ledger = (await f.ledger.getCustomerLedger(f.portalId, f.companyId))!;
    const whileOpen = planActions({ ledger, policy: DEFAULT_POLICY, now: '2026-11-24T10:00:00.000Z', calendar: CALENDAR });
    expect(whileOpen.actions).toEqual([]);
    expect(whileOpen.position.paused).toEqual([expect.objectContaining({ kind: 'promise', until: '2026-11-26' })]);
    const afterDeadline = planActions({ ledger, policy: DEFAULT_POLICY, now: '2026-11-30T10:00:00.000Z', calendar: CALENDAR });
    const escalation = afterDeadline.actions.find((a) => a.reasons.some((r) => r.code === 'promise_broken'));
    expect(escalation).toBeDefined();
    expect(['firm', 'formal']).toContain(escalation!.tone);
  });

  it('when nobody answers, then the call is logged as no answer and a call-again task is due the next business day, without a summary', async () => {
    const res = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'not_reached', userLanguage: 'nl' });
    expect(res.status).toBe(201);
    expect(res.body.summaryEmail).toBeNull();
    expect(res.body.followUp).toMatchObject({ kind: 'call_again', dueOn: '2026-11-24' });
    const call = await f.client.crm.objects.calls.basicApi.getById(res.body.callId, ['hs_call_body', 'hs_call_disposition']);
    expect(call.properties.hs_call_disposition).toBe('73a0d17f-1163-4015-bdd5-ec830791da20');
    expect(call.properties.hs_call_body).toContain('Niet bereikt');
    const task = await f.client.crm.objects.tasks.basicApi.getById(res.body.followUp.taskId, ['hs_task_type']);
    expect(task.properties.hs_task_type).toBe('CALL');
    const ledger = await f.ledger.getCustomerLedger(f.portalId, f.companyId);
    expect(ledger?.history[0]).toMatchObject({ outcome: 'not_reached' });
    expect(ledger?.promises).toEqual([]);
  });

  it('when a dispute, an arrangement or a deferral is agreed, then the ledger holds it and the follow-up fits', async () => {
    const dispute = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'reached', dispute: { invoiceExternalId: 'inv-1', reason: 'wrong_amount', note: 'VAT' } });
    expect(dispute.status).toBe(201);
    expect(dispute.body.followUp).toMatchObject({ kind: 'resolve_dispute', dueOn: '2026-11-25' });
    const arrangement = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'reached', arrangement: { instalments: [
      { dueDate: '2026-12-01', amount: { minor: 50_000, currency: 'EUR' } }, { dueDate: '2027-01-01', amount: { minor: 50_000, currency: 'EUR' } },
    ] } });
    expect(arrangement.status).toBe(201);
    expect(arrangement.body.followUp).toMatchObject({ kind: 'check_instalment', dueOn: '2026-12-02' });
    const deferral = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'reached', deferral: { until: '2026-12-10' } });
    expect(deferral.body.followUp).toMatchObject({ kind: 'check_deferral', dueOn: '2026-12-11' });
    const ledger = (await f.ledger.getCustomerLedger(f.portalId, f.companyId))!;
    expect(ledger.disputes).toEqual([expect.objectContaining({ invoiceExternalId: 'inv-1', reason: 'wrong_amount', openedOn: '2026-11-23' })]);
    expect(ledger.arrangements[0]?.instalments).toHaveLength(2);
    expect(ledger.profile.pauses).toEqual([{ reason: 'deferral', from: '2026-11-23', until: '2026-12-10' }]);
  });

  it('when the person was wrong, then the new contact details land in the call notes and a find-the-right-person task follows', async () => {
    const res = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'wrong_person', newContact: { name: 'Piet Jansen', email: 'piet@example.com', jobTitle: 'Crediteuren' } });
    expect(res.status).toBe(201);
    expect(res.body.followUp.kind).toBe('find_right_person');
    const call = await f.client.crm.objects.calls.basicApi.getById(res.body.callId, ['hs_call_body']);
    expect(call.properties.hs_call_body).toContain('New contact details: Piet Jansen, Crediteuren, piet@example.com');
  });
});

describe('POST /api/cards/outcomes when HubSpot fails half-way', () => {
  it('when task creation fails after the call was logged, then the retry with the same outcome id resumes: one call, one task, one record', async () => {
    const body = { outcomeId: outcomeId(), result: 'reached', promise: { date: '2026-11-30', amount: { minor: 5_000, currency: 'EUR' } } };
    const callsBefore = (await allCalls()).length;
    const tasksBefore = (await allTasks()).length;
    // The portal caller tries twice (fixture maxAttempts 2): both attempts get 503.
    injectFault(f.sandbox.state, Number(f.portalId), { pathPattern: 'objects/tasks/batch/create', method: 'POST', count: 2, kind: 'status', status: 503 });
    const failed = await signed(f.app, 'POST', path(), body);
    expect(failed.status).toBe(502);
    expect(failed.body.code).toBe('hubspot_failed');
    expect((await allCalls()).length).toBe(callsBefore + 1);
    const retried = await signed(f.app, 'POST', path(), body);
    expect(retried.status).toBe(201);
    expect((await allCalls()).length).toBe(callsBefore + 1);
    expect((await allTasks()).length).toBe(tasksBefore + 1);
    const ledger = await f.ledger.getCustomerLedger(f.portalId, f.companyId);
    expect(ledger?.promises).toHaveLength(1);
    expect(ledger?.history).toHaveLength(1);
  });

  it('when an earlier attempt created the task but did not note it, then the retry finds it by action key and creates none', async () => {
    const id = outcomeId();
    const body = { outcomeId: id, result: 'reached', promise: { date: '2026-11-30', amount: { minor: 5_000, currency: 'EUR' } } };
    injectFault(f.sandbox.state, Number(f.portalId), { pathPattern: 'objects/tasks/batch/create', method: 'POST', count: 2, kind: 'status', status: 503 });
    expect((await signed(f.app, 'POST', path(), body)).status).toBe(502);
    // As if HubSpot had created the task while its answer got lost.
    const orphan = await f.client.crm.objects.tasks.basicApi.create({
      properties: { hs_timestamp: '2026-11-30T08:00:00.000Z', hs_task_subject: 'orphan', rd_action_key: `fu-${id}` }, associations: [],
    });
    const tasksBefore = (await allTasks()).length;
    const retried = await signed(f.app, 'POST', path(), body);
    expect(retried.status).toBe(201);
    expect(retried.body.followUp.taskId).toBe(orphan.id);
    expect((await allTasks()).length).toBe(tasksBefore);
  });
});

describe('POST /api/cards/outcomes refuses invalid input with a message for the card', () => {
  it('when the promise date is in the past, the amount above the open balance or the invoice another company\'s, then 422 names each field and nothing is written', async () => {
    await f.ledger.upsertInvoices(f.portalId, [invoice(f.otherCompanyId, { externalId: 'inv-other', number: 'F-9' })]);
    const callsBefore = (await allCalls()).length;
    const past = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'reached', promise: { date: '2026-11-20', amount: { minor: 100, currency: 'EUR' } } });
    expect(past.status).toBe(422);
    expect(past.body).toMatchObject({ code: 'validation_failed', fieldErrors: { 'promise.date': { code: 'date_in_past', message: 'The promised payment date cannot be in the past.' } } });
    const tooMuch = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'reached', promise: { date: '2026-11-30', amount: { minor: 100_001, currency: 'EUR' } } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.fieldErrors['promise.amount'].code).toBe('amount_above_open');
    const foreign = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'reached', dispute: { invoiceExternalId: 'inv-other', reason: 'quality' } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.fieldErrors['dispute.invoiceExternalId'].code).toBe('invoice_not_found');
    expect((await allCalls()).length).toBe(callsBefore);
    const ledger = await f.ledger.getCustomerLedger(f.portalId, f.companyId);
    expect(ledger?.history).toEqual([]);
    expect(ledger?.disputes).toEqual([]);
  });

  it('when the channel is unknown or an agreement comes with a call that reached nobody, then 422 says which field', async () => {
    const channel = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'reached', channel: 'pigeon' });
    expect(channel.status).toBe(422);
    expect(channel.body.fieldErrors.channel.code).toBe('invalid');
    const notReached = await signed(f.app, 'POST', path(), { outcomeId: outcomeId(), result: 'voicemail', promise: { date: '2026-11-30', amount: { minor: 100, currency: 'EUR' } } });
    expect(notReached.status).toBe(422);
    expect(notReached.body.fieldErrors.promise.code).toBe('agreement_needs_reached');
  });

  it('when the request is not signed, then 401 and nothing happens', async () => {
    const res = await import('supertest').then(({ default: request }) => request(f.app).post(path()).send({ outcomeId: outcomeId(), result: 'reached' }));
    expect(res.status).toBe(401);
  });
});
