import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES, ApiError, knownErrorCode, type ApiErrorBody } from '../../src/contracts/api-error';
import type { FetchFailure } from '../../src/extensions/api/client';
import { AppError } from '../../src/server/errors';

describe('API error codes', () => {
  it('when a card reads an error, then a code of the list is kept and one it does not know is left out, not guessed', () => {
    expect(knownErrorCode('hubspot_failed')).toBe('hubspot_failed');
    expect(knownErrorCode('brand_new_code')).toBeUndefined();
    // A newer backend's code still parses as an error answer.
    expect(ApiError.safeParse({ code: 'brand_new_code', message: 'x' }).success).toBe(true);
  });

  it('when the list is read, then every code is unique and short enough for the contract', () => {
    expect(new Set(API_ERROR_CODES).size).toBe(API_ERROR_CODES.length);
    for (const code of API_ERROR_CODES) expect(ApiError.safeParse({ code, message: '' }).success).toBe(true);
  });

  it('when code names a code that does not exist, then it does not compile (server and card alike)', () => {
    // @ts-expect-error 'hubspot_fail' is not an API error code
    expect(() => new AppError('hubspot_fail', 'typo')).not.toThrow();
    // @ts-expect-error the body a route sends must carry a known code
    const body: ApiErrorBody = { code: 'nope', message: '' };
    const failure = { kind: 'http', status: 502, code: 'hubspot_failed' } as FetchFailure;
    // @ts-expect-error a card comparing with a code that does not exist: no overlap
    const typo = failure.kind === 'http' && failure.code === 'hubspot_fialed';
    expect([body.code, typo]).toEqual(['nope', false]);
  });
});
