import type { Client } from '@hubspot/api-client';
import { taskInput } from './crm-mapping';
import { TASK_ACTION_KEY, taskProperties } from './crm-schema';
import type { CreatedTask, RejectedTask, TaskDraft } from './gateway';
import type { CallPortal } from './portal-caller';
import { createSchemaWriter } from './schema-writer';
import { readByWriteKey } from './write-once';

type TaskBatch = Awaited<ReturnType<Client['crm']['objects']['tasks']['batchApi']['create']>>;
type TaskInputs = Parameters<Client['crm']['objects']['tasks']['batchApi']['create']>[0]['inputs'];
const NOTHING_LEFT = { results: [] } as unknown as TaskBatch;

/**
 * One batch create of at most 100 tasks, each exactly once under its action key (its write key too). A retry
 * after a lost answer first reads back by key what the lost attempt wrote and sends only the rest, so a lost
 * answer costs one read, not a duplicate batch.
 */
export async function createTasksOnce(call: CallPortal, portalId: string, drafts: readonly TaskDraft[]): Promise<{ created: CreatedTask[]; rejected: RejectedTask[] }> {
  const created = new Map<string, string>();
  const left = () => drafts.filter((d) => !created.has(d.actionKey));
  const noteFound = (found: Map<string, string>) => { for (const [key, id] of found) created.set(key, id); };

  const send = async (batch: readonly TaskDraft[]) => {
    let pending = batch;
    const res = await call(portalId, 'create tasks', 'standard', (c) => c.crm.objects.tasks.batchApi.create({
      inputs: pending.map(taskInput) as unknown as TaskInputs,
    }), {
      recover: async () => {
        noteFound(await readByWriteKey(call, portalId, 'tasks', pending.map((d) => d.actionKey)));
        pending = pending.filter((d) => !created.has(d.actionKey));
        return pending.length === 0 ? NOTHING_LEFT : undefined;
      },
    });
    for (const o of res.results) {
      const key = o.properties[TASK_ACTION_KEY];
      if (key) created.set(key, o.id);
    }
    return 'errors' in res && Array.isArray(res.errors) ? res.errors : [];
  };

  let errors = await send(drafts);
  if (errors.length > 0) {
    // A refused input may be a duplicate key: an earlier attempt (a retried job) created that task …
    noteFound(await readByWriteKey(call, portalId, 'tasks', left().map((d) => d.actionKey)));
    // … or the portal's schema predates write keys (no sync since the upgrade): it gets the task properties and the rest one more try.
    if (left().length > 0 && (await createSchemaWriter(call)(portalId, 'tasks', taskProperties())).propertiesCreated.length > 0) {
      errors = await send(left());
    }
  }
  // Categories and the first message only (truncated): enough to act on, short enough for a dead letter.
  const reason = errors.length > 0
    ? `rejected by HubSpot: ${[...new Set(errors.map((e) => e.category))].join(', ')}: ${String(errors[0]!.message).slice(0, 200)}`
    : 'not in HubSpot response';
  return {
    created: drafts.filter((d) => created.has(d.actionKey)).map((d) => ({ actionKey: d.actionKey, taskId: created.get(d.actionKey)! })),
    rejected: left().map((d) => ({ actionKey: d.actionKey, reason })),
  };
}
