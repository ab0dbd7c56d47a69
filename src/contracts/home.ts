import { z } from 'zod';
import { DateVM, InstantVM, MoneyVM, ReasonsVM } from './cards';

/**
 * The app home's call list: today's customers to contact across the portal, ranked by the prioritisation
 * domain, with the portal's KPIs. The server builds the whole view model; the page filters, sorts and pages
 * through the query, never over the data itself.
 */
export const HOME_PATHS = {
  callList: '/api/home/call-list',
} as const;

const NumericId = z.string().regex(/^\d{1,20}$/, { error: 'must be a numeric HubSpot id' });

export const CALL_LIST_SCOPES = ['mine', 'team', 'all'] as const;
export const CALL_LIST_SEGMENTS = ['at_risk', 'low_hanging_fruit', 'deprioritised', 'standard'] as const;
export const CALL_LIST_CHANNELS = ['phone', 'whatsapp', 'email', 'post', 'visit', 'portal'] as const;
export const CALL_LIST_STATUSES = ['open', 'done', 'snoozed', 'later'] as const;
export const CALL_LIST_ACTIONS = ['call', 'email', 'whatsapp', 'letter', 'visit', 'portal_notice', 'escalation'] as const;
/** `field` ascending, `-field` descending; `-score` is the ranking itself. */
export const CALL_LIST_SORTS = ['-score', 'score', 'name', '-name', '-overdue', 'overdue', 'due', '-due'] as const;
export type CallListSort = (typeof CALL_LIST_SORTS)[number];

export const DEFAULT_CALL_LIST_PAGE_SIZE = 25;
export const MAX_CALL_LIST_PAGE_SIZE = 100;

/**
 * The signed query of the call list; `userId` (context.user.id) is needed for the mine and team scopes. Not
 * strict: HubSpot appends `appId` to every hubspot.fetch URL.
 */
export const CallListQuery = z.object({
  portalId: NumericId,
  userId: NumericId.optional(),
  scope: z.enum(CALL_LIST_SCOPES, { error: `must be one of ${CALL_LIST_SCOPES.join(', ')}` }).default('all'),
  segment: z.enum(CALL_LIST_SEGMENTS, { error: `must be one of ${CALL_LIST_SEGMENTS.join(', ')}` }).optional(),
  channel: z.enum(CALL_LIST_CHANNELS, { error: `must be one of ${CALL_LIST_CHANNELS.join(', ')}` }).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 currency such as EUR' }).optional(),
  sort: z.enum(CALL_LIST_SORTS, { error: `must be one of ${CALL_LIST_SORTS.join(', ')}` }).default('-score'),
  page: z.coerce.number({ error: 'must be a whole number from 1' }).int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number({ error: `must be a whole number from 1 to ${MAX_CALL_LIST_PAGE_SIZE}` })
    .int().min(1).max(MAX_CALL_LIST_PAGE_SIZE).default(DEFAULT_CALL_LIST_PAGE_SIZE),
});
export type CallListQuery = z.infer<typeof CallListQuery>;

export const CallListEntryVM = z.object({
  companyId: z.string(),
  /** HubSpot's company name; null until the app has listed the company. */
  name: z.string().nullable(),
  /** The company record in HubSpot (`/contacts/{portalId}/record/0-2/{id}`). */
  recordUrl: z.string(),
  /** The prioritisation score, rounded (only its order means something). */
  score: z.number().int().min(0),
  /**
   * The score as a person reads it: 0–100, today's highest-scored customer of the portal is 100, on a log scale
   * (scores run from hundreds to millions, so a linear one would put almost everyone near 0).
   */
  priority: z.number().int().min(0).max(100),
  segment: z.enum([...CALL_LIST_SEGMENTS, 'current']),
  reasons: ReasonsVM,
  status: z.enum(CALL_LIST_STATUSES),
  overdue: z.array(MoneyVM),
  ownerId: z.string().nullable(),
  /** The owner's name from HubSpot's owners; null when HubSpot has none (or the owners could not be read). */
  ownerName: z.string().nullable(),
  planned: z.object({
    stepId: z.string(),
    action: z.enum(CALL_LIST_ACTIONS),
    channel: z.enum(CALL_LIST_CHANNELS).nullable(),
    dueAt: InstantVM,
    window: z.object({ fromHour: z.number().int().min(0).max(24), toHour: z.number().int().min(0).max(24) }).nullable(),
  }).nullable(),
});
export type CallListEntryVM = z.infer<typeof CallListEntryVM>;

export const PortfolioKpisVM = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  open: MoneyVM,
  overdue: MoneyVM,
  /** Days, one decimal. */
  dso: z.number(),
  bestPossibleDso: z.number(),
  averageDaysDelinquent: z.number(),
  weightedDaysLate: z.number().nullable(),
});
export type PortfolioKpisVM = z.infer<typeof PortfolioKpisVM>;

export const CallListVM = z.object({
  portalId: z.string(),
  /** The portal's day the list is for, and when it was computed. */
  asOf: DateVM,
  computedAt: InstantVM,
  scope: z.enum(CALL_LIST_SCOPES),
  sort: z.enum(CALL_LIST_SORTS),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  /** Entries matching the filters (all pages). */
  total: z.number().int().min(0),
  pageCount: z.number().int().min(0),
  items: z.array(CallListEntryVM).max(MAX_CALL_LIST_PAGE_SIZE),
  /** Today's progress over the entries matching the scope (before segment, channel and currency filters). */
  progress: z.object({ done: z.number().int().min(0), open: z.number().int().min(0), snoozed: z.number().int().min(0) }),
  /** What the filters can offer: the currencies and channels present on the list. */
  currencies: z.array(z.string()),
  channels: z.array(z.enum(CALL_LIST_CHANNELS)),
  kpis: z.array(PortfolioKpisVM),
  /** Month ends, oldest first; the running month last. */
  trend: z.array(z.object({ date: DateVM, kpis: z.array(PortfolioKpisVM) })).max(24),
});
export type CallListVM = z.infer<typeof CallListVM>;

export const HOME_ERROR_CODES = ['invalid_request', 'not_found', 'user_required'] as const;
export type HomeErrorCode = (typeof HOME_ERROR_CODES)[number];
