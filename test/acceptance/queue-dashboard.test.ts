import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBackend } from '../../src/server/compose';
import { loadConfig } from '../../src/server/config';
import { createLogger } from '../../src/server/infra/logger';
import { deletePrefix, testRedis, testRedisUrl, uniquePrefix } from '../support/redis';

/**
 * The operators' queue dashboard (bull-board) as composeBackend mounts it: absent unless QUEUE_DASHBOARD_TOKEN is
 * set, and then only for requests presenting that token (bearer, or basic auth with the token as password).
 */
const TOKEN = randomBytes(24).toString('base64url');
const prefix = uniquePrefix('queue-dashboard');
const compose = (env: Record<string, string>) => composeBackend({
  config: loadConfig({ PORT: '0', REDIS_PREFIX: prefix, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env }),
  log: createLogger('silent'), redisUrl: testRedisUrl(), clientId: 'test', clientSecret: 'secret', hubspotBasePath: 'http://127.0.0.1:9',
  publicBaseUrl: 'https://rd.example', tokenKey: randomBytes(32),
});
let off: ReturnType<typeof compose>;
let on: ReturnType<typeof compose>;
beforeAll(async () => {
  off = compose({});
  on = compose({ QUEUE_DASHBOARD_TOKEN: TOKEN });
  // Until the backend has seen Redis, every route answers 503 (the outage gate).
  for (const b of [off, on]) {
    for (let i = 0; i < 100 && (await request(b.app).get('/ready')).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  await Promise.all([off?.close(), on?.close()]);
  const redis = testRedis();
  await deletePrefix(redis, prefix);
  await redis.quit();
});

describe('the queue dashboard', () => {
  it('when no token is configured, then /admin/queues does not exist', async () => {
    const res = await request(off.app).get('/admin/queues').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found' });
  });

  it('when a token is configured, then a request without it or with another is refused with 401', async () => {
    for (const auth of [undefined, 'Bearer not-the-token', `Basic ${Buffer.from('ops:wrong').toString('base64')}`, TOKEN]) {
      const req = request(on.app).get('/admin/queues/api/queues');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect([auth, res.status]).toEqual([auth, 401]);
      expect(res.headers['www-authenticate']).toMatch(/^Basic/);
    }
  });

  it('when the token is presented as bearer or basic auth, then the dashboard and its queue API answer with the app\'s queues', async () => {
    const page = await request(on.app).get('/admin/queues').set('Authorization', `Bearer ${TOKEN}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
    // The page's own scripts load under the same path and the same token (the browser sends it again).
    const script = /src="(static\/js\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    expect((await request(on.app).get(`/admin/queues/${script}`).set('Authorization', `Bearer ${TOKEN}`)).status).toBe(200);
    expect((await request(on.app).get(`/admin/queues/${script}`)).status).toBe(401);
    const api = await request(on.app).get('/admin/queues/api/queues').set('Authorization', `Basic ${Buffer.from(`ops:${TOKEN}`).toString('base64')}`);
    expect(api.status).toBe(200);
    const names = (api.body as { queues: { name: string; readOnlyMode: boolean }[] }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['sync', 'scheduling', 'refresh']));
    expect(names.length).toBe(4);
  });
});
