import { Router } from 'express';
import { Registry } from 'prom-client';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { TrustProxy } from '../../../src/server/config';
import { createApp } from '../../../src/server/http/app';
import { createLogger } from '../../../src/server/infra/logger';

/** The address the app takes for the client (what per-address rate limits count), behind proxies or not. */
const clientAddress = async (trustProxy: TrustProxy | undefined, forwardedFor?: string) => {
  const echo = Router().get('/ip', (req, res) => { res.send(req.ip); });
  const app = createApp({ log: createLogger('silent'), metrics: new Registry(), routers: { debtorPage: echo }, ready: async () => ({ ready: true }), ...(trustProxy !== undefined ? { trustProxy } : {}) });
  const req = request(app).get('/my/ip');
  return (await (forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req)).text;
};

describe('which address counts as the client', () => {
  it('when no proxy is trusted (the default), then a made-up X-Forwarded-For changes nothing', async () => {
    expect(await clientAddress(undefined, '203.0.113.7')).toMatch(/127\.0\.0\.1|::1/);
    expect(await clientAddress(false, '203.0.113.7')).toMatch(/127\.0\.0\.1|::1/);
  });

  it('when one proxy hop is trusted, then the address that proxy saw counts, not what the client put before it', async () => {
    expect(await clientAddress(1, 'spoofed-1, 203.0.113.7')).toBe('203.0.113.7');
    expect(await clientAddress(1, '198.51.100.9, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('when the proxies are named by address, then only their word is taken', async () => {
    expect(await clientAddress(['loopback'], '203.0.113.7')).toBe('203.0.113.7');
    expect(await clientAddress(['10.0.0.0/8'], '203.0.113.7')).toMatch(/127\.0\.0\.1|::1/);
  });
});
