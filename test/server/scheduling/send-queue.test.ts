import { describe, expect, it } from 'vitest';
import { createSendQueue } from '../../../src/server/scheduling/send-queue';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('the queue of sends', () => {
  it('when sends are added faster than they finish, then they run one at a time in order and add waits only beyond the allowed number', async () => {
    const q = createSendQueue({ ahead: 2, concurrent: 1 });
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
    const q = createSendQueue({ ahead: 10, concurrent: 1 });
    const started: number[] = [];
    await q.add(async () => { started.push(1); await tick(); throw new Error('refused'); });
    await q.add(async () => { started.push(2); });
    await expect(q.drain()).rejects.toThrow('refused');
    expect(started).toEqual([1]);

    const r = createSendQueue({ ahead: 10, concurrent: 1 });
    const ran: number[] = [];
    await r.add(async () => { ran.push(1); await tick(); });
    await r.add(async () => { ran.push(2); });
    await r.stop();
    expect(ran).toEqual([1]);
  });

  it('when several may run at once, then no more than that run, they start in order, and a failure lets the others under way end first', async () => {
    const q = createSendQueue({ ahead: 10, concurrent: 3 });
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const ended: number[] = [];
    const send = (n: number, fail = false) => async () => {
      started.push(n); running++; most = Math.max(most, running);
      await tick();
      running--; ended.push(n);
      if (fail) throw new Error(`send ${n} refused`);
    };
    for (let n = 1; n <= 6; n++) await q.add(send(n));
    await q.drain();
    expect(most).toBe(3);
    expect(started).toEqual([1, 2, 3, 4, 5, 6]);

    const f = createSendQueue({ ahead: 10, concurrent: 3 });
    started.length = 0;
    ended.length = 0;
    await f.add(send(1, true));
    await f.add(send(2));
    await f.add(send(3));
    await f.add(send(4));
    await expect(f.drain()).rejects.toThrow('send 1 refused');
    expect(started).toEqual([1, 2, 3]);
    expect(ended.sort()).toEqual([1, 2, 3]);
  });
});
