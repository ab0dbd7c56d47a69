import { hubspotProperty, options, type PropertyDefinition, type PropertyGroupDefinition } from './property-definition';
import { singularName, timestampProperties } from './object-types';
import type { SandboxObjectType } from './types';

/**
 * HubSpot's default properties, per object: the ones this app and its demo data use, not HubSpot's
 * full list. Enumeration options are HubSpot's internal values.
 */
type Spec = [name: string, label: string, kind: 'text' | 'textarea' | 'number' | 'datetime' | 'date' | 'bool' | 'phone' | 'owner' | string[]];

const COMMON_ENGAGEMENT: Spec[] = [['hs_timestamp', 'Activity date', 'datetime'], ['hubspot_owner_id', 'Activity assigned to', 'owner']];

const SPECS: Record<SandboxObjectType, Spec[]> = {
  companies: [
    ['name', 'Company name', 'text'], ['domain', 'Company domain name', 'text'], ['website', 'Website URL', 'text'],
    ['phone', 'Phone number', 'phone'], ['address', 'Street address', 'text'], ['address2', 'Street address 2', 'text'],
    ['city', 'City', 'text'], ['zip', 'Postal code', 'text'], ['state', 'State/Region', 'text'], ['country', 'Country/Region', 'text'],
    ['industry', 'Industry', 'text'], ['description', 'Description', 'textarea'], ['numberofemployees', 'Number of employees', 'number'],
    ['annualrevenue', 'Annual revenue', 'number'], ['hubspot_owner_id', 'Company owner', 'owner'],
    ['lifecyclestage', 'Lifecycle stage', ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other']],
    ['type', 'Type', ['PROSPECT', 'PARTNER', 'RESELLER', 'VENDOR', 'OTHER']],
    ['hs_pinned_engagement_id', 'Pinned engagement ID', 'number'], ['notes_last_updated', 'Last activity date', 'datetime'],
    ['num_associated_contacts', 'Number of associated contacts', 'number'],
  ],
  contacts: [
    ['firstname', 'First name', 'text'], ['lastname', 'Last name', 'text'], ['email', 'Email', 'text'], ['phone', 'Phone number', 'phone'],
    ['mobilephone', 'Mobile phone number', 'phone'], ['jobtitle', 'Job title', 'text'], ['company', 'Company name', 'text'],
    ['hs_language', 'Preferred language', 'text'], ['address', 'Street address', 'text'], ['city', 'City', 'text'], ['zip', 'Postal code', 'text'],
    ['country', 'Country/Region', 'text'], ['website', 'Website URL', 'text'], ['hubspot_owner_id', 'Contact owner', 'owner'],
    ['associatedcompanyid', 'Primary associated company ID', 'number'], ['hs_pinned_engagement_id', 'Pinned engagement ID', 'number'],
    ['lifecyclestage', 'Lifecycle stage', ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other']],
  ],
  deals: [
    ['dealname', 'Deal name', 'text'], ['amount', 'Amount', 'number'], ['closedate', 'Close date', 'datetime'],
    ['dealstage', 'Deal stage', ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost']],
    ['pipeline', 'Pipeline', ['default']], ['dealtype', 'Deal type', ['newbusiness', 'existingbusiness']],
    ['description', 'Deal description', 'textarea'], ['deal_currency_code', 'Currency', 'text'], ['hubspot_owner_id', 'Deal owner', 'owner'],
  ],
  tickets: [
    ['subject', 'Ticket name', 'text'], ['content', 'Ticket description', 'textarea'], ['hs_pipeline', 'Pipeline', 'text'],
    ['hs_pipeline_stage', 'Ticket status', 'text'], ['hs_ticket_priority', 'Priority', ['LOW', 'MEDIUM', 'HIGH', 'URGENT']],
    ['hs_ticket_category', 'Category', 'text'], ['source_type', 'Source', 'text'], ['hubspot_owner_id', 'Ticket owner', 'owner'],
  ],
  meetings: [
    ...COMMON_ENGAGEMENT, ['hs_meeting_title', 'Meeting name', 'text'], ['hs_meeting_body', 'Meeting description', 'textarea'],
    ['hs_internal_meeting_notes', 'Internal meeting notes', 'textarea'], ['hs_meeting_external_url', 'External URL', 'text'],
    ['hs_meeting_location', 'Location', 'text'], ['hs_meeting_start_time', 'Start time', 'datetime'], ['hs_meeting_end_time', 'End time', 'datetime'],
    ['hs_meeting_outcome', 'Meeting outcome', ['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED']], ['hs_activity_type', 'Call and meeting type', 'text'],
  ],
  tasks: [
    ...COMMON_ENGAGEMENT, ['hs_task_subject', 'Task title', 'text'], ['hs_task_body', 'Notes', 'textarea'],
    ['hs_task_status', 'Task status', ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']],
    ['hs_task_priority', 'Priority', ['NONE', 'LOW', 'MEDIUM', 'HIGH']], ['hs_task_type', 'Task type', ['EMAIL', 'CALL', 'TODO', 'LINKED_IN']],
    ['hs_task_reminders', 'Reminder', 'text'], ['hs_task_completion_date', 'Completed at', 'datetime'], ['hs_queue_membership_ids', 'Queue', 'text'],
  ],
  notes: [...COMMON_ENGAGEMENT, ['hs_note_body', 'Note body', 'textarea'], ['hs_attachment_ids', 'Attached file IDs', 'text']],
  calls: [
    ...COMMON_ENGAGEMENT, ['hs_call_title', 'Call title', 'text'], ['hs_call_body', 'Call notes', 'textarea'],
    ['hs_call_status', 'Call status', ['BUSY', 'CALLING_CRM_USER', 'CANCELED', 'COMPLETED', 'CONNECTING', 'FAILED', 'IN_PROGRESS', 'NO_ANSWER', 'QUEUED', 'RINGING']],
    ['hs_call_direction', 'Call direction', ['INBOUND', 'OUTBOUND']], ['hs_call_disposition', 'Call outcome', 'text'],
    ['hs_call_duration', 'Call duration', 'number'], ['hs_call_from_number', 'From number', 'text'], ['hs_call_to_number', 'To number', 'text'],
    ['hs_call_recording_url', 'Recording URL', 'text'],
  ],
  emails: [
    ...COMMON_ENGAGEMENT, ['hs_email_subject', 'Email subject', 'text'], ['hs_email_text', 'Email body', 'textarea'], ['hs_email_html', 'Email HTML', 'textarea'],
    ['hs_email_direction', 'Email direction', ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL']],
    ['hs_email_status', 'Email send status', ['BOUNCED', 'FAILED', 'SCHEDULED', 'SENDING', 'SENT']], ['hs_email_headers', 'Email headers', 'textarea'],
  ],
  communications: [
    ...COMMON_ENGAGEMENT, ['hs_communication_body', 'Body', 'textarea'],
    ['hs_communication_channel_type', 'Channel type', ['WHATS_APP', 'LINKEDIN_MESSAGE', 'SMS']], ['hs_communication_logged_from', 'Logged from', ['CRM']],
  ],
  invoices: [
    ['hs_currency', 'Currency', 'text'], ['hs_invoice_date', 'Invoice date', 'datetime'], ['hs_due_date', 'Due date', 'datetime'],
    ['hs_invoice_status', 'Invoice status', ['draft', 'open', 'paid', 'voided']], ['hs_number', 'Number', 'text'],
    ['hs_amount_billed', 'Amount billed', 'number'], ['hs_balance_due', 'Balance due', 'number'], ['hs_amount_paid', 'Amount paid', 'number'],
    ['hs_purchase_order_number', 'Purchase order number', 'text'], ['hs_comments', 'Comments', 'textarea'], ['hs_tax_id', 'Tax ID', 'text'],
    ['hs_allow_partial_payments', 'Allow partial payments', 'bool'], ['hs_invoice_payment_collection_method', 'Payment collection method', ['manual', 'none']],
    ['hs_allowed_payment_methods', 'Allowed payment methods', 'text'], ['hs_invoice_link', 'Invoice link', 'text'], ['hs_pdf_download_link', 'PDF link', 'text'],
    ['hs_language', 'Language', 'text'], ['hs_locale', 'Locale', 'text'], ['hs_invoice_billable', 'Billable', 'bool'],
    ['hs_recipient_company_address', 'Recipient company address', 'text'], ['hs_recipient_company_city', 'Recipient company city', 'text'],
    ['hs_recipient_company_zip', 'Recipient company postal code', 'text'], ['hs_recipient_company_country', 'Recipient company country', 'text'],
    ['hubspot_owner_id', 'Invoice owner', 'owner'],
  ],
};

export const defaultGroupName = (t: SandboxObjectType): string => `${singularName(t)}information`;

export function defaultGroups(t: SandboxObjectType): PropertyGroupDefinition[] {
  const label = singularName(t).charAt(0).toUpperCase() + singularName(t).slice(1);
  return [{ name: defaultGroupName(t), label: `${label} information`, displayOrder: -1, archived: false }];
}

function fromSpec([name, label, kind]: Spec, groupName: string): PropertyDefinition {
  if (Array.isArray(kind)) return hubspotProperty({ name, label, type: 'enumeration', fieldType: 'select', groupName, options: options(kind) });
  switch (kind) {
    case 'number': return hubspotProperty({ name, label, type: 'number', fieldType: 'number', groupName });
    case 'datetime': return hubspotProperty({ name, label, type: 'datetime', fieldType: 'date', groupName });
    case 'date': return hubspotProperty({ name, label, type: 'date', fieldType: 'date', groupName });
    case 'bool': return hubspotProperty({ name, label, type: 'bool', fieldType: 'booleancheckbox', groupName, options: options(['true', 'false']) });
    case 'phone': return hubspotProperty({ name, label, type: 'string', fieldType: 'phonenumber', groupName });
    // Owners are an enumeration with external options in HubSpot: any owner id is accepted.
    case 'owner': return hubspotProperty({ name, label, type: 'enumeration', fieldType: 'select', groupName, externalOptions: true });
    default: return hubspotProperty({ name, label, type: 'string', fieldType: kind, groupName });
  }
}

export function defaultProperties(t: SandboxObjectType): PropertyDefinition[] {
  const group = defaultGroupName(t);
  const ts = timestampProperties(t);
  const system = [
    hubspotProperty({ name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', groupName: group, readOnlyValue: true }),
    hubspotProperty({ name: ts.created, label: 'Create date', type: 'datetime', fieldType: 'date', groupName: group }),
    hubspotProperty({ name: ts.modified, label: 'Last modified date', type: 'datetime', fieldType: 'date', groupName: group, readOnlyValue: true }),
  ];
  return [...system, ...SPECS[t].map((s) => fromSpec(s, group))];
}
