/**
 * `npm run sandbox`: a local HubSpot stand-in with one demo portal, a registered OAuth app and a
 * long-lived token, running until Ctrl-C. Env: SANDBOX_PORT (default 4010), SANDBOX_SEED (default 42).
 * The portal has HubSpot's marketplace limits (110 requests per 10 s, search 5/s) unless told otherwise,
 * so what is tried against it behaves like HubSpot:
 *   npm run sandbox -- --rate-limit off|marketplace|private-starter|private-pro|private-addon
 *   npm run sandbox -- --webhooks-to http://localhost:3000/webhooks/hubspot   (signed with the demo app's secret)
 */
import { parseArgs } from 'node:util';
import type { RateLimitTier } from './crm/types';
import { startSandbox } from './server';
import { SandboxState } from './state';
import { generateDemoData, loadDemoPortal } from './demo';
import { registerApp } from './oauth';
import { startWebhookDelivery } from './webhooks';

const DEMO_APP = { clientId: 'receivables-desk-demo', clientSecret: 'sandbox-demo-secret', redirectUri: 'http://localhost:3000/oauth/callback' };
const LONG_LIVED_SECONDS = 365 * 24 * 3600;

function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const TIERS: readonly RateLimitTier[] = ['off', 'marketplace', 'private-starter', 'private-pro', 'private-addon'];

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function flags(): { tier: RateLimitTier; webhooksTo?: URL } {
  let values: { 'rate-limit'?: string; 'webhooks-to'?: string };
  try {
    ({ values } = parseArgs({ options: { 'rate-limit': { type: 'string' }, 'webhooks-to': { type: 'string' } } }));
  } catch (err) {
    fail(`${(err as Error).message}\nusage: npm run sandbox -- [--rate-limit ${TIERS.join('|')}] [--webhooks-to <url>]`);
  }
  const tier = values['rate-limit'] ?? 'marketplace';
  if (!TIERS.includes(tier as RateLimitTier)) fail(`--rate-limit must be one of ${TIERS.join(', ')}, got "${tier}"`);
  const raw = values['webhooks-to'];
  const webhooksTo = raw === undefined ? undefined : URL.canParse(raw) ? new URL(raw) : fail(`--webhooks-to must be a URL, got "${raw}"`);
  return { tier: tier as RateLimitTier, ...(webhooksTo ? { webhooksTo } : {}) };
}

async function main(): Promise<void> {
  const port = intFromEnv('SANDBOX_PORT', 4010, 0, 65_535);
  const seed = intFromEnv('SANDBOX_SEED', 42, 0, 2 ** 31 - 1);
  const { tier, webhooksTo } = flags();
  const state = new SandboxState();
  const portal = state.createPortal({ settings: { rateLimitTier: tier } });
  const data = generateDemoData(seed);
  loadDemoPortal(portal, data);
  const app = registerApp(state, DEMO_APP);
  const token = state.issueAccessToken(portal.hubId, { expiresInSeconds: LONG_LIVED_SECONDS });
  const sandbox = await startSandbox({ state, port });
  const webhooks = webhooksTo
    ? startWebhookDelivery(state, { targetUrl: webhooksTo.href, clientSecret: DEMO_APP.clientSecret, appId: app.appId })
    : undefined;

  // The token is printed on purpose: it is a throwaway credential for a local, in-memory sandbox.
  console.log(`HubSpot sandbox listening on ${sandbox.url}`);
  console.log(`Portal id (hub_id): ${portal.hubId}  (demo seed ${seed}: ${data.companies.length} companies, ${data.contacts.length} contacts)`);
  console.log(tier === 'off'
    ? 'Rate limits: off (--rate-limit off); HubSpot itself would answer 429 beyond 110 requests per 10 s'
    : `Rate limits: HubSpot's ${tier} tier (search 5/s); --rate-limit off turns them off`);
  console.log(webhooks
    ? `Webhooks: CRM changes are delivered to ${webhooksTo!.href}, signed (v3) with the demo app's client secret, with HubSpot's retries`
    : 'Webhooks: not delivered (--webhooks-to <url> sends them, signed like HubSpot)');
  console.log(`Access token: ${token}`);
  console.log(`OAuth app: client_id=${app.clientId} client_secret=${DEMO_APP.clientSecret} app_id=${app.appId} redirect_uri=${app.redirectUri}`);
  console.log(`Use it: new Client({ accessToken: '<token above>', basePath: '${sandbox.url}' })  (from '@hubspot/api-client')`);
  console.log(`Admin: ${sandbox.url}/_sandbox/portals · demo CSV: ${sandbox.url}/_sandbox/demo/invoices.csv?seed=${seed}&asOf=${new Date().toISOString().slice(0, 10)}`);
  console.log('Press Ctrl-C to stop.');

  const shutdown = (): void => {
    webhooks?.stop();
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(`sandbox failed to start: ${(err as Error).message}`);
  process.exit(1);
});
