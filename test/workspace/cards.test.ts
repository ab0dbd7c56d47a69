import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actionsEn } from '../../src/extensions/actions/messages-en';
import { actionsNl } from '../../src/extensions/actions/messages-nl';
import { en } from '../../src/extensions/i18n/en';
import { nl } from '../../src/extensions/i18n/nl';
import { seriousA11yViolations } from '../support/browser';
import { renderedCard, startWorkspace, type CompanyRow, type WorkspaceHarness } from './support/workspace';

let ws: WorkspaceHarness;
let overdue: CompanyRow;
let ticketId: string;
let contactId: string;

const byOverdue = (rows: CompanyRow[]) => [...rows].sort((a, b) => Number(b.properties.rd_overdue_balance ?? 0) - Number(a.properties.rd_overdue_balance ?? 0));

beforeAll(async () => {
  ws = await startWorkspace();
  const companies = byOverdue(await ws.companies());
  overdue = companies[0]!;
  // A ticket and a contact of an overdue company, so their cards have a status to show.
  const overdueIds = new Set(companies.filter((c) => Number(c.properties.rd_overdue_balance ?? 0) > 0).map((c) => c.id));
  const record = async (type: string, id: string) => (await (await fetch(`${ws.url}/api/records/${type}/${id}`)).json()) as { associations: Record<string, { id: string }[]> };
  for (const t of await ws.records('tickets')) {
    if ((await record('tickets', t.id)).associations.companies?.some((c) => overdueIds.has(c.id))) { ticketId = t.id; break; }
  }
  contactId = (await record('companies', overdue.id)).associations.contacts![0]!.id;
}, 240_000);

afterAll(async () => { await ws?.close(); });

/** A card shown, without a placeholder or a failure, its text in the language asked for. */
async function expectCard(page: Page, uid: string, shows: string, lacks: string) {
  const card = await renderedCard(page, uid);
  // textContent: the text itself, not as CSS shows it (HubSpot's statistics labels are upper case on screen).
  await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain(shows);
  expect(await card.textContent()).not.toContain(lacks);
  expect(await card.locator('[data-placeholder]').count()).toBe(0);
  expect(await card.locator('.ws-card-failure').count()).toBe(0);
}

const LANGS = [
  { lang: 'en', t: en, a: actionsEn, other: nl },
  { lang: 'nl', t: nl, a: actionsNl, other: en },
] as const;

