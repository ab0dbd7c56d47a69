import type { Client } from '@hubspot/api-client';
import type { CompanyId, OwnerId } from '../../domain/ledger';
import { readAccountDetails } from './account-info';
import type { HubSpotGateway, OwnerSummary, TaskCompletion } from './gateway';
import { createPortalCaller, type CallerDeps } from './portal-caller';
import { ASSOC, COMPANY_READ_PROPERTIES, assoc, companySearchGroups, rollupProperties, taskCompletion, taskUpdateProperties, toCompanySummary } from './crm-mapping';
import { TASK_ACTION_KEY, WRITE_KEY, appSchema } from './crm-schema';
import { writeSplitting } from './batch-split';
import { postBatch } from './post-batch';
import { createSchemaWriter } from './schema-writer';
import { createTasksOnce } from './task-create';
import { createOnce, readByWriteKey } from './write-once';

const BATCH = 100;

function assertBatch(n: number, what: string): void {
  if (n > BATCH) throw new RangeError(`${what}: at most ${BATCH} per call, got ${n}`);
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** The adapter: the real @hubspot/api-client, one Client per portal, pointed at HubSpot or the sandbox. */
export function createHubSpotGateway(deps: CallerDeps): HubSpotGateway {
  const { call, callCount } = createPortalCaller(deps);
  const tally = (portalId: string, figures: Parameters<NonNullable<CallerDeps['usage']>['add']>[1]) =>
    deps.usage?.add(portalId, figures).catch(() => undefined);

  const ensureObjectSchema = createSchemaWriter(call);

  return {
    callCount,

    accountDetails: (portalId) => call(portalId, 'read account details', 'standard', readAccountDetails),

    async listCompanies(portalId, onPage) {
      let after: string | undefined;
      let seen = 0;
      do {
        const page = await call(portalId, 'list companies', 'standard',
          (c) => c.crm.companies.basicApi.getPage(BATCH, after, COMPANY_READ_PROPERTIES));
        const companies = page.results.map((o) => toCompanySummary({ id: o.id, properties: o.properties }));
        seen += companies.length;
        await onPage(companies);
        after = page.paging?.next?.after;
      } while (after);
      return seen;
    },

    async readCompanies(portalId, companyIds) {
      const found = [];
      for (const ids of chunks([...new Set(companyIds)], BATCH)) {
        const res = await call(portalId, 'read companies', 'standard', (c) => c.crm.companies.batchApi.read({
          inputs: ids.map((id) => ({ id })), properties: COMPANY_READ_PROPERTIES, propertiesWithHistory: [],
        }));
        found.push(...res.results.map((o) => toCompanySummary({ id: o.id, properties: o.properties })));
      }
      return found;
    },

    async findCompanies(portalId, keys) {
      const filterGroups = companySearchGroups(keys);
      if (filterGroups.length === 0) return [];
      const page = await call(portalId, 'search companies', 'search', (c) => c.crm.companies.searchApi.doSearch({
        filterGroups, properties: COMPANY_READ_PROPERTIES, limit: 200, after: '0', sorts: [],
      } as unknown as Parameters<Client['crm']['companies']['searchApi']['doSearch']>[0]));
      return page.results.map((o) => toCompanySummary({ id: o.id, properties: o.properties }));
    },

    async getCompanyOwners(portalId, companyIds) {
      const owners = new Map<CompanyId, OwnerId | undefined>();
      for (const ids of chunks([...new Set(companyIds)], BATCH)) {
        const res = await call(portalId, 'read company owners', 'standard', (c) => c.crm.companies.batchApi.read({
          inputs: ids.map((id) => ({ id })), properties: ['hubspot_owner_id'], propertiesWithHistory: [],
        }));
        for (const o of res.results) owners.set(o.id, o.properties.hubspot_owner_id || undefined);
      }
      return owners;
    },

    async listOwners(portalId) {
      const owners: OwnerSummary[] = [];
      let after: string | undefined;
      do {
        const page = await call(portalId, 'list owners', 'standard', (c) => c.crm.owners.ownersApi.getPage(undefined, after, 100, false));
        for (const o of page.results) {
          const name = [o.firstName, o.lastName].filter(Boolean).join(' ');
          owners.push({ ownerId: o.id, ...(o.userId !== undefined ? { userId: String(o.userId) } : {}), teamIds: (o.teams ?? []).map((t) => t.id), ...(name ? { name } : {}) });
        }
        after = page.paging?.next?.after;
      } while (after);
      return owners;
    },

    async ensureSchema(portalId, options) {
      // The Contact preferences card's properties too, so a synced portal has them before anyone saves preferences.
      const result = { groupsCreated: [] as string[], propertiesCreated: [] as string[], propertiesUpdated: [] as string[] };
      for (const [objectType, defs] of Object.entries(appSchema(options.dunningStages))) {
        const r = await ensureObjectSchema(portalId, objectType, defs);
        result.groupsCreated.push(...r.groupsCreated);
        result.propertiesCreated.push(...r.propertiesCreated);
        result.propertiesUpdated.push(...r.propertiesUpdated);
      }
      return result;
    },

    async updateCompanyRollups(portalId, rollups, syncedAt) {
      assertBatch(rollups.length, 'updateCompanyRollups');
      const refused = await writeSplitting(rollups, (batch) => call(portalId, 'update company rollups', 'standard', (c, answered) => postBatch(c, answered, '/crm/v3/objects/companies/batch/update', {
        inputs: batch.map((r) => ({ id: r.companyId, properties: rollupProperties(r, syncedAt) })),
      })));
      if (rollups.length > refused.length) await tally(portalId, { rollups_written: rollups.length - refused.length });
      return { refused: refused.map((r) => ({ companyId: r.item.companyId, reason: r.reason })) };
    },

    async createTasks(portalId, drafts) {
      assertBatch(drafts.length, 'createTasks');
      if (drafts.length === 0) return { created: [], rejected: [] };
      const result = await createTasksOnce(call, portalId, drafts);
      await tally(portalId, { tasks_created: result.created.length });
      return result;
    },

    async findTasksByActionKey(portalId, actionKeys) {
      // By write key first (a direct read); search only for tasks created before tasks had one.
      const found = await readByWriteKey(call, portalId, 'tasks', actionKeys);
      for (const keys of chunks([...new Set(actionKeys)].filter((k) => !found.has(k)), 50)) {
        let after: string | undefined;
        do {
          const page = await call(portalId, 'search tasks', 'search', (c) => c.crm.objects.tasks.searchApi.doSearch({
            filterGroups: [{ filters: [{ propertyName: TASK_ACTION_KEY, operator: 'IN', values: keys }] }],
            // HubSpot's spec marks after and sorts as required; '0' is the first page.
            properties: [TASK_ACTION_KEY], limit: 100, after: after ?? '0', sorts: [],
          } as unknown as Parameters<Client['crm']['objects']['tasks']['searchApi']['doSearch']>[0]));
          for (const o of page.results) {
            const key = o.properties[TASK_ACTION_KEY];
            // The oldest task wins if, against all odds, there are two.
            if (key && !found.has(key)) found.set(key, o.id);
          }
          after = page.paging?.next?.after;
        } while (after);
      }
      return found;
    },

    async updateTasks(portalId, updates) {
      assertBatch(updates.length, 'updateTasks');
      const refused = await writeSplitting(updates, (batch) => call(portalId, 'update tasks', 'standard', (c) => c.crm.objects.tasks.batchApi.update({
        inputs: batch.map((u) => ({ id: u.taskId, properties: taskUpdateProperties(u) })),
      })).then(() => undefined));
      return { refused: refused.map((r) => ({ taskId: r.item.taskId, reason: r.reason })) };
    },

    async readTaskCompletions(portalId, taskIds) {
      const found = new Map<string, TaskCompletion>();
      for (const ids of chunks([...new Set(taskIds)], BATCH)) {
        const res = await call(portalId, 'read tasks', 'standard', (c) => c.crm.objects.tasks.batchApi.read({
          inputs: ids.map((id) => ({ id })), properties: ['hs_task_status', 'hs_task_completion_date'], propertiesWithHistory: [],
        }));
        for (const o of res.results) found.set(o.id, taskCompletion(o.properties));
      }
      return found;
    },

    async completeTasks(portalId, taskIds) {
      assertBatch(taskIds.length, 'completeTasks');
      const refused = await writeSplitting(taskIds, (batch) => call(portalId, 'complete tasks', 'standard', (c) => c.crm.objects.tasks.batchApi.update({
        inputs: batch.map((id) => ({ id, properties: { hs_task_status: 'COMPLETED' } })),
      })).then(() => undefined));
      if (taskIds.length > refused.length) await tally(portalId, { tasks_closed: taskIds.length - refused.length });
      return { refused: refused.map((r) => ({ taskId: r.item, reason: r.reason })) };
    },

    async createNote(portalId, note) {
      const associations = [assoc(note.companyId, ASSOC.noteToCompany)];
      if (note.contactId) associations.push(assoc(note.contactId, ASSOC.noteToContact));
      const properties: Record<string, string> = { hs_note_body: note.body, hs_timestamp: note.at, [WRITE_KEY]: note.key };
      if (note.ownerId) properties.hubspot_owner_id = note.ownerId;
      return createOnce(call, portalId, 'create note', 'notes', note.key, (c) => c.crm.objects.notes.basicApi.create(
        { properties, associations } as unknown as Parameters<Client['crm']['objects']['notes']['basicApi']['create']>[0]));
    },
  };
}
