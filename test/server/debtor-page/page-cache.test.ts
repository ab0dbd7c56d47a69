import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageCache } from '../../../src/server/debtor-page/page-cache';
import { pageBytes, SUBMISSION_SLOT, TOKEN_SLOT } from '../../../src/server/debtor-page/render/prepared-page';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

let redis: Redis;
const prefix = uniquePrefix('dp-page-cache');
beforeAll(() => { redis = testRedis(); });
afterAll(async () => { await deletePrefix(redis, prefix); await redis.quit(); });

const key = { portalId: '12345', companyId: '501', variant: 'nl|-|-' };
const text = (page: Parameters<typeof pageBytes>[0], token: string) => pageBytes(page, token).toString('utf8');
const html = (label: string) => `<a href="/my/${TOKEN_SLOT}?lang=nl">€ ${label}</a><input value="${SUBMISSION_SLOT}"><form action="/my/${TOKEN_SLOT}/arrange">`;

describe('prepared debtor pages shared through Redis', () => {
  it('when a second process asks for a page of the same fingerprint, then it is served from Redis without rendering, and Redis never holds the token', async () => {
    let builds = 0;
    const build = async () => { builds++; return html('12,00'); };
    const one = createPageCache({ redis, prefix });
    const page = (await one.get(key, 'r1:2027-04-05:3', build))!;
    const other = createPageCache({ redis, prefix });
    const again = (await other.get(key, 'r1:2027-04-05:3', build))!;
    expect(builds).toBe(1);

    const served = text(again, '12345.secret');
    expect(served).toContain('href="/my/12345.secret?lang=nl"');
    expect(served).toContain('action="/my/12345.secret/arrange"');
    expect(text(page, '12345.secret')).toMatch(/value="[A-Za-z0-9_-]{22}"/);
    const stored = (await redis.keys(`${prefix}*`)).map(async (k) => redis.get(k));
    for (const value of await Promise.all(stored)) expect(value).not.toContain('secret');
  });

  it('when the fingerprint changes (a ledger write, a new day), then the page is built again at once, also in a process that had the old one', async () => {
    let label = 'old';
    const build = async () => html(label);
    const one = createPageCache({ redis, prefix });
    const other = createPageCache({ redis, prefix });
    expect(text((await one.get({ ...key, companyId: '502' }, 'r1', build))!, 't')).toContain('old');
    expect(text((await other.get({ ...key, companyId: '502' }, 'r1', build))!, 't')).toContain('old');
    label = 'new';
    expect(text((await one.get({ ...key, companyId: '502' }, 'r2', build))!, 't')).toContain('new');
    expect(text((await other.get({ ...key, companyId: '502' }, 'r2', async () => { throw new Error('must come from Redis'); }))!, 't')).toContain('new');
  });

  it('when concurrent requests ask for a page not built yet, then it is built once; a link that opens nothing is not remembered', async () => {
    let builds = 0;
    const cache = createPageCache({ redis, prefix });
    const build = async () => { builds++; await new Promise((r) => setTimeout(r, 20)); return html('x'); };
    await Promise.all(Array.from({ length: 10 }, () => cache.get({ ...key, companyId: '503' }, 'r1', build)));
    expect(builds).toBe(1);
    expect(await cache.get({ ...key, companyId: '504' }, 'r1', async () => undefined)).toBeUndefined();
    expect(await cache.get({ ...key, companyId: '504' }, 'r1', async () => html('y'))).toBeDefined();
  });
});
