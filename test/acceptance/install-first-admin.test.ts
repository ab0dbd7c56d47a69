import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalSettingsVM } from '../../src/contracts/settings';
import { INSTALLING_USER_ID } from '../../src/sandbox/oauth-store';
import { startMonth, type Month } from './support/month';

/**
 * A new HubSpot account installs the app through the OAuth flow the marketplace uses (/oauth/install → HubSpot's
 * authorize screen → /oauth/callback), against the composition production runs: the user who approved the
 * install is the first admin of the app's settings, the portal runs in the account's own time zone and currency.
 */
let m: Month;
beforeAll(async () => { m = await startMonth({ firstDay: '2027-03-01' }); }, 60_000);
afterAll(async () => { await m?.close(); });

const installer = String(INSTALLING_USER_ID);

describe('an OAuth install', () => {
  it('when a user installs the app for a new account, then they are its first settings admin and nobody else of it is', async () => {
    const account = m.embedded.hubspot.sandbox.state.createPortal({ settings: { timeZone: 'America/Chicago', currency: 'USD' } });
    const portalId = String(account.hubId);
    const start = await fetch(`${m.embedded.publicBaseUrl}/oauth/install`, { redirect: 'manual' });
    const authorize = new URL(start.headers.get('location')!);
    authorize.searchParams.set('portalId', portalId); // the account the user picks on HubSpot's install screen
    const approved = await fetch(authorize, { redirect: 'manual' });
    const done = await fetch(approved.headers.get('location')!, { redirect: 'manual' });
    expect(done.status, await done.text()).toBe(200);

    expect(await m.embedded.backend.hubspot.portals.require(portalId)).toMatchObject({ timeZone: 'America/Chicago', currency: 'USD' });
    const read = async (userId: string) => (await (await m.signedFetch('GET', `/api/settings?portalId=${portalId}&userId=${userId}`)).json()) as PortalSettingsVM;
    const mine = await read(installer);
    expect(mine.adminUserIds).toContain(installer);
    expect(mine.canEdit).toBe(true);
    expect((await read('31337')).canEdit).toBe(false);
    const saved = await m.signedFetch('PATCH', `/api/settings?portalId=${portalId}&userId=${installer}`, { version: mine.version, defaultLanguage: 'en' });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as PortalSettingsVM).defaultLanguage).toBe('en');
  });

  it('when the app is installed again, then the admins it has keep their role and the installer gains nothing', async () => {
    const portalId = m.portalId;
    const before = (await (await m.signedFetch('GET', `/api/settings?portalId=${portalId}`)).json()) as PortalSettingsVM;
    const admin = m.embedded.hubspot.adminUserId!;
    const named = await m.signedFetch('PATCH', `/api/settings?portalId=${portalId}&userId=${admin}`, { version: before.version, adminUserIds: [admin] });
    expect(named.status).toBe(200);
    const start = await fetch(`${m.embedded.publicBaseUrl}/oauth/install`, { redirect: 'manual' });
    const authorize = new URL(start.headers.get('location')!);
    authorize.searchParams.set('portalId', portalId);
    const approved = await fetch(authorize, { redirect: 'manual' });
    expect((await fetch(approved.headers.get('location')!, { redirect: 'manual' })).status).toBe(200);
    const after = (await (await m.signedFetch('GET', `/api/settings?portalId=${portalId}&userId=${installer}`)).json()) as PortalSettingsVM;
    expect(after.adminUserIds).toEqual([admin]);
    expect(after.canEdit).toBe(false);
  });
});
