import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../../src/server/ingest/batch-writer';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('the importers\' batch writer', () => {
  it('when batches are pushed faster than they are written, then they are written one at a time, in order, with at most `ahead` waiting', async () => {
    const written: number[] = [];
    let running = 0;
    let most = 0;
    const writer = createBatchWriter(async (n: number) => {
      running++;
      most = Math.max(most, running);
      await tick();
      written.push(n);
      running--;
    }, 2);
    let pushedBeforeFirstWrite = 0;
    for (let n = 1; n <= 6; n++) {
      await writer.push(n);
      if (written.length === 0) pushedBeforeFirstWrite = n;
    }
    await writer.done();
    expect(written).toEqual([1, 2, 3, 4, 5, 6]);
    expect(most).toBe(1);
    expect(pushedBeforeFirstWrite).toBe(2);
  });

  it('when a write fails, then no later batch is written and the failure reaches the importer', async () => {
    const written: number[] = [];
    const writer = createBatchWriter(async (n: number) => {
      await tick();
      if (n === 2) throw new Error('redis down');
      written.push(n);
    }, 3);
    const pushing = (async () => { for (let n = 1; n <= 5; n++) await writer.push(n); await writer.done(); })();
    await expect(pushing).rejects.toThrow('redis down');
    expect(written).toEqual([1]);
  });
});
