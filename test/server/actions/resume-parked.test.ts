import { afterAll, describe, expect, it } from 'vitest';
import { createParkedWrites } from '../../../src/server/actions/parked-writes';
import { createParkedResume } from '../../../src/server/actions/resume-parked';
import { GatewayError } from '../../../src/server/hubspot/gateway-error';
import { createDeadLetters } from '../../../src/server/jobs/dead-letters';
import { createPortalParks } from '../../../src/server/rate/portal-park';
import { PortalParkedError } from '../../../src/server/rate/rate-budget';
import { deletePrefix, testRedis, uniquePrefix } from '../../support/redis';

/**
 * The resume's own rules, with its Redis stores and the services it replays through passed in (the acceptance test
 * daily-limit.test.ts runs the real ones against the sandbox): one log line per resume, a write HubSpot refuses for
 * good becomes a dead letter, a park met again stops the resume with the rest kept, a quarantined portal waits.
 */
const redis = testRedis();
afterAll(async () => { await redis.quit(); });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const outcomeInput = (outcomeId: string) => ({ outcomeId, result: 'not_reached', channel: 'phone', userLanguage: 'en' }) as never;

async function setup(apply: (kind: string, companyId: string) => Promise<void>, registered = true) {
  const prefix = uniquePrefix('resume');
  const parks = createPortalParks(redis, prefix);
  const writes = createParkedWrites(redis, prefix);
  const deadLetters = createDeadLetters(redis, prefix);
  const lines: { level: string; msg: string; obj: object }[] = [];
  const log = { info: (obj: object, msg: string) => lines.push({ level: 'info', msg, obj }), warn: (obj: object, msg: string) => lines.push({ level: 'warn', msg, obj }) };
  const resume = createParkedResume({
    parks, writes, deadLetters, log, portals: { get: async () => (registered ? ({ portalId: '9' } as never) : undefined) },
    logOutcome: async (_p, companyId) => { await apply('outcome', companyId); return {} as never; },
    applyPreferences: (_p, companyId) => apply('preferences', companyId),
  });
  await parks.park('9', 30);
  await writes.keep('9', { kind: 'outcome', companyId: '1', input: outcomeInput('outcome-one'), asOf: '2027-03-01' });
  await writes.keep('9', { kind: 'preferences', companyId: '2' });
  await sleep(60);
  return { prefix, parks, writes, deadLetters, lines, resume, close: () => deletePrefix(redis, prefix) };
}

describe('resuming a parked portal', () => {
  it('when the reset has passed, then each kept write is applied once and removed, and one line says the portal resumed', async () => {
    const applied: string[] = [];
    const s = await setup(async (kind, companyId) => { applied.push(`${kind}:${companyId}`); });
    expect(await s.resume()).toBe(1);
    expect(await s.resume()).toBe(0);
    expect(applied.sort()).toEqual(['outcome:1', 'preferences:2']);
    expect(await s.writes.count('9')).toBe(0);
    expect(s.lines).toEqual([{ level: 'info', msg: 'portal resumed: HubSpot daily limit reset', obj: { portalId: '9', applied: 2 } }]);
    await s.close();
  });

  it('when HubSpot refuses a kept write for good, then it becomes a dead letter of its company and the rest is applied', async () => {
    const s = await setup(async (kind) => {
      if (kind === 'outcome') throw new GatewayError('log call', { kind: 'permanent', reason: 'rejected 404' }, 404);
    });
    await s.resume();
    expect((await s.deadLetters.list('9', 10)).map((l) => ({ kind: l.kind, companyId: l.companyId }))).toEqual([{ kind: 'parked-write', companyId: '1' }]);
    expect(await s.writes.count('9')).toBe(0);
    expect(await s.parks.due()).toEqual([]);
    await s.close();
  });

  it('when the portal is parked again or a write fails for now, then the writes stay and the portal stays on the index', async () => {
    let mode: 'parked' | 'flaky' | 'ok' = 'parked';
    const s = await setup(async () => {
      if (mode === 'parked') throw new PortalParkedError('9', 60_000);
      if (mode === 'flaky') throw new Error('socket hang up');
    });
    await s.resume();
    expect(await s.writes.count('9')).toBe(2);
    mode = 'flaky';
    await s.resume();
    expect(await s.writes.count('9')).toBe(2);
    expect(await s.parks.due()).toEqual(['9']);
    mode = 'ok';
    await s.resume();
    expect(await s.writes.count('9')).toBe(0);
    expect(s.lines.filter((l) => l.level === 'info')).toHaveLength(1);
    await s.close();
  });

  it('when the portal is quarantined, then its kept writes wait for a reinstall', async () => {
    const s = await setup(async () => { throw new Error('must not run'); }, false);
    await s.resume();
    expect(await s.writes.count('9')).toBe(2);
    expect(await s.parks.due()).toEqual(['9']);
    await s.close();
  });
});
