import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRequiredScopes } from '../../../../src/server/install/app-scopes';
import { oauthStore } from '../../../../src/sandbox/oauth';
import { dailySchedulerId } from '../../../../src/server/jobs/queues';
import { startInstallFixture, type InstallFixture } from '../../install/install-fixture';

const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { redirect: 'manual', headers });

describe('OAuth install against the sandbox', () => {
  let f: InstallFixture;
  beforeAll(async () => { f = await startInstallFixture(); });
  afterAll(async () => { await f.close(); });

  it('when a user installs through /oauth/install and HubSpot approves, then the portal is registered in the HubSpot account\'s time zone and currency, tokens are stored encrypted, the daily run and a first sync are queued', async () => {
    const start = await get(`${f.backendUrl}/oauth/install`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${f.sandbox.url}/oauth/authorize`);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${f.backendUrl}/oauth/callback`);
    expect(authorize.searchParams.get('scope')!.split(' ')).toEqual([...readRequiredScopes()]);
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const approved = await get(authorize.toString());
    expect(approved.status).toBe(302);
    const callback = approved.headers.get('location')!;
    const done = await get(callback, { 'Accept-Language': 'nl-NL,nl;q=0.9,en;q=0.8' });
    const html = await done.text();
    expect(done.status, html).toBe(200);
    expect(html).toContain('Geïnstalleerd');

    const portalId = String(f.hub.hubId);
    expect(await f.portals.get(portalId)).toMatchObject({ portalId, timeZone: 'America/Chicago', currency: 'USD', country: 'NL', tier: 'marketplace', basePath: f.sandbox.url });
    const accessToken = await f.tokens.getAccessToken(portalId);
    expect(f.sandbox.state.portalForToken(accessToken)?.hubId).toBe(f.hub.hubId);
    const raw = (await f.redis.get(`${f.prefix}:p:${portalId}:oauth`))!;
    expect(raw).toBeTruthy();
    expect(raw).not.toContain(accessToken);
    const refreshTokens = [...oauthStore(f.sandbox.state).refreshTokens.keys()];
    expect(refreshTokens).toHaveLength(1);
    expect(raw).not.toContain(refreshTokens[0]);

    const schedulers = await f.queues.scheduling.getJobSchedulers();
    expect(schedulers.find((s) => s.key === dailySchedulerId(portalId))).toMatchObject({ tz: 'America/Chicago' });
    const syncJobs = await f.queues.sync.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(syncJobs.map((j) => j.data)).toContainEqual({ portalId });

    // The same callback again: the state was single-use.
    const replay = await get(callback);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('expired or was already used');
  });

  it('when the callback has no state, a state we never issued, or no code, then it answers 400 with a page and stores nothing', async () => {
    const before = (await f.portals.list()).length;
    expect((await get(`${f.backendUrl}/oauth/callback?code=abc`)).status).toBe(400);
    expect((await get(`${f.backendUrl}/oauth/callback?code=abc&state=${'x'.repeat(32)}`)).status).toBe(400);
    const state = await f.states.issue();
    const noCode = await get(`${f.backendUrl}/oauth/callback?state=${state}`);
    expect(noCode.status).toBe(400);
    expect(await noCode.text()).toContain('authorization code');
    expect((await f.portals.list()).length).toBe(before);
  });

  it('when the state is valid but HubSpot refuses the code, then it answers 400 in English by default', async () => {
    const state = await f.states.issue();
    const res = await get(`${f.backendUrl}/oauth/callback?code=not-a-real-code&state=${state}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('did not accept the authorization code');
  });
});
