import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderedCard, startWorkspace, type CompanyRow, type WorkspaceHarness } from './support/workspace';

let ws: WorkspaceHarness;
let overdue: CompanyRow;

beforeAll(async () => {
  ws = await startWorkspace();
  const companies = await ws.companies();
  const sorted = [...companies].sort((a, b) => Number(b.properties.rd_overdue_balance ?? 0) - Number(a.properties.rd_overdue_balance ?? 0));
  overdue = sorted[0]!;
}, 240_000);

afterAll(async () => { await ws?.close(); });

describe('the workspace runs the cards as HubSpot runs them', () => {
  it('when the credit controller opens a company that is overdue, then the sidebar card built by HubSpot\'s build shows its overdue amount, in English', async () => {
    const { page, errors } = await ws.open(`companies/${overdue.id}`);
    const card = await renderedCard(page, 'payment_status_card');
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toMatch(/overdue for \d+ days/);
    expect(await card.innerText()).toContain('Oldest overdue');
    expect(await page.locator('[data-placeholder]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when the language switch says Dutch, then the same card speaks Dutch', async () => {
    const { page, errors } = await ws.open(`companies/${overdue.id}`, 'lang=nl');
    const card = await renderedCard(page, 'payment_status_card');
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toMatch(/Oudste vervallen/);
    expect(await card.innerText()).not.toContain('Oldest overdue');
    expect(errors).toEqual([]);
    await page.close();
  });
});
