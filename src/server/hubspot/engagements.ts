import type { Client } from '@hubspot/api-client';
import type { CompanyId, ContactId, OwnerId } from '../../domain/ledger';
import type { Instant } from '../../domain/dates';
import { assoc } from './crm-mapping';
import { WRITE_KEY } from './crm-schema';
import { createOnce } from './write-once';
import { createPortalCaller, type CallerDeps } from './portal-caller';

/**
 * What the action cards need from HubSpot that the main gateway lacks: log a call on the timeline, write the
 * contact-preference properties onto the company, and list the company's contacts. Same rules as the gateway:
 * every call goes through the per-portal caller (shared rate budget, retries).
 */

export type CallDisposition = 'connected' | 'no_answer' | 'left_voicemail' | 'wrong_number';

export interface CallLogDraft {
  /** Idempotency key: the same key never logs a second call, whatever was retried. */
  readonly key: string;
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

type CallCreate = Parameters<Client['crm']['objects']['calls']['basicApi']['create']>[0];

export function createEngagements(deps: CallerDeps): EngagementsPort {
  const { call } = createPortalCaller(deps);
  return {
    async logCall(portalId, draft) {
      const properties: Record<string, string> = {
        hs_timestamp: draft.at, hs_call_title: draft.title, hs_call_body: draft.body,
        hs_call_status: 'COMPLETED', hs_call_direction: 'OUTBOUND', hs_call_disposition: CALL_DISPOSITION_IDS[draft.disposition],
        [WRITE_KEY]: draft.key,
      };
      if (draft.ownerId) properties.hubspot_owner_id = draft.ownerId;
      const associations = [assoc(draft.companyId, CALL_ASSOC.callToCompany)];
      if (draft.contactId) associations.push(assoc(draft.contactId, CALL_ASSOC.callToContact));
      return createOnce(call, portalId, 'log call', 'calls', draft.key,
        (c) => c.crm.objects.calls.basicApi.create({ properties, associations } as unknown as CallCreate));
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
  };
}
