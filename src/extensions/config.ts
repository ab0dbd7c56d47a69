/**
 * Where the card API lives. It comes from the HubSpot profile variable BACKEND_ORIGIN
 * (`src/hsprofile.<name>.json` → `context.variables`), so each profile (local, staging, production) points
 * at its own backend without a code change. The origin must also be listed in app-hsmeta.json
 * `permittedUrls.fetch`. The fallback only serves tests and local rendering.
 */
export const DEFAULT_BACKEND_ORIGIN = 'https://receivables-desk.example.com';

export function backendOrigin(variables: Readonly<Record<string, unknown>> | undefined): string {
  const value = variables?.BACKEND_ORIGIN;
  if (typeof value !== 'string' || !/^https:\/\/[^/?#\s]+\/?$/.test(value.trim())) return DEFAULT_BACKEND_ORIGIN;
  return value.trim().replace(/\/$/, '');
}
