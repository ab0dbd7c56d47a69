import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallScriptVM } from '../../../../src/contracts/actions';
import { buildCallScript } from '../../../../src/domain/call-script';
import { testRedis } from '../../../support/redis';
import { invoice, signed, startActionsFixture, type ActionsFixture } from './fixture';

let redis: Redis;
let f: ActionsFixture;

beforeAll(async () => {
  redis = testRedis();
  f = await startActionsFixture(redis, buildCallScript);
  await f.ledger.upsertInvoices(f.portalId, [invoice(f.companyId), invoice(f.companyId, { externalId: 'inv-2', number: 'F-1002', open: { minor: 25_000, currency: 'EUR' } })]);
});
afterAll(async () => {
  await f.close();
  await redis.quit();
});

describe('GET /api/cards/call-script', () => {
  it('when asked in Dutch, then the domain script comes back with the open balance and the invoices the form can name', async () => {
    const res = await signed(f.app, 'GET', `/api/cards/call-script?portalId=${f.portalId}&companyId=${f.companyId}&language=nl&companyName=Bakkerij`);
    expect(res.status).toBe(200);
    const vm = CallScriptVM.parse(res.body);
    expect(vm.language).toBe('nl');
    expect(vm.goals.map((g) => g.id)).toEqual(['when', 'how_much', 'how']);
    expect(vm.open).toEqual([{ minor: 125_000, currency: 'EUR' }]);
    expect(vm.invoices.map((i) => i.number)).toEqual(['F-1001', 'F-1002']);
    expect(vm.excuses.length).toBeGreaterThan(3);
    expect(vm.opening.length).toBeGreaterThan(10);
  });

  it('when no language is asked, then the customer\'s language is used', async () => {
    const res = await signed(f.app, 'GET', `/api/cards/call-script?portalId=${f.portalId}&companyId=${f.companyId}`);
    expect(CallScriptVM.parse(res.body).language).toBe('nl');
  });
});
