import { describe, expect, it } from 'vitest';
import { companyBatches, type CompanyOwners } from '../../../src/server/scheduling/company-batches';
import { createSendQueue } from '../../../src/server/scheduling/send-queue';

const collect = async (gen: AsyncGenerator<{ ids: string[]; owners: CompanyOwners }>) => {
  const out: { ids: string[]; owners: [string, string | undefined][] }[] = [];
  for await (const b of gen) out.push({ ids: b.ids, owners: [...b.owners] });
  return out;
};
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('the run\'s companies in batches', () => {
  it('when the portal must be listed first, then the companies come page by page with the owners the listing gave, and the ones it did not name follow', async () => {
    const asked: string[][] = [];
    const batches = await collect(companyBatches(['a', 'b', 'c', 'd', 'e'], 2, {
      listing: async (onPage) => {
        onPage(new Map([['x', 'o9'], ['b', 'o1']])); // x: a HubSpot company without invoices
        await tick();
        onPage(new Map([['d', undefined], ['a', 'o2']]));
      },
      owners: async (ids) => { asked.push([...ids]); return new Map(ids.map((id) => [id, `own-${id}`])); },
    }));
    expect(batches).toEqual([
      { ids: ['b', 'd'], owners: [['b', 'o1'], ['d', undefined]] },
      { ids: ['a'], owners: [['a', 'o2']] },
      { ids: ['c', 'e'], owners: [['c', 'own-c'], ['e', 'own-e']] },
    ]);
    expect(asked).toEqual([['c', 'e']]);
  });

  it('when the listing exists already, then every company comes in the given order with its owners looked up', async () => {
    const batches = await collect(companyBatches(['a', 'b', 'c'], 2, { listing: async () => undefined, owners: async (ids) => new Map(ids.map((id) => [id, 'o'])) }));
    expect(batches.map((b) => b.ids)).toEqual([['a', 'b'], ['c']]);
  });

  it('when the listing fails, then the run fails after the pages it delivered', async () => {
    const seen: string[] = [];
    const run = (async () => {
      for await (const b of companyBatches(['a', 'b'], 1, {
        listing: async (onPage) => { onPage(new Map([['a', 'o']])); await tick(); throw new Error('HubSpot down'); },
        owners: async () => new Map(),
      })) seen.push(...b.ids);
    })();
    await expect(run).rejects.toThrow('HubSpot down');
    expect(seen).toEqual(['a']);
  });
});

describe('the queue of sends', () => {
  it('when sends are added faster than they finish, then they run one at a time in order and add waits only beyond the allowed number', async () => {
    const q = createSendQueue(2);
    const log: string[] = [];
    let running = 0;
    const send = (n: number) => async () => { running++; expect(running).toBe(1); log.push(`start ${n}`); await tick(); log.push(`end ${n}`); running--; };
    await q.add(send(1));
    await q.add(send(2));
    expect(log).not.toContain('end 1'); // two may wait: nothing had to finish yet
    await q.add(send(3));
    expect(log).toContain('end 1');
    await q.drain();
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('when a send fails, then the later ones never start and the failure surfaces; stop lets none of the queued ones start', async () => {
    const q = createSendQueue(10);
    const started: number[] = [];
    await q.add(async () => { started.push(1); throw new Error('refused'); });
    await q.add(async () => { started.push(2); });
    await expect(q.drain()).rejects.toThrow('refused');
    expect(started).toEqual([1]);

    const r = createSendQueue(10);
    const ran: number[] = [];
    await r.add(async () => { ran.push(1); await tick(); });
    await r.add(async () => { ran.push(2); });
    await r.stop();
    expect(ran).toEqual([1]);
  });
});
