import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utcOffsetOf } from '../../src/sandbox/crm/account-info-routes';
import { specFor } from '../../src/sandbox/openapi/validation';
import { startFixture, type SandboxFixture } from './support';

let f: SandboxFixture;
beforeAll(async () => {
  f = await startFixture();
  f.portal.settings = { ...f.portal.settings, timeZone: 'America/New_York', currency: 'USD', additionalCurrencies: ['EUR'] };
});
afterAll(async () => { await f.sandbox.close(); });

describe('Account info v3 through the real api-client', () => {
  it('when the details are read, then they carry the account\'s zone, currencies and offset, valid against HubSpot\'s document', async () => {
    expect(specFor('/account-info/v3/details')).toBe('accountInfo');
    const res = await f.client.apiRequest({ method: 'GET', path: '/account-info/v3/details' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ portalId: f.portal.hubId, timeZone: 'America/New_York', companyCurrency: 'USD', additionalCurrencies: ['EUR'], accountType: 'STANDARD' });
    expect(body.utcOffsetMilliseconds === -5 * 3600_000 || body.utcOffsetMilliseconds === -4 * 3600_000).toBe(true);
  });

  it('when the offset is computed, then it follows daylight saving time', () => {
    expect(utcOffsetOf('America/New_York', new Date('2027-01-15T12:00:00Z'))).toEqual({ utcOffset: '-05:00', utcOffsetMilliseconds: -18_000_000 });
    expect(utcOffsetOf('Europe/Amsterdam', new Date('2027-07-15T12:00:00Z'))).toEqual({ utcOffset: '+02:00', utcOffsetMilliseconds: 7_200_000 });
    expect(utcOffsetOf('Asia/Kolkata', new Date('2027-07-15T12:00:00Z'))).toEqual({ utcOffset: '+05:30', utcOffsetMilliseconds: 19_800_000 });
  });

  it('when the token is missing, then HubSpot\'s 401 comes back', async () => {
    const res = await fetch(`${f.sandbox.url}/account-info/v3/details`);
    expect(res.status).toBe(401);
  });
});
