import { describe, expect, it } from 'vitest';
import { classify, msUntilMidnight } from '../../../src/server/hubspot/retry-policy';

const httpError = (code: number, body: object = {}) => Object.assign(new Error(`HTTP ${code}`), { code, body });

describe('retry policy', () => {
  it('when HubSpot answers 429 TEN_SECONDLY_ROLLING, then retry after 10 s and block the portal window', () => {
    const v = classify(httpError(429, { policyName: 'TEN_SECONDLY_ROLLING', message: 'You have reached your ten_secondly_rolling limit.' }), 1);
    expect(v).toMatchObject({ kind: 'retry', delayMs: 10_000, blockPortal: true });
  });

  it('when the search limit answers 429 secondly, then retry after 1 s without blocking standard calls', () => {
    const v = classify(httpError(429, { message: 'You have reached your secondly limit.' }), 1);
    expect(v).toEqual({ kind: 'retry', delayMs: 1000, reason: 'rate limit SECONDLY' });
  });

  it('when the daily limit is hit, then park the portal until midnight in its zone', () => {
    const v = classify(httpError(429, { policyName: 'DAILY' }), 1, { timeZone: 'Europe/Amsterdam', now: new Date('2026-11-23T22:00:00Z') });
    expect(v.kind).toBe('park');
    if (v.kind === 'park') expect(v.delayMs).toBe(3600_000); // 23:00 local → one hour to midnight
  });

  it('when a record is locked (423), then retry after at least 2 s', () => {
    for (let attempt = 1; attempt < 6; attempt++) {
      const v = classify(httpError(423), attempt);
      expect(v.kind).toBe('retry');
      if (v.kind === 'retry') expect(v.delayMs).toBeGreaterThanOrEqual(2000);
    }
  });

  it('when HubSpot fails with 5xx, then back off exponentially', () => {
    const delays = [1, 2, 3, 4, 5].map((a) => { const v = classify(httpError(503), a); return v.kind === 'retry' ? v.delayMs : -1; });
    expect(delays.every((d) => d > 0)).toBe(true);
    expect(delays[4]!).toBeGreaterThan(delays[0]! * 2);
  });

  it('when the network fails, then retry', () => {
    expect(classify(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 1).kind).toBe('retry');
  });

  it('when HubSpot rejects the input (400, 404, 409, 401), then it is permanent', () => {
    for (const code of [400, 401, 403, 404, 409]) {
      expect(classify(httpError(code, { category: 'VALIDATION_ERROR' }), 1).kind).toBe('permanent');
    }
  });

  it('when the api-client passes the body as a JSON string, then it is still understood', () => {
    const v = classify(Object.assign(new Error('x'), { code: 429, body: '{"policyName":"DAILY"}' }), 1);
    expect(v.kind).toBe('park');
  });

  it('when it is just after midnight, then the park lasts almost a day', () => {
    expect(msUntilMidnight(new Date('2026-11-23T23:30:00Z'), 'Europe/Amsterdam')).toBe(23.5 * 3600_000);
  });
});
