import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '../../../src/server/config';
import { runDemo } from '../../../src/server/embedded/demo-run';
import { startEmbeddedBackend, type EmbeddedBackend } from '../../../src/server/embedded/embedded-backend';
import { createLogger } from '../../../src/server/infra/logger';
import { hubspotHeaders } from '../../server/http/sign-request';
import { deletePrefix, testRedis, testRedisUrl, uniquePrefix } from '../../support/redis';

/**
 * What `npm start` leaves in the demo portal: the embedded composition with the demo run done, and HubSpot's
 * api-client on its sandbox to read it the way a credit controller meets it. Registers the suite's hooks.
 */
export interface DemoPortal {
  readonly hs: () => Client;
  readonly portalId: () => string;
  /** A request to the backend signed as hubspot.fetch signs it (the cards and the app home). */
  readonly signedGet: (path: string) => Promise<Response>;
}

export function demoPortal(label: string): DemoPortal {
  const prefix = uniquePrefix(label);
  let embedded: EmbeddedBackend | undefined;
  let hs: Client | undefined;
  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', REDIS_PREFIX: prefix, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    embedded = await startEmbeddedBackend({ config, log: createLogger('silent'), redisUrl: testRedisUrl(), loop: { debounceMs: 50, sweepEveryMs: 1000 } });
    await runDemo(embedded.backend, embedded.hubspot);
    hs = new Client({ accessToken: embedded.hubspot.accessToken, basePath: embedded.hubspot.sandbox.url, numberOfApiCallRetries: 3 });
  }, 180_000);
  afterAll(async () => {
    await embedded?.close();
    await deletePrefix(testRedis(), prefix);
  });
  const signedGet = (path: string): Promise<Response> => {
    const { publicBaseUrl: base, hubspot } = embedded!;
    return fetch(`${base}${path}`, { headers: hubspotHeaders({ secret: hubspot.clientSecret, method: 'GET', publicUri: `${base}${path}`, body: '' }) });
  };
  return { hs: () => hs!, portalId: () => embedded!.portalId, signedGet };
}

/** Every page of a HubSpot list, followed by its `after` cursor. */
export async function allPages<T>(page: (after?: string) => Promise<{ results: T[]; paging?: { next?: { after: string } } }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  do {
    const res = await page(after);
    out.push(...res.results);
    after = res.paging?.next?.after;
  } while (after);
  return out;
}
