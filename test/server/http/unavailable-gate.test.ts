import { Router } from 'express';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/http/app';
import { IN_DOUBT_DEADLINE_MS } from '../../../src/server/http/unavailable-gate';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An app whose handlers wait (as on a frozen Redis) until released, behind a gate whose Redis view the test sets. */
const appWaitingOnRedis = () => {
  const view = { up: true, doubt: false };
  let release: () => void = () => undefined;
  const released = new Promise<void>((r) => { release = r; });
  const logged: string[] = [];
  const router = Router()
    .get('/quick', (_req, res) => { res.json({ quick: true }); })
    .get('/late', async (_req, res) => { await released; res.status(200).set('X-Late', '1').json({ late: true }); })
    .get('/fails', async () => { await released; throw new Error('Redis said no'); });
  const app = createApp({
    log: pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) }), metrics: new Registry(), routers: { home: router },
    ready: async () => ({ ready: true }), redis: { available: () => view.up, inDoubt: () => view.doubt },
  });
  return { app, view, release, logged };
};

describe('the gate in front of everything that needs Redis', () => {
  it('when the gate closes under requests in flight, then they are answered 503 with Retry-After at once, and their late answer or failure changes nothing and logs nothing', async () => {
    const { app, view, release, logged } = appWaitingOnRedis();
    const inFlight = Promise.all([request(app).get('/api/home/late').then((r) => r), request(app).get('/api/home/fails').then((r) => r)]);
    await sleep(100);
    view.up = false;
    const t0 = performance.now();
    for (const res of await inFlight) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({ code: 'unavailable' });
    }
    expect(performance.now() - t0).toBeLessThan(500);
    release();
    await sleep(50);
    expect(logged).toEqual([]);
    expect((await request(app).get('/health')).status).toBe(200);
  });

  it('when the probe is in doubt but the gate is open, then a quick request is served and one unanswered for the deadline gets 503', async () => {
    const { app, view, release } = appWaitingOnRedis();
    view.doubt = true;
    expect((await request(app).get('/api/home/quick')).status).toBe(200);
    const t0 = performance.now();
    const late = await request(app).get('/api/home/late');
    const ms = performance.now() - t0;
    expect(late.status).toBe(503);
    expect(ms).toBeGreaterThanOrEqual(IN_DOUBT_DEADLINE_MS - 10);
    expect(ms).toBeLessThan(IN_DOUBT_DEADLINE_MS + 500);
    release();
  });

  it('when Redis is fine, then a slow request waits for its own answer', async () => {
    const { app, release } = appWaitingOnRedis();
    const late = request(app).get('/api/home/late').then((r) => r);
    await sleep(IN_DOUBT_DEADLINE_MS + 200);
    release();
    expect(await late).toMatchObject({ status: 200, body: { late: true } });
  });
});
