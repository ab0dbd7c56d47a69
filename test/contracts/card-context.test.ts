import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/contracts/api-error';
import { CompanyCardQuery, ReceivablesQuery } from '../../src/contracts/card-context';

describe('ReceivablesQuery', () => {
  it('when only portal and company are given, then page 1 of 25, most overdue first', () => {
    expect(ReceivablesQuery.parse({ portalId: '1', companyId: '2', appId: '99' })).toEqual({
      portalId: '1', companyId: '2', page: 1, pageSize: 25, sort: '-daysOverdue',
    });
  });

  it('when paging comes as query strings, then it is coerced to numbers', () => {
    expect(ReceivablesQuery.parse({ portalId: '1', companyId: '2', page: '3', pageSize: '100', sort: 'dueDate' }))
      .toMatchObject({ page: 3, pageSize: 100, sort: 'dueDate' });
  });

  it.each([
    [{ portalId: 'abc', companyId: '2' }, 'portalId'],
    [{ portalId: '1' }, 'companyId'],
    [{ portalId: '1', companyId: '2', pageSize: '101' }, 'pageSize'],
    [{ portalId: '1', companyId: '2', page: '0' }, 'page'],
    [{ portalId: '1', companyId: '2', sort: 'name' }, 'sort'],
    [{ portalId: ['1', '2'], companyId: '2' }, 'portalId'],
  ])('when the query is %o, then it is rejected at %s', (query, field) => {
    const r = ReceivablesQuery.safeParse(query);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual([field]);
  });

  it('when the sort is wrong, then the message lists the choices', () => {
    const r = ReceivablesQuery.safeParse({ portalId: '1', companyId: '2', sort: 'x' });
    expect(r.error!.issues[0]!.message).toContain('daysOverdue');
  });
});

describe('CompanyCardQuery and ApiError', () => {
  it('when ids are numeric strings, then they pass; an api error needs a code', () => {
    expect(CompanyCardQuery.parse({ portalId: '123', companyId: '456' })).toEqual({ portalId: '123', companyId: '456' });
    expect(ApiError.safeParse({ message: 'x' }).success).toBe(false);
  });
});
