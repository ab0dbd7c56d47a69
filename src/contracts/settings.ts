import { z } from 'zod';
import { CalendarDate, SafeLabel } from './primitives';

/**
 * A portal's settings as the settings page reads and writes them (`hubspot.fetch`, signed by HubSpot) and as
 * every server reader gets them (texts, letters, the debtor page, the reminder planning). The portal and the
 * user come from the signed query. Reading is open to the portal's users; writing needs an app admin.
 */
export const SETTINGS_PATHS = {
  /** GET: the portal's settings (stored values over the defaults) · PATCH: change one or more sections. */
  settings: '/api/settings',
  /** POST {policy, customerType, termDays}: the dates the policy gives one unpaid invoice issued today (nothing saved). */
  preview: '/api/settings/preview',
} as const;

const NumericId = z.string().regex(/^\d{1,20}$/, { error: 'must be a numeric HubSpot id' });

/** The signed query of every settings request; `userId` (the card's context.user.id) is needed to write. */
export const SettingsQuery = z.object({ portalId: NumericId, userId: NumericId.optional() });
export type SettingsQuery = z.infer<typeof SettingsQuery>;

const upperNoSpaces = (s: string) => s.replace(/[\s.-]/g, '').toUpperCase();

/** The creditor as texts, letters and the debtor page present it. The IBAN's checksum is checked by the server. */
export const CompanyDetails = z.object({
  legalName: SafeLabel(200),
  /** KvK number: 8 digits. */
  cocNumber: z.string().transform(upperNoSpaces).pipe(z.string().regex(/^\d{8}$/, { error: 'must be a KvK number of 8 digits' })).optional(),
  /** EU VAT id, e.g. NL123456789B01. */
  vatNumber: z.string().transform(upperNoSpaces).pipe(z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, { error: 'must be a VAT number such as NL123456789B01' })).optional(),
  iban: z.string().transform(upperNoSpaces).pipe(z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, { error: 'must be an IBAN such as NL91ABNA0417164300' })),
  bic: z.string().transform(upperNoSpaces).pipe(z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { error: 'must be a BIC of 8 or 11 characters' })).optional(),
  supportEmail: z.email({ error: 'must be an e-mail address' }).max(200).optional(),
  /** Whether VAT is charged on collection costs (a creditor that cannot deduct VAT adds it; art. 6:96 BW practice). */
  vatOnCollectionCosts: z.boolean(),
  /** Header colour of the debtor page, `#rrggbb`. */
  brandColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour #rrggbb' }).transform((s) => s.toLowerCase()),
}).strict();
export type CompanyDetails = z.infer<typeof CompanyDetails>;

export const SETTINGS_LANGUAGES = ['en', 'nl'] as const;

/**
 * Which reference invoices without one get (the domain's payment-reference.ts; a server test holds the two
 * lists equal): the Dutch 16-digit betalingskenmerk or the ISO 11649 RF creditor reference.
 */
export const PAYMENT_REFERENCE_SCHEMES = ['betalingskenmerk', 'rf'] as const;

/** Days the business works (ISO weekdays, 1 = Monday) and the days it closes on top of the public holidays. */
export const CalendarSettings = z.object({
  workingDays: z.array(z.number().int().min(1).max(7)).min(1, { error: 'needs at least one working day' }).max(7)
    .refine((d) => new Set(d).size === d.length, { error: 'names a weekday twice' }),
  extraHolidays: z.array(CalendarDate).max(100),
}).strict();
export type CalendarSettings = z.infer<typeof CalendarSettings>;

// The policy's vocabulary, as the domain's policy engine knows it (a server test holds the two equal).
export const POLICY_ANCHORS = ['invoice_date', 'due_date', 'previous_step'] as const;
export const POLICY_OFFSET_UNITS = ['calendar_days', 'business_days'] as const;
export const POLICY_TONES = ['friendly', 'neutral', 'firm', 'formal'] as const;
export const POLICY_OWNER_RULES = ['account_owner', 'credit_controller', 'escalation_owner'] as const;
export const POLICY_AUDIENCES = ['all', 'business', 'consumer'] as const;
export const POLICY_ACTIONS = ['call', 'email', 'whatsapp', 'letter', 'visit', 'portal_notice', 'escalation'] as const;
export const POLICY_CHANNELS = ['phone', 'whatsapp', 'email', 'post', 'visit', 'portal'] as const;

const StepId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: "must be lower-case letters, digits, '_' or '-'" });
const Hour = z.number().int().min(0).max(24);

const StepFields = {
  id: StepId,
  action: z.enum(POLICY_ACTIONS),
  channelPreference: z.enum(['customer', 'fixed']),
  allowedChannels: z.array(z.enum(POLICY_CHANNELS)).max(POLICY_CHANNELS.length).optional(),
  tone: z.enum(POLICY_TONES),
  createsTask: z.boolean(),
  ownerRule: z.enum(POLICY_OWNER_RULES),
};

