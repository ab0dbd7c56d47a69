/**
 * `npm run sandbox`: a local HubSpot stand-in with one demo portal, a registered OAuth app and a
 * long-lived token, running until Ctrl-C. Env: SANDBOX_PORT (default 4010), SANDBOX_SEED (default 42).
 */
import { startSandbox } from './server';
import { SandboxState } from './state';
import { generateDemoData, loadDemoPortal } from './demo';
import { registerApp } from './oauth';

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

async function main(): Promise<void> {
  const port = intFromEnv('SANDBOX_PORT', 4010, 0, 65_535);
  const seed = intFromEnv('SANDBOX_SEED', 42, 0, 2 ** 31 - 1);
  const state = new SandboxState();
  const portal = state.createPortal();
  const data = generateDemoData(seed);
  loadDemoPortal(portal, data);
  const app = registerApp(state, DEMO_APP);
  const token = state.issueAccessToken(portal.hubId, { expiresInSeconds: LONG_LIVED_SECONDS });
  const sandbox = await startSandbox({ state, port });

  // The token is printed on purpose: it is a throwaway credential for a local, in-memory sandbox.
  console.log(`HubSpot sandbox listening on ${sandbox.url}`);
  console.log(`Portal id (hub_id): ${portal.hubId}  (demo seed ${seed}: ${data.companies.length} companies, ${data.contacts.length} contacts)`);
  console.log(`Access token: ${token}`);
  console.log(`OAuth app: client_id=${app.clientId} client_secret=${DEMO_APP.clientSecret} app_id=${app.appId} redirect_uri=${app.redirectUri}`);
  console.log(`Use it: new Client({ accessToken: '<token above>', basePath: '${sandbox.url}' })  (from '@hubspot/api-client')`);
  console.log(`Admin: ${sandbox.url}/_sandbox/portals · demo CSV: ${sandbox.url}/_sandbox/demo/invoices.csv?seed=${seed}&asOf=${new Date().toISOString().slice(0, 10)}`);
  console.log('Press Ctrl-C to stop.');

  const shutdown = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(`sandbox failed to start: ${(err as Error).message}`);
  process.exit(1);
});
