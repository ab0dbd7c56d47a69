import type { TestProject } from 'vitest/node';
import { startPrivateRedis, type PrivateRedis } from '../../src/server/infra/redis-server';

let privateRedis: PrivateRedis | undefined;

/** One Redis for the whole run: REDIS_URL when given, else a private redis-server on a unix socket. */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.REDIS_URL;
  if (!url) {
    privateRedis = await startPrivateRedis();
    url = privateRedis.url;
  }
  project.provide('redisUrl', url);
}

export async function teardown(): Promise<void> {
  await privateRedis?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}
