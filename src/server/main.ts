/**
 * `npm start`: the backend. With no configuration it runs the main job on the embedded default — a private
 * Redis, the local HubSpot sandbox with a demo portal, the demo accounting export imported, the CRM sync
 * and the reminder run — prints a summary and keeps serving. With HUBSPOT_BASE_PATH set, the same code
 * talks to HubSpot.
 */
import type { Server } from 'node:http';
import { composeBackend, type Backend } from './compose';
import { ConfigError, describeConfig, loadConfig, usesEmbeddedSandbox, type Config } from './config';
import { formatDemoSummary, runDemo } from './embedded/demo-run';
import { startEmbeddedHubSpot, type EmbeddedHubSpot } from './embedded/embedded-hubspot';
import { createLogger, type Logger } from './infra/logger';
import { startPrivateRedis, type PrivateRedis } from './infra/redis-server';
import { TIER_PER_10S } from './rate/rate-budget';

const DEMO_SEED = 42;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  log.info({ config: describeConfig(config) }, 'starting');
  const stops: (() => Promise<void>)[] = [];
  const shutdown = async (code: number) => {
    for (const stop of stops.reverse()) await stop().catch((e: Error) => log.error({ err: e.message }, 'shutdown step failed'));
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  process.on('unhandledRejection', (reason) => {
    log.error({ err: reason instanceof Error ? reason.message : String(reason) }, 'unhandled rejection');
    void shutdown(1);
  });

  let privateRedis: PrivateRedis | undefined;
  if (!config.REDIS_URL) {
    privateRedis = await startPrivateRedis();
    stops.push(() => privateRedis!.stop());
  }
  const redisUrl = config.REDIS_URL ?? privateRedis!.url;

  const embedded = usesEmbeddedSandbox(config)
    ? await startEmbeddedHubSpot({ seed: DEMO_SEED, redirectUri: `${config.PUBLIC_BASE_URL}/oauth/callback` })
    : undefined;
  if (embedded) stops.push(() => embedded.sandbox.close());

  const backend = composeBackend({
    config, log, redisUrl,
    clientId: embedded?.clientId ?? config.HUBSPOT_CLIENT_ID!,
    clientSecret: embedded?.clientSecret ?? config.HUBSPOT_CLIENT_SECRET!,
    hubspotBasePath: embedded?.sandbox.url ?? config.HUBSPOT_BASE_PATH!,
    publicBaseUrl: config.PUBLIC_BASE_URL,
    tokenKey: config.TOKEN_ENCRYPTION_KEY,
  });
  stops.push(() => backend.close());
  if (embedded) await installEmbeddedPortal(backend, embedded, config);

  const workers = backend.startBackgroundWork();
  stops.push(() => workers.close());
  const server = await listen(backend, config.PORT);
  stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  log.info({ port: config.PORT }, 'listening');

  if (embedded) await runEmbeddedDemo(backend, embedded, redisUrl, config, log);
  else console.log(`Receivables Desk backend listening on port ${config.PORT} (HubSpot at ${config.HUBSPOT_BASE_PATH}); install: ${config.PUBLIC_BASE_URL}/oauth/install`);
}

async function installEmbeddedPortal(backend: Backend, embedded: EmbeddedHubSpot, config: Config): Promise<void> {
  const portal = await backend.hubspot.portals.register({
    portalId: embedded.portalId, timeZone: 'Europe/Amsterdam', country: 'NL', tier: config.HUBSPOT_RATE_LIMIT_TIER,
    basePath: embedded.sandbox.url, currency: 'EUR',
    ...(embedded.creditControllerOwnerId ? { creditControllerOwnerId: embedded.creditControllerOwnerId } : {}),
  });
  await backend.hubspot.tokens.save(embedded.portalId, { accessToken: embedded.accessToken });
  await backend.queues.upsertDailyScheduling(portal);
}

async function runEmbeddedDemo(backend: Backend, embedded: EmbeddedHubSpot, redisUrl: string, config: Config, log: Logger): Promise<void> {
  const result = await runDemo(backend, embedded, redisUrl, new Date());
  const apiKey = await backend.apiKeys.createApiKey(embedded.portalId, 'local demo');
  const lines = [
    '',
    ...formatDemoSummary(result, TIER_PER_10S[config.HUBSPOT_RATE_LIMIT_TIER]),
    '',
    `  Backend:              ${config.PUBLIC_BASE_URL} (health: /health, metrics: /metrics)`,
    `  Local HubSpot:        ${embedded.sandbox.url} — portal ${embedded.portalId} (inspect: ${embedded.sandbox.url}/_sandbox/portals/${embedded.portalId}/state)`,
    `  Ingest API key:       ${apiKey.key}  (local demo only; e.g. curl -H "Authorization: Bearer <key>" ${config.PUBLIC_BASE_URL}/api/ingest/unmatched)`,
    '  Still serving; the daily reminder run is scheduled at 07:00 Europe/Amsterdam. Ctrl-C stops everything.',
    '',
  ];
  log.info({ created: result.report.created, tasks: result.scheduling.created }, 'demo run finished');
  console.log(lines.join('\n'));
}

function listen(backend: Backend, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = backend.app.listen(port, () => resolve(server));
    server.once('error', reject);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`start-up failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  process.exit(1);
});
