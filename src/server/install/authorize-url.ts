/** HubSpot's install screen; the embedded sandbox (any other base path) serves its own stand-in. */
export const HUBSPOT_AUTHORIZE_URL = 'https://app.hubspot.com/oauth/authorize';

const HUBSPOT_API_HOST = /(^|\.)hubapi\.com$/;

export function authorizeEndpointFor(basePath: string): string {
  const host = new URL(basePath).hostname;
  return HUBSPOT_API_HOST.test(host) ? HUBSPOT_AUTHORIZE_URL : `${basePath.replace(/\/+$/, '')}/oauth/authorize`;
}

/** The authorize URL of reference §7: client_id, redirect_uri, space-separated scope, state. */
export function buildAuthorizeUrl(opts: { endpoint: string; clientId: string; redirectUri: string; scopes: readonly string[]; state: string }): string {
  const url = new URL(opts.endpoint);
  url.searchParams.set('client_id', opts.clientId);
  url.searchParams.set('redirect_uri', opts.redirectUri);
  url.searchParams.set('scope', opts.scopes.join(' '));
  url.searchParams.set('state', opts.state);
  return url.toString();
}
