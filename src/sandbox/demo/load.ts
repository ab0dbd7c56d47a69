import type { Portal } from '../state';
import type { DemoData } from './types';

export interface LoadedDemoPortal {
  ownerIds: Record<string, string>;
  companyIds: Record<string, string>;
  contactIds: Record<string, string>;
  dealIds: Record<string, string>;
  ticketIds: Record<string, string>;
  meetingIds: Record<string, string>;
}

const DAY_MS = 86_400_000;

/**
 * Inserts demo data through the Portal store API, with associations. Only HubSpot default properties
 * are written: the app creates its own properties on first run, so VAT/KvK live in the invoice CSV.
 * `now` anchors the relative dates (upcoming meetings, deal close dates).
 */
export function loadDemoPortal(portal: Portal, data: DemoData, opts: { now?: number } = {}): LoadedDemoPortal {
  const now = opts.now ?? Date.now();
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const ids: LoadedDemoPortal = { ownerIds: {}, companyIds: {}, contactIds: {}, dealIds: {}, ticketIds: {}, meetingIds: {} };
  const team = { id: '1001', name: 'Credit control' };
  for (const o of data.owners) {
    const owner = portal.createOwner({ email: o.email, firstName: o.firstName, lastName: o.lastName, teams: o.creditControl ? [team] : [] });
    ids.ownerIds[o.key] = owner.id;
  }
  const owner = (key: string): string => must(ids.ownerIds, key);
  const create = (type: Parameters<Portal['createObject']>[0], properties: Record<string, string>): string =>
    portal.createObject(type, dropEmpty(properties), { source: 'IMPORT', now }).id;

  for (const c of data.companies) {
    ids.companyIds[c.key] = create('companies', {
      name: c.name, domain: c.domain, address: c.address, zip: c.zip, city: c.city, country: c.country, phone: c.phone,
      lifecyclestage: 'customer', hubspot_owner_id: owner(c.ownerKey),
    });
  }
  for (const p of data.contacts) {
    const id = create('contacts', {
      firstname: p.firstName, lastname: p.lastName, email: p.email, phone: p.phone, jobtitle: p.jobTitle,
      hs_language: p.language, lifecyclestage: 'customer',
    });
    ids.contactIds[p.key] = id;
    portal.associate('contacts', id, 'companies', must(ids.companyIds, p.companyKey));
  }
  for (const d of data.deals) {
    const id = create('deals', {
      dealname: d.name, amount: String(d.amount), dealstage: d.stage, pipeline: 'default',
      closedate: new Date(today + d.closeInDays * DAY_MS).toISOString(), hubspot_owner_id: owner(d.ownerKey),
    });
    ids.dealIds[d.key] = id;
    portal.associate('deals', id, 'companies', must(ids.companyIds, d.companyKey));
  }
  for (const t of data.tickets) {
    const id = create('tickets', { subject: t.subject, hs_pipeline: '0', hs_pipeline_stage: t.stage, hs_ticket_priority: t.priority });
    ids.ticketIds[t.key] = id;
    portal.associate('tickets', id, 'companies', must(ids.companyIds, t.companyKey));
    portal.associate('tickets', id, 'contacts', must(ids.contactIds, t.contactKey));
  }
  for (const m of data.meetings) {
    const start = today + m.startsInDays * DAY_MS + m.startHourUtc * 3_600_000;
    const id = create('meetings', {
      hs_meeting_title: m.title, hs_timestamp: new Date(start).toISOString(), hs_meeting_start_time: new Date(start).toISOString(),
      hs_meeting_end_time: new Date(start + m.durationMinutes * 60_000).toISOString(), hs_meeting_outcome: 'SCHEDULED',
      hubspot_owner_id: owner(m.ownerKey),
    });
    ids.meetingIds[m.key] = id;
    portal.associate('meetings', id, 'companies', must(ids.companyIds, m.companyKey));
    portal.associate('meetings', id, 'contacts', must(ids.contactIds, m.contactKey));
  }
  return ids;
}

function must(map: Record<string, string>, key: string): string {
  const id = map[key];
  if (id === undefined) throw new Error(`demo data refers to unknown key "${key}"`);
  return id;
}

/** HubSpot stores "no value" as an absent property, not an empty string. */
function dropEmpty(properties: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== ''));
}
