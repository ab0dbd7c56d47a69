import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import type { Express } from 'express';
import { DEFAULT_POLICY } from '../../../../src/domain/policy/policy';
import { createApp } from '../../../../src/server/http/app';
import { createCardsRouter } from '../../../../src/server/http/cards/router';
import { createLogger } from '../../../../src/server/infra/logger';
import { createRedisLedgerStore } from '../../../../src/server/ledger/redis-ledger-store';
import type { LedgerStore } from '../../../../src/server/ledger/ledger-store';
import { uniquePrefix } from '../../../support/redis';

export const SECRET = 'test-client-secret';
export const PUBLIC_BASE_URL = 'https://rd.example.com';

/** The real app (lead's createApp + error handler) with the cards router on a real Redis ledger store. */
export function cardsApp(redis: Redis, opts: { now?: () => Date; viewCacheTtlMs?: number } = {}): { app: Express; ledger: LedgerStore } {
  const ledger = createRedisLedgerStore(redis, uniquePrefix('cards'));
  const cards = createCardsRouter({
    ledger,
    clientSecret: SECRET,
    publicBaseUrl: PUBLIC_BASE_URL,
    now: opts.now ?? (() => new Date()),
    calendarFor: () => ({ timeZone: 'Europe/Amsterdam', holidays: new Set<string>() }),
    policy: DEFAULT_POLICY,
    ...(opts.viewCacheTtlMs !== undefined ? { viewCacheTtlMs: opts.viewCacheTtlMs } : {}),
  });
  const app = createApp({ log: createLogger('silent'), metrics: new Registry(), routers: { cards }, ready: async () => ({ ready: true }) });
  return { app, ledger };
}
