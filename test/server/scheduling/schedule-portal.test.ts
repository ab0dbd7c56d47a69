import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../../src/domain/money';
import { defaultProfile } from '../../../src/server/ledger/default-profile';
import { createSchedulingService } from '../../../src/server/scheduling/schedule-portal';
import { invoiceFor, NOW, startHarness, type Harness } from '../hubspot/harness';

let h: Harness;
let contactId: string;
beforeAll(async () => {
  h = await startHarness({ companies: 5 });
  await h.services.gateway.ensureSchema(h.portalId, { dunningStages: [] });
  const [a, b, c] = h.companyIds as [string, string, string, string, string];
  contactId = h.hub.createObject('contacts', { email: 'ap@company0.example', firstname: 'Anna' }).id;
  await h.ledger.saveProfile(h.portalId, { ...defaultProfile(a), accountsPayableContactId: contactId });
  await h.ledger.upsertInvoices(h.portalId, [
    invoiceFor(a, 1, '2026-10-20'), invoiceFor(a, 2, '2026-10-25', 20_000),
    invoiceFor(b, 1, '2026-11-05'),
    invoiceFor(c, 1, '2026-11-02', 80_000),
  ]);
});
afterAll(async () => h.close());

const tasks = () => h.hub.listObjects('tasks').filter((t) => !t.archived);

describe('reminder scheduling against the sandbox', () => {
  it('when the run plans actions, then each becomes one task with type, owner, due time and associations', async () => {
    const result = await h.services.scheduling.schedulePortal(h.portalId);
    expect(result.planned).toBeGreaterThan(0);
    expect(result.created).toBe(result.planned);
    const all = tasks();
    expect(all).toHaveLength(result.created);
    for (const t of all) {
      expect(['CALL', 'EMAIL', 'TODO']).toContain(t.properties.hs_task_type);
      expect(t.properties.hs_task_status).toBe('NOT_STARTED');
      expect(t.properties.rd_action_key).toBeTruthy();
      expect(t.properties.hubspot_owner_id).toBeTruthy();
      expect(Date.parse(t.properties.hs_timestamp!)).toBeGreaterThanOrEqual(NOW.getTime() - 86_400_000);
      const companies = h.hub.associations.list('tasks', t.id, 'companies');
      expect(companies).toHaveLength(1);
      expect(companies[0]!.types.map((x) => x.typeId)).toContain(192);
    }
    const keysByCompany = await Promise.all(h.companyIds.map((id) => h.services.scheduling.claims.openTasks(h.portalId, id)));
    expect(keysByCompany[0]!.size).toBeGreaterThan(0);
    const taskOfCompany = (i: number) => tasks().find((t) => [...keysByCompany[i]!.values()].some((v) => v.taskId === t.id))!;
    // The default ladder's steps belong to the configured credit controller.
    const portal = await h.services.portals.require(h.portalId);
    expect(taskOfCompany(1).properties.hubspot_owner_id).toBe(portal.creditControllerOwnerId);
    expect(taskOfCompany(0).properties.hs_task_body).toContain(`F-${h.companyIds[0]}-1`);
    // The accounts-payable contact of the first company is associated with its task (task→contact 204).
    const contacts = h.hub.associations.list('tasks', taskOfCompany(0).id, 'contacts');
    expect(contacts.map((c) => c.toObjectId)).toEqual([contactId]);
    expect(contacts[0]!.types.map((x) => x.typeId)).toContain(204);
  });

  it('when the run is repeated, then no task is created again', async () => {
    const before = tasks().length;
    const creates = h.calls(/tasks\/batch\/create/);
    const result = await h.services.scheduling.schedulePortal(h.portalId);
    expect(result.created).toBe(0);
    expect(tasks()).toHaveLength(before);
    expect(h.calls(/tasks\/batch\/create/)).toBe(creates);
  });

  it('when two schedulers with forgotten history run at once, then each action still gets one task', async () => {
    // Wipe the ledger history so both runs plan everything again; only the claims stand between them and duplicates.
    const d = h.companyIds[3]!;
    await h.ledger.upsertInvoices(h.portalId, [invoiceFor(d, 1, '2026-10-15', 300_000), invoiceFor(d, 2, '2026-11-01', 10_000, 'USD')]);
    const other = createSchedulingService({
      redis: h.redis, prefix: h.prefix, gateway: h.services.gateway, ledger: h.ledger, portals: h.services.portals,
      planner: h.services.planner, deadLetters: h.services.deadLetters, poisoned: h.services.poisoned, now: () => NOW,
    });
    const [r1, r2] = await Promise.all([h.services.scheduling.schedulePortal(h.portalId, { companyIds: [d] }), other.schedulePortal(h.portalId, { companyIds: [d] })]);
    expect(r1.planned).toBeGreaterThan(0);
    expect(r1.created + r2.created).toBe(r1.planned);
    const keys = tasks().map((t) => t.properties.rd_action_key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('when no credit controller is configured, then the company owner from HubSpot gets the task, read from the company index', async () => {
    const portal = await h.services.portals.require(h.portalId);
    await h.services.portals.register({ ...portal, creditControllerOwnerId: undefined });
    const e = h.companyIds[4]!; // even index: has an owner in HubSpot
    await h.ledger.upsertInvoices(h.portalId, [invoiceFor(e, 1, '2026-10-30')]);
    const reads = h.calls(/companies\/batch\/read/);
    const result = await h.services.scheduling.schedulePortal(h.portalId, { companyIds: [e] });
    expect(result.created).toBeGreaterThan(0);
    // The index (kept current by webhooks) knows the owner: planning costs no company read.
    expect(h.calls(/companies\/batch\/read/)).toBe(reads);
    const open = await h.services.scheduling.claims.openTasks(h.portalId, e);
    for (const { taskId } of open.values()) expect(h.hub.getObject('tasks', taskId)!.properties.hubspot_owner_id).toBe(h.ownerId);
    await h.services.portals.register(portal);
  });

  it('when an invoice is paid, then its open task is completed', async () => {
    const c = h.companyIds[2]!;
    const open = await h.services.scheduling.claims.openTasks(h.portalId, c);
    expect(open.size).toBeGreaterThan(0);
    await h.ledger.upsertInvoices(h.portalId, [{ ...invoiceFor(c, 1, '2026-11-02', 80_000), open: money(0, 'EUR'), status: 'paid', paidDate: '2026-11-22', sourceVersion: '2' }]);
    const result = await h.services.scheduling.schedulePortal(h.portalId);
    expect(result.closed).toBe(open.size);
    for (const { taskId } of open.values()) expect(h.hub.getObject('tasks', taskId)!.properties.hs_task_status).toBe('COMPLETED');
    expect((await h.services.scheduling.claims.openTasks(h.portalId, c)).size).toBe(0);
  });
});
