import { Client } from '@hubspot/api-client';
import { z } from 'zod';
import type { PortalRegistry } from '../portals/portal-registry';
import type { RefreshTokens } from '../portals/token-store';

const TokenResponse = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1), expires_in: z.number().int().positive() });

/**
 * Refresh through `/oauth/v3/token` (form POST). The api-client's tokensApi still calls /oauth/v1/token,
 * which stops working on 2027-02-16 (reference §7), so the request goes through `apiRequest`.
 */
export function createOAuthRefresher(opts: { clientId: string; clientSecret: string; portals: PortalRegistry }): RefreshTokens {
  return async (portalId, refreshToken) => {
    const portal = await opts.portals.require(portalId);
    const client = new Client({ basePath: portal.basePath, numberOfApiCallRetries: 0 });
    const res = await client.apiRequest({
      method: 'POST', path: '/oauth/v3/token', defaultJson: false,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: opts.clientId, client_secret: opts.clientSecret, refresh_token: refreshToken }).toString(),
    });
    if (!res.ok) throw new Error(`token refresh for portal ${portalId} failed with status ${res.status}`);
    const body = TokenResponse.parse(await res.json());
    return { accessToken: body.access_token, refreshToken: body.refresh_token, expiresInSec: body.expires_in };
  };
}
