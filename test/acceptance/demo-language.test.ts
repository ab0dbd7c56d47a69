import { describe, expect, it } from 'vitest';
import { allPages, demoPortal } from './support/demo-portal';
import { foreignWords, lazyPlurals } from '../support/one-language';

/**
 * What `npm start` leaves in the demo portal (a Dutch portal, Europe/Amsterdam), read the way a credit
 * controller meets it: the tasks in HubSpot, through the real api-client. Every task is written in the portal's
 * language from its first word to its last — subject, facts, reasons and the call script — with real plurals.
 */
const portal = demoPortal('demo-lang');

describe('the demo portal\'s tasks', () => {
  it('when npm start has run, then every task text is Dutch only, with real plurals', async () => {
    const tasks = await allPages((after) => portal.hs().crm.objects.tasks.basicApi.getPage(100, after, ['hs_task_subject', 'hs_task_body', 'rd_step']));
    const companies = await allPages((after) => portal.hs().crm.companies.basicApi.getPage(100, after, ['name']));
    const names = ['Receivables Desk', ...companies.map((c) => c.properties.name ?? '')];
    expect(tasks.length).toBeGreaterThan(10);
    const mixed = tasks.flatMap((t) => {
      const text = `${t.properties.hs_task_subject}\n${t.properties.hs_task_body}`;
      const foreign = foreignWords('nl', text, names);
      const lazy = lazyPlurals(text);
      return foreign.length + lazy.length > 0 ? [{ task: t.properties.hs_task_subject, foreign: [...new Set(foreign)], lazy }] : [];
    });
    expect(mixed).toEqual([]);
    // The subjects name the step in Dutch, and the call tasks carry the Dutch script.
    expect(tasks.some((t) => /^Bellen: /.test(t.properties.hs_task_subject ?? '') && /\nBelscript:\n/.test(t.properties.hs_task_body ?? ''))).toBe(true);
  });
});
