import { SANDBOX_OBJECT_TYPES, type SandboxObjectType } from './types';

/** HubSpot's object type ids (v4 answers carry them as fromObjectTypeId / toObjectTypeId). */
export const OBJECT_TYPE_IDS: Record<SandboxObjectType, string> = {
  contacts: '0-1', companies: '0-2', deals: '0-3', tickets: '0-5', calls: '0-48', emails: '0-49', meetings: '0-47',
  notes: '0-46', tasks: '0-27', communications: '0-18', invoices: '0-53',
};

const SINGULAR: Record<SandboxObjectType, string> = {
  contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket', calls: 'call', emails: 'email',
  meetings: 'meeting', notes: 'note', tasks: 'task', communications: 'communication', invoices: 'invoice',
};

const ALIASES = new Map<string, SandboxObjectType>();
for (const t of SANDBOX_OBJECT_TYPES) {
  ALIASES.set(t, t);
  ALIASES.set(SINGULAR[t], t);
  ALIASES.set(OBJECT_TYPE_IDS[t], t);
}

/** HubSpot accepts plural names, singular names and type ids ('0-2') in paths; case-insensitive. */
export function resolveObjectType(raw: string): SandboxObjectType | undefined {
  return ALIASES.get(raw.toLowerCase());
}

export const singularName = (t: SandboxObjectType): string => SINGULAR[t];

/**
 * Which properties carry the create / last-modified timestamps. Contacts use `lastmodifieddate`,
 * the classic objects `createdate`, engagements and invoices the `hs_` names (as HubSpot does).
 */
export function timestampProperties(t: SandboxObjectType): { created: string; modified: string } {
  if (t === 'contacts') return { created: 'createdate', modified: 'lastmodifieddate' };
  if (t === 'companies' || t === 'deals' || t === 'tickets') return { created: 'createdate', modified: 'hs_lastmodifieddate' };
  return { created: 'hs_createdate', modified: 'hs_lastmodifieddate' };
}

/** Properties returned when a read names none (HubSpot's defaults). */
export function defaultReturnedProperties(t: SandboxObjectType): string[] {
  const ts = timestampProperties(t);
  const base = [ts.created, ts.modified, 'hs_object_id'];
  if (t === 'companies') return [...base, 'name', 'domain'];
  if (t === 'contacts') return [...base, 'firstname', 'lastname', 'email'];
  if (t === 'deals') return [...base, 'dealname', 'amount', 'closedate', 'dealstage', 'pipeline'];
  if (t === 'tickets') return [...base, 'subject', 'content', 'hs_pipeline', 'hs_pipeline_stage'];
  return base;
}

/** Properties searched by the free-text `query` of a search request. */
export function defaultSearchableProperties(t: SandboxObjectType): string[] {
  switch (t) {
    case 'companies': return ['name', 'domain', 'website', 'phone'];
    case 'contacts': return ['firstname', 'lastname', 'email', 'phone', 'company'];
    case 'deals': return ['dealname'];
    case 'tickets': return ['subject', 'content'];
    case 'tasks': return ['hs_task_subject', 'hs_task_body'];
    case 'notes': return ['hs_note_body'];
    case 'calls': return ['hs_call_title', 'hs_call_body'];
    case 'meetings': return ['hs_meeting_title', 'hs_meeting_body'];
    case 'emails': return ['hs_email_subject', 'hs_email_text'];
    case 'communications': return ['hs_communication_body'];
    case 'invoices': return ['hs_number', 'hs_purchase_order_number'];
  }
}
