import type { Client } from '@hubspot/api-client';
import type { CompanyId, OwnerId } from '../../domain/ledger';
import type { Property } from '@hubspot/api-client/lib/codegen/crm/properties';
import { GatewayError } from './gateway-error';
import type { CreatedTask, HubSpotGateway, RejectedTask } from './gateway';
import { createPortalCaller, type CallerDeps } from './portal-caller';
import { ASSOC, COMPANY_READ_PROPERTIES, assoc, companySearchGroups, rollupProperties, taskInput, taskUpdateProperties, toCompanySummary } from './crm-mapping';
import { GROUP, TASK_ACTION_KEY, appSchema, optionLabel, type PropertyDef } from './crm-schema';

const BATCH = 100;

function assertBatch(n: number, what: string): void {
  if (n > BATCH) throw new RangeError(`${what}: at most ${BATCH} per call, got ${n}`);
}

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

function propertyCreate(def: PropertyDef, displayOrder: number) {
  return {
    name: def.name, label: def.label, type: def.type, fieldType: def.fieldType, groupName: GROUP.name, displayOrder,
    ...(def.description ? { description: def.description } : {}),
    ...(def.options ? { options: def.options.map((value, i) => ({ value, label: optionLabel(value), displayOrder: i, hidden: false })) } : {}),
  };
}

/** Resolves true when created, false when HubSpot answered 409 (someone else created it first). */
async function alreadyExistsIsFine(p: Promise<unknown>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (err) {
    if (err instanceof GatewayError && err.status === 409) return false;
    throw err;
  }
}

