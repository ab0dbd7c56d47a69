/**
 * Child process: the card API as production runs it (Express, signature check, Redis ledger store), plus the
 * HubSpot-reading variant on another path. Separate from the load generator so they do not share a CPU loop.
 * Env: REDIS_URL, REDIS_PREFIX, CLIENT_SECRET, PUBLIC_BASE_URL, SANDBOX_URL, SANDBOX_TOKEN. Prints {port}.
 */
import type { AddressInfo } from 'node:net';
import { Client } from '@hubspot/api-client';
import express from 'express';
import { DEFAULT_POLICY } from '../../src/domain/policy/policy';
import { createCardsRouter } from '../../src/server/http/cards/router';
import { errorHandler } from '../../src/server/http/error-handler';
import { createLogger } from '../../src/server/infra/logger';
import { createRedis } from '../../src/server/infra/redis';
import { createRedisLedgerStore } from '../../src/server/ledger/redis-ledger-store';
import { createHubSpotReadingRouter } from './hubspot-variant';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};

const calendar = { timeZone: 'Europe/Amsterdam', holidays: new Set<string>() };
const redis = createRedis(env('REDIS_URL'), 'worker');
const app = express();
const cardsRouter = (viewCacheTtlMs?: number) => createCardsRouter({
  ledger: createRedisLedgerStore(redis, env('REDIS_PREFIX')),
  clientSecret: env('CLIENT_SECRET'),
  publicBaseUrl: env('PUBLIC_BASE_URL'),
  now: () => new Date(),
  calendarFor: () => calendar,
  policy: DEFAULT_POLICY,
  ...(viewCacheTtlMs !== undefined ? { viewCacheTtlMs } : {}),
});
app.use('/api/cards', cardsRouter());
// The same router recomputing every request: what one request costs without the 2 s view cache.
app.use('/api/cards-uncached', cardsRouter(0));
app.use('/api/hubspot-cards', createHubSpotReadingRouter({
  client: new Client({ accessToken: env('SANDBOX_TOKEN'), basePath: env('SANDBOX_URL'), numberOfApiCallRetries: 0 }),
  clientSecret: env('CLIENT_SECRET'),
  publicBaseUrl: env('PUBLIC_BASE_URL'),
  calendar,
  policy: DEFAULT_POLICY,
}));
app.use(errorHandler(createLogger('warn')));
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on('SIGTERM', () => { server.close(); void redis.quit().then(() => process.exit(0)); });
