import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMonth, type Month } from './support/month';

/** HubSpot's daily limit spent for the portal: a card write says when to try again instead of failing with a 500. */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

describe('the daily limit', () => {
  it('when HubSpot answers 429 DAILY to a card write, then the card gets 503 with Retry-After until the reset', async () => {
    const company = await m.createCompany({ name: 'Daily BV', domain: 'daily.example' });
    await m.invoices({ hubspotCompanyId: company }, [{ id: 'DAILY-1', amount: 10_000, issued: '2027-01-04', due: '2027-02-03' }]);
    await m.fault({ pathPattern: 'objects/calls', kind: 'status', status: 429, policyName: 'DAILY', count: 1 });
    const res = await m.signedFetch('POST', `/api/cards/outcomes?portalId=${m.portalId}&companyId=${company}`, { outcomeId: 'daily-limit-1', result: 'not_reached' });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ code: 'hubspot_daily_limit' });
  });
});
