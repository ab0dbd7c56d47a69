import type { Client } from '@hubspot/api-client';
import type { CompanyId, ContactId, OwnerId } from '../../domain/ledger';
import type { Instant } from '../../domain/dates';
import { GROUP, TASK_ACTION_KEY, optionLabel, type PropertyDef } from './crm-schema';
import { createPortalCaller, type CallerDeps, type CallPortal } from './portal-caller';

/**
 * What the action cards need from HubSpot that the main gateway lacks: log a call on the timeline, write the
 * contact-preference properties onto the company, and list the company's contacts. Same rules as the gateway:
 * every call goes through the per-portal caller (shared rate budget, retries).
 */

export type CallDisposition = 'connected' | 'no_answer' | 'left_voicemail' | 'wrong_number';

export interface CallLogDraft {
  readonly companyId: CompanyId;
  readonly contactId?: ContactId;
  readonly ownerId?: OwnerId;
  readonly title: string;
  readonly body: string;
  readonly disposition: CallDisposition;
  readonly at: Instant;
}

export interface EngagementsPort {
  /** Creates a completed outbound call associated with the company (and the contact). Returns its id. */
  logCall(portalId: string, call: CallLogDraft): Promise<string>;
  updateCompanyProperties(portalId: string, companyId: CompanyId, properties: Readonly<Record<string, string>>): Promise<void>;
  /** Ids of the contacts associated with the company (all pages). */
  listCompanyContactIds(portalId: string, companyId: CompanyId): Promise<ContactId[]>;
  /**
   * The id of the app's task carrying this action key (rd_action_key), if one exists. Used only to recover
   * from an attempt that died between creating a task and remembering it.
   */
  findTaskByActionKey(portalId: string, actionKey: string): Promise<string | undefined>;
  /** Creates the preference properties that are missing (a second run creates nothing). */
  ensurePreferenceSchema(portalId: string): Promise<string[]>;
}

/** HubSpot association type ids for calls (v4 HUBSPOT_DEFINED): call→company 182, call→contact 194. */
export const CALL_ASSOC = { callToCompany: 182, callToContact: 194 } as const;

/**
 * HubSpot's default call outcome ids (hs_call_disposition holds an id, not a label). Portals can add their own
 * outcomes; these defaults exist in every portal.
 */
export const CALL_DISPOSITION_IDS: Record<CallDisposition, string> = {
  connected: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
  no_answer: '73a0d17f-1163-4015-bdd5-ec830791da20',
  left_voicemail: 'b2cf5968-551e-4856-9783-52b3da59a7d0',
  wrong_number: '17b47fee-58de-441e-a44c-c6300d46f273',
};

/** Company properties written by the Contact preferences card (so lists and workflows can use them). */
export const PREF = {
  channels: 'rd_preferred_channels', apContact: 'rd_ap_contact_id', decisionMaker: 'rd_decision_maker_id',
  callTimes: 'rd_call_times', language: 'rd_language', customerType: 'rd_customer_type',
  optOutUntil: 'rd_opt_out_until', pausedUntil: 'rd_paused_until',
} as const;

export function preferenceProperties(): PropertyDef[] {
  const text = (name: string, label: string, description: string): PropertyDef => ({ name, label, type: 'string', fieldType: 'text', description });
  return [
    text(PREF.channels, 'Preferred collection channels', 'Most preferred first, separated by ";" (phone;email).'),
    text(PREF.apContact, 'Accounts-payable contact (id)', 'HubSpot contact id of the person who pays the invoices.'),
    text(PREF.decisionMaker, 'Payment decision maker (id)', 'HubSpot contact id of the person who decides about payment.'),
    text(PREF.callTimes, 'Good times to call', 'ISO weekday and hours, e.g. "2 09-12; 4 13-17" (portal time zone).'),
    { name: PREF.language, label: 'Collection language', type: 'enumeration', fieldType: 'select', options: ['en', 'nl'] },
    { name: PREF.customerType, label: 'Customer type (collection)', type: 'enumeration', fieldType: 'select', options: ['business', 'consumer'] },
    { name: PREF.optOutUntil, label: 'Opted out of reminders until', type: 'date', fieldType: 'date' },
    { name: PREF.pausedUntil, label: 'Reminders paused until', type: 'date', fieldType: 'date' },
  ];
}

