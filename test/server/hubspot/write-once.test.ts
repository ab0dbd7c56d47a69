import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { injectFault } from '../../../src/sandbox/faults';
import { WRITE_KEY } from '../../../src/server/hubspot/crm-schema';
import { startHarness, type Harness } from './harness';

/** Creates under a write key, on a portal whose schema predates write keys (no sync ran since the upgrade). */
let h: Harness;
beforeEach(async () => { h = await startHarness({ companies: 2 }); });
afterEach(async () => h.close());

const task = (key: string, companyId: string) => ({ actionKey: key, companyId, type: 'todo' as const, subject: 's', body: 'b', dueAt: '2026-11-24T09:00:00.000Z', priority: 'low' as const });

describe('writes under a key', () => {
  it('when a note is created before the portal has the write-key property, then the property is created (unique) and the note once', async () => {
    const first = await h.services.gateway.createNote(h.portalId, { key: 'n-1', companyId: h.companyIds[0]!, body: 'x', at: '2026-11-23T10:00:00.000Z' });
    const again = await h.services.gateway.createNote(h.portalId, { key: 'n-1', companyId: h.companyIds[0]!, body: 'x', at: '2026-11-23T10:00:00.000Z' });
    expect(again).toBe(first);
    expect(h.hub.listObjects('notes')).toHaveLength(1);
    expect(h.hub.properties('notes').list().find((p) => p.name === WRITE_KEY)).toMatchObject({ hasUniqueValue: true });
  });

  it('when tasks are created before the portal has the write-key property, then they are created, and a second create of the same keys makes none', async () => {
    const drafts = [task('t-1', h.companyIds[0]!), task('t-2', h.companyIds[1]!)];
    const first = await h.services.gateway.createTasks(h.portalId, drafts);
    expect(first.rejected).toEqual([]);
    const again = await h.services.gateway.createTasks(h.portalId, drafts);
    expect(again).toEqual(first);
    expect(h.hub.listObjects('tasks')).toHaveLength(2);
  });

  it('when the answer to a batch of tasks is lost, then the retry reads them back by key and sends only what is missing', async () => {
    await h.services.gateway.ensureSchema(h.portalId, { dunningStages: [] });
    injectFault(h.sandbox.state, h.hub.hubId, { pathPattern: 'tasks/batch/create$', kind: 'lose_answer', count: 1 });
    const { created } = await h.services.gateway.createTasks(h.portalId, [task('t-3', h.companyIds[0]!), task('t-4', h.companyIds[1]!)]);
    expect(created.map((c) => c.actionKey)).toEqual(['t-3', 't-4']);
    expect(h.hub.listObjects('tasks')).toHaveLength(2);
    expect(h.calls(/POST .*tasks\/batch\/create/)).toBe(1);
    expect(h.calls(/POST .*batch\/read/)).toBe(1);
  });
});
