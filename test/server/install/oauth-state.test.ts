import { afterAll, describe, expect, it } from 'vitest';
import { authorizeEndpointFor, buildAuthorizeUrl, HUBSPOT_AUTHORIZE_URL } from '../../../src/server/install/authorize-url';
import { createOAuthStateStore, STATE_TTL_SECONDS } from '../../../src/server/install/oauth-state';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

describe('OAuth state', () => {
  const redis = testRedis();
  const prefix = uniquePrefix('state');
  const states = createOAuthStateStore(redis, prefix);
  afterAll(async () => { await deletePrefix(redis, prefix); await redis.quit(); });

  it('when a state is issued, then it is random, lives 10 minutes in Redis and can be used exactly once', async () => {
    const [a, b] = [await states.issue(), await states.issue()];
    expect(a).not.toBe(b);
    const ttl = await redis.ttl(`${prefix}:install:state:${a}`);
    expect(ttl).toBeGreaterThan(STATE_TTL_SECONDS - 5);
    expect(ttl).toBeLessThanOrEqual(600);
    expect(await states.consume(a)).toBe(true);
    expect(await states.consume(a)).toBe(false);
    expect(await states.consume(b)).toBe(true);
  });

  it('when a state was never issued or has a foreign shape (e.g. a glob), then it is refused', async () => {
    expect(await states.consume('x'.repeat(32))).toBe(false);
    expect(await states.consume('*')).toBe(false);
    expect(await states.consume('')).toBe(false);
  });
});

describe('authorize URL', () => {
  it('when the base path is HubSpot, then users go to app.hubspot.com; for the sandbox, to its stand-in', () => {
    expect(authorizeEndpointFor('https://api.hubapi.com')).toBe(HUBSPOT_AUTHORIZE_URL);
    expect(authorizeEndpointFor('https://api-eu1.hubapi.com')).toBe(HUBSPOT_AUTHORIZE_URL);
    expect(authorizeEndpointFor('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010/oauth/authorize');
  });

  it('when built, then it carries client_id, redirect_uri, space-separated scopes and state, encoded', () => {
    const url = new URL(buildAuthorizeUrl({ endpoint: HUBSPOT_AUTHORIZE_URL, clientId: 'cid', redirectUri: 'https://rd.example.com/oauth/callback', scopes: ['oauth', 'tickets'], state: 's1' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'cid', redirect_uri: 'https://rd.example.com/oauth/callback', scope: 'oauth tickets', state: 's1' });
  });
});
