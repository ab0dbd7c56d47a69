import { describe, expect, it } from 'vitest';
import { companyBatches, type CompanyOwners } from '../../../src/server/scheduling/company-batches';

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