const assoc = (id: string, associationTypeId: number) =>
  ({ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }] });

type CallCreate = Parameters<Client['crm']['objects']['calls']['basicApi']['create']>[0];
type PropertyBatch = Parameters<Client['crm']['properties']['batchApi']['create']>[1];

/** Takes the shared caller when the composition root has one, else builds its own from the caller deps. */
export function createEngagements(deps: CallerDeps | { readonly call: CallPortal }): EngagementsPort {
  const call: CallPortal = 'call' in deps ? deps.call : createPortalCaller(deps).call;
  return {
    async logCall(portalId, draft) {
      const properties: Record<string, string> = {
        hs_timestamp: draft.at, hs_call_title: draft.title, hs_call_body: draft.body,
        hs_call_status: 'COMPLETED', hs_call_direction: 'OUTBOUND', hs_call_disposition: CALL_DISPOSITION_IDS[draft.disposition],
      };
      if (draft.ownerId) properties.hubspot_owner_id = draft.ownerId;
      const associations = [assoc(draft.companyId, CALL_ASSOC.callToCompany)];
      if (draft.contactId) associations.push(assoc(draft.contactId, CALL_ASSOC.callToContact));
      const res = await call(portalId, 'log call', 'standard',
        (c) => c.crm.objects.calls.basicApi.create({ properties, associations } as unknown as CallCreate));
      return res.id;
    },

    async updateCompanyProperties(portalId, companyId, properties) {
      await call(portalId, 'update company preferences', 'standard',
        (c) => c.crm.companies.basicApi.update(companyId, { properties: { ...properties } }));
    },

    async listCompanyContactIds(portalId, companyId) {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await call(portalId, 'list company contacts', 'standard',
          (c) => c.crm.associations.v4.basicApi.getPage('companies', companyId, 'contacts', after, 500));
        ids.push(...page.results.map((r) => String(r.toObjectId)));
        after = page.paging?.next?.after;
      } while (after);
      return ids;
    },

    async findTaskByActionKey(portalId, actionKey) {
      // HubSpot's search schema lists after, sorts, limit and properties as required: send them all.
      const page = await call(portalId, 'find task by action key', 'search', (c) => c.crm.objects.tasks.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: TASK_ACTION_KEY, operator: 'EQ', value: actionKey }] }],
        sorts: [], properties: [TASK_ACTION_KEY], limit: 10, after: '0',
      } as unknown as Parameters<Client['crm']['objects']['tasks']['searchApi']['doSearch']>[0]));
      return page.results[0]?.id;
    },

    async ensurePreferenceSchema(portalId) {
      const groups = await call(portalId, 'read property groups', 'standard', (c) => c.crm.properties.groupsApi.getAll('companies'));
      if (!groups.results.some((g) => g.name === GROUP.name)) {
        await call(portalId, 'create property group', 'standard', (c) => c.crm.properties.groupsApi.create('companies', { ...GROUP }));
      }
      const existing = await call(portalId, 'read properties', 'standard', (c) => c.crm.properties.coreApi.getAll('companies'));
      const have = new Set(existing.results.map((p) => p.name));
      const missing = preferenceProperties().filter((d) => !have.has(d.name));
      if (missing.length === 0) return [];
      const inputs = missing.map((d, i) => ({
        name: d.name, label: d.label, type: d.type, fieldType: d.fieldType, groupName: GROUP.name, displayOrder: 100 + i,
        ...(d.description ? { description: d.description } : {}),
        ...(d.options ? { options: d.options.map((value, j) => ({ value, label: optionLabel(value), displayOrder: j, hidden: false })) } : {}),
      }));
      await call(portalId, 'create preference properties', 'standard',
        (c) => c.crm.properties.batchApi.create('companies', { inputs } as unknown as PropertyBatch));
      return missing.map((d) => d.name);
    },
  };
}