/** The adapter: the real @hubspot/api-client, one Client per portal, pointed at HubSpot or the sandbox. */
export function createHubSpotGateway(deps: CallerDeps): HubSpotGateway {
  const { call, callCount } = createPortalCaller(deps);

  /** Creates the group and the missing properties of one object type; adds missing enumeration options. */
  async function ensureObjectSchema(portalId: string, objectType: string, defs: PropertyDef[]) {
    const groups = await call(portalId, 'read property groups', 'standard', (c) => c.crm.properties.groupsApi.getAll(objectType));
    const groupsCreated: string[] = [];
    if (!groups.results.some((g) => g.name === GROUP.name)) {
      const made = await alreadyExistsIsFine(call(portalId, 'create property group', 'standard', (c) => c.crm.properties.groupsApi.create(objectType, { ...GROUP })));
      if (made) groupsCreated.push(`${objectType}.${GROUP.name}`);
    }
    let byName = new Map<string, Property>();
    let missing: { d: PropertyDef; i: number }[] = [];
    const created: string[] = [];
    // Another worker (or install) may be creating the same properties: a 409 means re-read and go on.
    for (let round = 0; round < 3; round++) {
      const existing = await call(portalId, 'read properties', 'standard', (c) => c.crm.properties.coreApi.getAll(objectType));
      byName = new Map(existing.results.map((p) => [p.name, p]));
      missing = defs.map((d, i) => ({ d, i })).filter(({ d }) => !byName.has(d.name));
      if (missing.length === 0) break;
      const inputs = missing.map(({ d, i }) => propertyCreate(d, i));
      const made = await alreadyExistsIsFine(call(portalId, 'create properties', 'standard',
        (c) => c.crm.properties.batchApi.create(objectType, { inputs } as unknown as Parameters<Client['crm']['properties']['batchApi']['create']>[1])));
      if (made) { created.push(...missing.map(({ d }) => `${objectType}.${d.name}`)); missing = []; break; }
    }
    const updated: string[] = [];
    for (const def of defs) {
      const current = byName.get(def.name);
      if (!current || !def.options || def.type !== 'enumeration') continue;
      const have = new Set(current.options.map((o) => o.value));
      if (def.options.every((o) => have.has(o))) continue;
      const { options } = propertyCreate(def, 0);
      const merged = [...current.options.map((o) => ({ value: o.value, label: o.label, displayOrder: o.displayOrder, hidden: o.hidden })),
        ...(options ?? []).filter((o) => !have.has(o.value))];
      await call(portalId, 'update property options', 'standard', (c) => c.crm.properties.coreApi.update(objectType, def.name, { options: merged }));
      updated.push(`${objectType}.${def.name}`);
    }
    return { groupsCreated, propertiesCreated: created, propertiesUpdated: updated };
  }

  return {
    callCount,

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

    async ensureSchema(portalId, options) {
      // The Contact preferences card's properties too, so a synced portal has them before anyone saves preferences.
      const schema = appSchema(options.dunningStages);
      const companies = await ensureObjectSchema(portalId, 'companies', schema.companies);
      const tasks = await ensureObjectSchema(portalId, 'tasks', schema.tasks);
      return {
        groupsCreated: [...companies.groupsCreated, ...tasks.groupsCreated],
        propertiesCreated: [...companies.propertiesCreated, ...tasks.propertiesCreated],
        propertiesUpdated: [...companies.propertiesUpdated, ...tasks.propertiesUpdated],
      };
    },

    async updateCompanyRollups(portalId, rollups, syncedAt) {
      assertBatch(rollups.length, 'updateCompanyRollups');
      if (rollups.length === 0) return;
      await call(portalId, 'update company rollups', 'standard', (c) => c.crm.companies.batchApi.update({
        inputs: rollups.map((r) => ({ id: r.companyId, properties: rollupProperties(r, syncedAt) })),
      }));
    },

    async createTasks(portalId, drafts) {
      assertBatch(drafts.length, 'createTasks');
      if (drafts.length === 0) return { created: [], rejected: [] };
      const res = await call(portalId, 'create tasks', 'standard', (c) => c.crm.objects.tasks.batchApi.create({
        inputs: drafts.map(taskInput) as unknown as Parameters<Client['crm']['objects']['tasks']['batchApi']['create']>[0]['inputs'],
      }));
      const created: CreatedTask[] = res.results
        .filter((o) => o.properties[TASK_ACTION_KEY])
        .map((o) => ({ actionKey: o.properties[TASK_ACTION_KEY] as string, taskId: o.id }));
      const done = new Set(created.map((t) => t.actionKey));
      const errors = 'errors' in res && Array.isArray(res.errors) ? res.errors : [];
      // Categories and the first message only (truncated): enough to act on, short enough for a dead letter.
      const reason = errors.length > 0
        ? `rejected by HubSpot: ${[...new Set(errors.map((e) => e.category))].join(', ')}: ${String(errors[0]!.message).slice(0, 200)}`
        : 'not in HubSpot response';
      const rejected: RejectedTask[] = drafts.filter((d) => !done.has(d.actionKey)).map((d) => ({ actionKey: d.actionKey, reason }));
      return { created, rejected };
    },

    async findTasksByActionKey(portalId, actionKeys) {
      const found = new Map<string, string>();
      for (const keys of chunks([...new Set(actionKeys)], 50)) {
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
      if (updates.length === 0) return;
      await call(portalId, 'update tasks', 'standard', (c) => c.crm.objects.tasks.batchApi.update({
        inputs: updates.map((u) => ({ id: u.taskId, properties: taskUpdateProperties(u) })),
      }));
    },

    async completeTasks(portalId, taskIds) {
      assertBatch(taskIds.length, 'completeTasks');
      if (taskIds.length === 0) return;
      await call(portalId, 'complete tasks', 'standard', (c) => c.crm.objects.tasks.batchApi.update({
        inputs: taskIds.map((id) => ({ id, properties: { hs_task_status: 'COMPLETED' } })),
      }));
    },

    async createNote(portalId, note) {
      const associations = [assoc(note.companyId, ASSOC.noteToCompany)];
      if (note.contactId) associations.push(assoc(note.contactId, ASSOC.noteToContact));
      const properties: Record<string, string> = { hs_note_body: note.body, hs_timestamp: note.at };
      if (note.ownerId) properties.hubspot_owner_id = note.ownerId;
      const res = await call(portalId, 'create note', 'standard', (c) => c.crm.objects.notes.basicApi.create(
        { properties, associations } as unknown as Parameters<Client['crm']['objects']['notes']['basicApi']['create']>[0]));
      return res.id;
    },
  };
}