describe.each(LANGS)('every card in $lang, on a demo company that is overdue', ({ lang, t, a, other }) => {
  it('when a person opens the company, then the sidebar card and each record tab render without a console error', async () => {
    const { page, errors } = await ws.open(`companies/${overdue.id}`, `lang=${lang}`);
    await expectCard(page, 'payment_status_card', t.statOldestOverdue, other.statOldestOverdue);
    await page.click('[data-tab="receivables_card"]');
    await expectCard(page, 'receivables_card', t.statOldestOverdue, other.statOldestOverdue);
    await page.click('[data-tab="call_script_card"]');
    await expectCard(page, 'call_script_card', a.outcomeTitle, other === en ? actionsEn.outcomeTitle : actionsNl.outcomeTitle);
    await page.click('[data-tab="contact_preferences_card"]');
    await expectCard(page, 'contact_preferences_card', a.save, other === en ? actionsEn.save : actionsNl.save);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when a person previews the company from its contact, then the preview card shows the company\'s status, and the contact\'s own sidebar card does too', async () => {
    const { page, errors } = await ws.open(`contacts/${contactId}`, `lang=${lang}`);
    await expectCard(page, 'payment_status_card', t.statOldestOverdue, other.statOldestOverdue);
    await page.click(`[data-preview="companies/${overdue.id}"]`);
    await expectCard(page, 'payment_status_preview_card', t.statOldestOverdue, other.statOldestOverdue);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when a support agent opens a help desk ticket, then the help desk card shows the ticket\'s company status', async () => {
    const { page, errors } = await ws.open(`tickets/${ticketId}`, `lang=${lang}&user=support-agent`);
    await expectCard(page, 'helpdesk_payment_status_card', t.statOverdue, other.statOldestOverdue);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the workspace chrome', () => {
  it('when axe scans the company index, a record with each tab and a ticket, then it finds no serious or critical violation', async () => {
    const { page } = await ws.open('companies');
    await page.locator('.ws-index tbody tr').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${ws.url}#/companies/${overdue.id}`);
    await renderedCard(page, 'payment_status_card');
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const tab of ['receivables_card', 'call_script_card', 'contact_preferences_card']) {
      await page.click(`[data-tab="${tab}"]`);
      await expect.poll(() => page.locator(`[data-card="${tab}"] .hs-spinner`).count(), { timeout: 20_000 }).toBe(0);
      expect(await seriousA11yViolations(page), tab).toEqual([]);
    }
    await page.goto(`${ws.url}#/tickets/${ticketId}`);
    await renderedCard(page, 'helpdesk_payment_status_card');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('when the index is sorted by overdue balance and filtered by dunning stage, then it lists what HubSpot would', async () => {
    const { page, errors } = await ws.open('companies');
    await page.locator('.ws-index tbody tr').first().waitFor();
    const overdueHeader = page.getByRole('button', { name: 'Overdue balance', exact: true });
    await overdueHeader.click();
    await overdueHeader.click();
    await expect.poll(() => page.locator('.ws-index tbody tr').first().innerText()).toContain(overdue.title);
    await page.selectOption('[data-control="filter-column"]', 'rd_dunning_stage');
    await page.fill('[data-control="filter-value"]', 'escalation');
    const expected = (await ws.companies()).filter((c) => (c.properties.rd_dunning_stage ?? '').includes('escalation')).length;
    await expect.poll(() => page.locator('.ws-count').innerText()).toMatch(new RegExp(`^${expected} of `));
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a call with a promise, logged on the Call script card', () => {
  it('when the credit controller logs a reached call with a promise to pay, then the Receivables tab shows the promise and HubSpot has its follow-up task', async () => {
    const { page, errors } = await ws.open(`companies/${overdue.id}`);
    await page.click('[data-tab="call_script_card"]');
    const card = await renderedCard(page, 'call_script_card');
    await card.getByTestId('outcome-form').waitFor();
    await card.getByTestId('with-promise').getByRole('checkbox').check();
    const week = new Date(ws.embedded.time.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    await card.locator('input[name="promiseDate"]').fill(week);
    await card.locator('input[name="promiseAmount"]').fill('1000');
    await card.getByTestId('submit-outcome').getByRole('button').click();
    await card.getByTestId('logged').waitFor({ timeout: 20_000 });

    await page.click('[data-tab="receivables_card"]');
    const receivables = await renderedCard(page, 'receivables_card');
    await expect.poll(() => receivables.textContent(), { timeout: 20_000 }).toContain(en.promisesTitle);
    expect(await receivables.textContent()).toContain('€1,000.00');
    await expect.poll(async () => (await ws.tasks(overdue.id)).filter((t) => t.step === 'check_promise' && t.status !== 'COMPLETED').length, { timeout: 30_000 }).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the clock control', () => {
  it('when a person moves the clock a week on, then the daily pass runs and the cards count a week more overdue', async () => {
    const { page, errors } = await ws.open(`companies/${overdue.id}`);
    const card = await renderedCard(page, 'payment_status_card');
    const oldest = new RegExp(`${en.statOldestOverdue}(\\d+) days`);
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toMatch(oldest);
    const days = async () => Number(oldest.exec((await card.textContent()) ?? '')?.[1]);
    const before = await days();
    const shownBefore = await page.locator('[data-control="now"]').textContent();
    await page.getByRole('button', { name: '+1 week' }).click();
    await expect.poll(() => page.locator('[data-control="now"]').textContent(), { timeout: 60_000 }).not.toBe(shownBefore);
    await expect.poll(days, { timeout: 30_000 }).toBe(before + 7);
    expect(errors).toEqual([]);
    await page.close();
  });
});