export const PolicyStep = z.object({
  ...StepFields,
  anchor: z.enum(POLICY_ANCHORS),
  offsetDays: z.number().int().min(-365).max(365),
  offsetIn: z.enum(POLICY_OFFSET_UNITS),
  appliesTo: z.enum(POLICY_AUDIENCES),
  legal: z.literal('fourteen_day_letter').optional(),
}).strict();

export const CallWindowSettings = z.object({ weekday: z.number().int().min(1).max(7), fromHour: Hour, toHour: Hour }).strict();

/** The whole reminder policy of the portal (the domain's `ReminderPolicy`); the domain's validation decides. */
export const ReminderPolicySettings = z.object({
  id: StepId,
  name: SafeLabel(100),
  steps: z.array(PolicyStep).min(1).max(30),
  callWindows: z.array(CallWindowSettings).max(28),
  workingHours: z.object({ fromHour: Hour, toHour: Hour }).strict(),
  toleranceMinor: z.record(z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 currency' }), z.number().int().min(0).max(1e12)),
  consumerRules: z.object({ requireFourteenDayLetter: z.boolean() }).strict(),
  brokenPromiseStepId: StepId,
  failedDirectDebit: z.object(StepFields).strict(),
  /** What a customer may arrange on their own page without a person deciding; the product's defaults when absent. */
  selfService: z.object({
    maxDeferralDays: z.number().int().min(0).max(365),
    maxTerms: z.number().int().min(1).max(60),
    minInstalmentMinor: z.number().int().min(0).max(100_000_000),
    maxFirstTermDays: z.number().int().min(0).max(365),
  }).strict().optional(),
}).strict();
export type ReminderPolicySettings = z.infer<typeof ReminderPolicySettings>;

/** A change: any sections present replace the stored ones; `version` (from the last read) guards lost updates. */
export const UpdateSettingsRequest = z.object({
  version: z.number().int().min(0),
  company: CompanyDetails.optional(),
  defaultLanguage: z.enum(SETTINGS_LANGUAGES).optional(),
  calendar: CalendarSettings.optional(),
  policy: ReminderPolicySettings.optional(),
  paymentReferences: z.enum(PAYMENT_REFERENCE_SCHEMES).optional(),
  /** HubSpot user ids who may change settings (never empty: somebody must be able to change them back). */
  adminUserIds: z.array(NumericId).min(1).max(50).optional(),
}).strict();
export type UpdateSettingsRequest = z.infer<typeof UpdateSettingsRequest>;

/** The settings of a portal as read: every section present, the defaults where nothing was saved. */
export const PortalSettingsVM = z.object({
  portalId: z.string(),
  /** Goes up by one with every saved change. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** Company details are null until an admin saved them (texts then use the portal's defaults). */
  company: CompanyDetails.nullable(),
  defaultLanguage: z.enum(SETTINGS_LANGUAGES),
  calendar: CalendarSettings,
  policy: ReminderPolicySettings,
  /** Whether `policy` is the product's default ladder (nothing saved). */
  policyIsDefault: z.boolean(),
  /** The reference scheme new invoices get; `betalingskenmerk` until an admin chose. Optional for older backends. */
  paymentReferences: z.enum(PAYMENT_REFERENCE_SCHEMES).optional(),
  adminUserIds: z.array(z.string()),
  /** Whether the user who asked may change settings. */
  canEdit: z.boolean(),
});
export type PortalSettingsVM = z.infer<typeof PortalSettingsVM>;

/** Error codes of this API (besides the signature codes every signed endpoint answers). */
export const SETTINGS_ERROR_CODES = ['invalid_request', 'invalid_settings', 'not_admin', 'version_conflict', 'not_found'] as const;
export type SettingsErrorCode = (typeof SETTINGS_ERROR_CODES)[number];

/** A 400 `invalid_settings` answer lists every problem at once, each with the section it belongs to. */
export const SettingsProblems = z.object({
  code: z.literal('invalid_settings'),
  message: z.string(),
  problems: z.array(z.object({ section: z.enum(['company', 'calendar', 'policy', 'adminUserIds']), message: z.string() })),
});
export type SettingsProblems = z.infer<typeof SettingsProblems>;

/** A policy to preview, as edited on the page (not saved): an invoice issued today with this payment term. */
export const PolicyPreviewRequest = z.object({
  policy: ReminderPolicySettings,
  customerType: z.enum(['business', 'consumer']).default('business'),
  termDays: z.number().int().min(0).max(365).default(30),
}).strict();
export type PolicyPreviewRequest = z.infer<typeof PolicyPreviewRequest>;

export const PolicyPreviewVM = z.object({
  issueDate: CalendarDate,
  dueDate: CalendarDate,
  /** Each step's task in order, on the portal's business days. */
  steps: z.array(z.object({ stepId: z.string(), action: z.enum(POLICY_ACTIONS), channel: z.enum(POLICY_CHANNELS), date: CalendarDate })),
});
export type PolicyPreviewVM = z.infer<typeof PolicyPreviewVM>;
