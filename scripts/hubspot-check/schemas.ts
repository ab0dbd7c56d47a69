// Our own zod schemas of the HubSpot project files. HubSpot's real JSON schemas are downloaded from
// HubSpot at upload time (no offline copy exists, see reference/hubspot-platform.md §1.9), so these
// encode the fields this project relies on, from HubSpot's 2025.2 templates and docs.
import { z } from 'zod';

export const CARD_LOCATIONS = ['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar'] as const;

const ENTRYPOINT = /^\/app\/[A-Za-z0-9_\-./]+\.(tsx|jsx|ts|js)$/;

/** A URL as it stands after profile variables were substituted. */
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const entrypoint = z.string({ error: 'is required' })
  .regex(ENTRYPOINT, { error: 'must be a path from src starting with /app/ and ending in .tsx, .jsx, .ts or .js' });

const nonEmptyName = z.string({ error: 'is required' }).min(1, { error: 'must not be empty' });

export const HsProjectSchema = z.object({
  name: nonEmptyName,
  srcDir: nonEmptyName,
  platformVersion: z.string({ error: 'is required' }).regex(/^\d{4}\.\d+(-beta)?$|^unstable$/, { error: 'must look like 2025.2' }),
});
export type HsProject = z.infer<typeof HsProjectSchema>;

export const HsProfileSchema = z.strictObject({
  accountId: z.number({ error: 'must be a HubSpot account id (number)' }).int().positive(),
  variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'variable names must be identifiers' }),
    z.union([z.string(), z.number(), z.boolean()], { error: 'variable values must be strings, numbers or booleans' })).optional(),
});
export type HsProfile = z.infer<typeof HsProfileSchema>;

/** Fields every *-hsmeta.json has; HubSpot rejects other top-level keys. */
const meta = <T extends string, C extends z.ZodType>(type: T, config: C) => z.strictObject({
  uid: z.string({ error: 'is required' }),
  type: z.literal(type),
  config,
  dependencies: z.record(z.string(), z.unknown()).optional(),
  permissions: z.record(z.string(), z.unknown()).optional(),
});

const scopes = z.array(z.string().regex(/^[a-z0-9_.-]+$/i, { error: 'is not a scope name' }));

export const AppMetaSchema = meta('app', z.object({
  name: nonEmptyName,
  description: z.string().optional(),
  distribution: z.enum(['marketplace', 'private'], { error: 'must be marketplace or private' }),
  auth: z.object({
    type: z.enum(['oauth', 'static'], { error: 'must be oauth or static' }),
    redirectUrls: z.array(httpUrl).optional(),
    requiredScopes: scopes.min(1, { error: 'must list at least one scope' }),
    optionalScopes: scopes.optional(),
    conditionallyRequiredScopes: scopes.optional(),
  }, { error: 'is required' }),
  permittedUrls: z.object({
    fetch: z.array(httpsUrl).optional(),
    iframe: z.array(httpsUrl).optional(),
    img: z.array(httpsUrl).optional(),
  }).optional(),
  support: z.record(z.string(), z.unknown()).optional(),
}, { error: 'is required' }).superRefine((c, ctx) => {
  if (c.distribution === 'marketplace' && c.auth.type !== 'oauth') {
    ctx.addIssue({ code: 'custom', path: ['auth', 'type'], message: 'a marketplace app must use oauth' });
  }
  if (c.auth.type === 'oauth' && !c.auth.redirectUrls?.length) {
    ctx.addIssue({ code: 'custom', path: ['auth', 'redirectUrls'], message: 'an oauth app needs at least one redirect URL' });
  }
}));

export const CardMetaSchema = meta('card', z.object({
  name: nonEmptyName,
  description: z.string().optional(),
  location: z.enum(CARD_LOCATIONS, { error: `must be one of ${CARD_LOCATIONS.join(', ')}` }),
  entrypoint,
  objectTypes: z.array(z.string().regex(/^([a-z_]+|p_\w+|\d+-\d+)$/, { error: 'is not an object type' }))
    .min(1, { error: 'must name at least one object type' }),
  previewImage: z.object({ file: z.string(), altText: z.string() }).optional(),
}, { error: 'is required' }).superRefine((c, ctx) => {
  if (c.location === 'helpdesk.sidebar' && c.objectTypes.some((t) => t !== 'tickets')) {
    ctx.addIssue({ code: 'custom', path: ['objectTypes'], message: 'a helpdesk.sidebar card runs on tickets only' });
  }
}));

const subscription = z.object({
  subscriptionType: z.string(),
  objectType: z.string().optional(),
  propertyName: z.string().optional(),
  active: z.boolean({ error: 'must be true or false' }),
}).superRefine((s, ctx) => {
  if (s.subscriptionType.endsWith('.propertyChange') && !s.propertyName) {
    ctx.addIssue({ code: 'custom', path: ['propertyName'], message: 'a propertyChange subscription needs a propertyName' });
  }
});
const LEGACY_TYPE = /^(company|contact|deal|ticket|line_item|product)\.(creation|deletion|propertyChange|merge|restore|associationChange)$/;

export const WebhooksMetaSchema = meta('webhooks', z.object({
  settings: z.object({
    targetUrl: httpsUrl,
    maxConcurrentRequests: z.number().int().positive(),
  }),
  subscriptions: z.object({
    crmObjects: z.array(subscription.refine((s) => /^object\.\w+$/.test(s.subscriptionType) && !!s.objectType,
      { error: 'crmObjects entries are object.* subscriptions with an objectType' })).optional(),
    legacyCrmObjects: z.array(subscription.refine((s) => LEGACY_TYPE.test(s.subscriptionType),
      { error: 'legacyCrmObjects entries look like company.creation or contact.propertyChange' })).optional(),
    hubEvents: z.array(subscription.refine((s) => /^(contact\.privacyDeletion|conversation\.\w+)$/.test(s.subscriptionType),
      { error: 'hubEvents entries are contact.privacyDeletion or conversation.*' })).optional(),
  }),
}, { error: 'is required' }));

export const SettingsMetaSchema = meta('settings', z.object({ name: z.string().optional(), entrypoint }, { error: 'is required' }));
export const PageMetaSchema = meta('page', z.object({
  name: z.string().optional(),
  entrypoint,
  location: z.literal('home').optional(),
}, { error: 'is required' }));

/** Components whose entrypoint HubSpot bundles with its UI extension build. */
export const UI_COMPONENT_TYPES = ['card', 'settings', 'page'] as const;

export const SCHEMA_BY_TYPE: Record<string, z.ZodType> = {
  app: AppMetaSchema,
  card: CardMetaSchema,
  webhooks: WebhooksMetaSchema,
  settings: SettingsMetaSchema,
  page: PageMetaSchema,
};

/** Any other component type HubSpot knows still has to have the common shape. */
export const GenericMetaSchema = z.strictObject({
  uid: z.string({ error: 'is required' }),
  type: z.string({ error: 'is required' }),
  config: z.record(z.string(), z.unknown(), { error: 'is required' }),
  dependencies: z.record(z.string(), z.unknown()).optional(),
  permissions: z.record(z.string(), z.unknown()).optional(),
});

/** "config.location must be one of …" from a zod error. */
export function describeZodIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const where = i.path.length ? i.path.map(String).join('.') : '(file)';
    return `${where} ${i.message}`;
  });
}
