import { describe, expect, it } from 'vitest';
import type { CallListVM } from '../../src/contracts/home';
import { allPages, demoPortal } from './support/demo-portal';

/**
 * What `npm start` plans in the demo portal, read from HubSpot's tasks through the real api-client, the way a
 * credit controller meets it: one reminder task per company per day (no receipt-check call next to an
 * escalation), and nobody escalated without the formal reminder (business) or the 14-day letter (consumer)
 * recorded before it. A customer being chased never has a receipt check as the next action, neither on the
 * company record nor as the planned step of the app home's call list.
 */
const portal = demoPortal('demo-plan');

const ESCALATION_NEEDS = ['formal_reminder', 'final_notice', 'fourteen_day_letter'];

describe("the demo portal's reminder tasks", () => {
  it('when npm start has run, then no company has two open reminder tasks on one day, and nobody is escalated without the step before it', async () => {
    const tasks = await allPages((after) => portal.hs().crm.objects.tasks.basicApi.getPage(100, after, ['hs_task_subject', 'hs_timestamp', 'hs_task_status', 'rd_step'], undefined, ['companies']));
    const open = tasks.filter((t) => t.properties.hs_task_status !== 'COMPLETED' && t.properties.rd_step);
    expect(open.length).toBeGreaterThan(10);
    const byCompanyDay = new Map<string, string[]>();
    const stepsByCompany = new Map<string, string[]>();
    for (const t of open) {
      const company = t.associations?.companies?.results[0]?.id ?? 'none';
      const day = (t.properties.hs_timestamp ?? '').slice(0, 10);
      byCompanyDay.set(`${company} ${day}`, [...(byCompanyDay.get(`${company} ${day}`) ?? []), t.properties.hs_task_subject ?? '']);
      stepsByCompany.set(company, [...(stepsByCompany.get(company) ?? []), t.properties.rd_step!]);
    }
    const doubled = [...byCompanyDay].filter(([, subjects]) => subjects.length > 1);
    expect(doubled).toEqual([]);
    const companies = await allPages((after) => portal.hs().crm.companies.basicApi.getPage(100, after, ['name']));
    expect(stepsByCompany.size).toBeGreaterThan(companies.length / 2);
    // Every task HubSpot ever got counts as recorded: an escalation needs one of its prerequisites among them.
    const everStep = new Map<string, Set<string>>();
    for (const t of tasks) {
      const company = t.associations?.companies?.results[0]?.id ?? 'none';
      everStep.set(company, (everStep.get(company) ?? new Set()).add(t.properties.rd_step ?? ''));
    }
    const escalatedTooSoon = [...stepsByCompany].filter(([company, steps]) =>
      steps.includes('escalation') && !ESCALATION_NEEDS.some((s) => everStep.get(company)?.has(s)));
    expect(escalatedTooSoon).toEqual([]);
  });

  it('when npm start has run, then no company with an overdue balance has a receipt check as its next action or planned step', async () => {
    const companies = await allPages((after) => portal.hs().crm.companies.basicApi.getPage(100, after, ['name', 'rd_overdue_balance', 'rd_next_action', 'rd_dunning_stage']));
    const chased = companies.filter((c) => Number(c.properties.rd_overdue_balance ?? 0) > 0);
    expect(chased.length).toBeGreaterThan(10);
    // Most have a next action on the record (a paused one has none): the assertion below reads something real.
    expect(chased.filter((c) => c.properties.rd_next_action).length).toBeGreaterThan(10);
    const receiptChecks = chased.filter((c) => /receipt_check/.test(c.properties.rd_next_action ?? '')).map((c) => [c.properties.name, c.properties.rd_next_action]);
    expect(receiptChecks).toEqual([]);

    const res = await portal.signedGet(`/api/home/call-list?portalId=${portal.portalId()}&scope=all&pageSize=100`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as CallListVM;
    const chasedIds = new Set(chased.map((c) => c.id));
    const onList = list.items.filter((e) => chasedIds.has(e.companyId));
    expect(onList.length).toBeGreaterThan(10);
    expect(onList.filter((e) => e.planned).length).toBeGreaterThan(10);
    expect(onList.filter((e) => e.planned?.stepId === 'receipt_check').map((e) => e.name)).toEqual([]);
  });
});
