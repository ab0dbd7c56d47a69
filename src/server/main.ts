/**
 * `npm start`: the backend. With no configuration it runs on the embedded default — a private Redis, the local
 * HubSpot sandbox with a demo portal delivering webhooks, the demo accounting export imported through the
 * continuous sync — prints what a person needs next and keeps serving. With HUBSPOT_BASE_PATH set, the same
 * composition talks to HubSpot (OAuth installs, or one private-app portal).
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { composeBackend } from './compose';
import { ConfigError, loadConfig, privateAppOf, redactUrlPassword, requiresRedisPersistence, usesEmbeddedSandbox, type Config } from './config';
import { formatDemoSummary, runDemo } from './embedded/demo-run';
import { startEmbeddedWithWorkspace } from './embedded/embedded-workspace';
import { demoDebtorLink } from './debtor-page/demo-link';
import { createLogger, type Logger } from './infra/logger';
import { createRedisHealth } from './infra/redis-health';
import { startPrivateRedis } from './infra/redis-server';
import { TIER_PER_10S } from './rate/rate-budget';
import { createLifecycle } from './runtime/lifecycle';
import { installPrivateApp } from './runtime/private-app';
import { serviceLines } from './runtime/start-summary';

type OnStop = (name: string, stop: () => Promise<void>) => void;

async function main(config: Config, log: Logger, onStop: OnStop): Promise<void> {
  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    const privateRedis = await startPrivateRedis();
    onStop('private redis', () => privateRedis.stop());
    redisUrl = privateRedis.url;
  }
  if (usesEmbeddedSandbox(config)) await startEmbedded(config, log, redisUrl, onStop);
  else await startWithHubSpot(config, log, redisUrl, onStop);
}

async function startEmbedded(config: Config, log: Logger, redisUrl: string, onStop: OnStop): Promise<void> {
  const embedded = await startEmbeddedWithWorkspace({ config, log, redisUrl });
  onStop('backend', () => embedded.close());
  const { backend, hubspot, publicBaseUrl, workspaceUrl } = embedded;
  const result = await runDemo(backend, hubspot);
  const apiKey = await backend.apiKeys.createApiKey(hubspot.portalId, 'local demo');
  const debtor = await demoDebtorLink(backend, hubspot.portalId);
  console.log([
    '',
    ...formatDemoSummary(result, TIER_PER_10S[config.HUBSPOT_RATE_LIMIT_TIER]),
    '',
    ...serviceLines({ publicBaseUrl, redisUrl, portalId: hubspot.portalId, config }),
    `  Ingest API key:       ${apiKey.key}  (local demo; send it as Authorization: Bearer <key>)`,
    `  Local HubSpot:        ${hubspot.sandbox.url}  portal ${hubspot.portalId} (state: ${hubspot.sandbox.url}/_sandbox/portals/${hubspot.portalId}/state)`,
    `  HubSpot access token: ${hubspot.accessToken}  (new Client({ accessToken, basePath: '${hubspot.sandbox.url}' }) from @hubspot/api-client)`,
    ...(debtor ? [`  Debtor page:          ${publicBaseUrl}/my/${debtor.token}  (company ${debtor.companyId}'s own page; ?lang=en|nl)`] : []),
    `  Payments (Mollie):    local stand-in at ${embedded.mollie.url}: its checkout page lets the payment succeed, fail or expire`,
    `  Workspace:            ${workspaceUrl}  (the local HubSpot UI: every card in a real browser, user, language and clock switches)`,
    '',
    '  Every change — invoices and payments in, card actions, companies created, changed or merged in the local',
    '  HubSpot — reaches HubSpot by itself within seconds; the daily pass runs at 07:00 Europe/Amsterdam.',
    '  Ctrl-C stops everything.',
    '',
  ].join('\n'));
}

async function startWithHubSpot(config: Config, log: Logger, redisUrl: string, onStop: OnStop): Promise<void> {
  await requirePersistence(config, redisUrl);
  const privateApp = privateAppOf(config);
  const backend = composeBackend({
    config, log, redisUrl,
    // Private apps have no OAuth client id; the install routes then answer, but no one is sent to them.
    clientId: config.HUBSPOT_CLIENT_ID ?? 'private-app',
    clientSecret: config.HUBSPOT_CLIENT_SECRET!,
    hubspotBasePath: config.HUBSPOT_BASE_PATH!,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    tokenKey: config.TOKEN_ENCRYPTION_KEY,
    ...(config.ADMIN_USER_IDS ? { initialAdmins: async () => config.ADMIN_USER_IDS! } : {}),
    ...(config.MOLLIE_API_KEY ? { mollie: { apiKey: config.MOLLIE_API_KEY, ...(config.MOLLIE_API_ENDPOINT ? { apiEndpoint: config.MOLLIE_API_ENDPOINT } : {}) } } : {}),
  });
  onStop('queues and redis', () => backend.close());
  const server = await listen(backend.app, config.PORT);
  const workers = backend.startBackgroundWork();
  // Stops run in reverse: no new requests first, then the workers finish what they hold.
  onStop('workers', () => workers.close());
  onStop('http server', () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeIdleConnections(); }));
  const portal = privateApp ? await installPrivateApp(backend, config, privateApp) : undefined;
  console.log([
    '',
    `Receivables Desk backend on HubSpot at ${config.HUBSPOT_BASE_PATH}`,
    ...serviceLines({ publicBaseUrl: config.PUBLIC_BASE_URL, redisUrl, config, ...(portal ? { portalId: portal.portalId } : {}) }),
    portal
      ? `  Private app:          portal ${portal.portalId} with the token of HUBSPOT_ACCESS_TOKEN (no OAuth installs)`
      : `  Install:              ${config.PUBLIC_BASE_URL}/oauth/install`,
    '  Ctrl-C stops everything.',
    '',
  ].join('\n'));
}

/** Production refuses a Redis that would come back empty after a restart (tasks would be created twice, agreements lost). */
async function requirePersistence(config: Config, redisUrl: string): Promise<void> {
  if (!requiresRedisPersistence(config)) return;
  const health = createRedisHealth(redisUrl);
  try {
    const mode = await health.persistence();
    if (mode !== 'aof') {
      throw new Error(`Redis at ${redactUrlPassword(redisUrl)} has ${mode === 'rdb' ? 'only RDB snapshots' : 'no persistence'}: production needs AOF ` +
        '(appendonly yes, appendfsync everysec). Configure it, or set REDIS_ALLOW_NO_PERSISTENCE=true to run without.');
    }
  } finally {
    await health.close();
  }
}

function listen(app: RequestListener, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}
const log = createLogger(config.LOG_LEVEL);
const life = createLifecycle(log);
life.handleSignals();
main(config, log, life.onStop).catch((error: unknown) => {
  console.error(`start-up failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  // Whatever did start (the private Redis, the sandbox) is stopped before exiting.
  void life.shutdown(1, 'start-up failed');
});
