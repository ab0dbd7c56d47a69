import { z } from 'zod';

/**
 * Sync health for the settings page and operators: what the app did for the portal lately, what waits, what
 * failed for good (dead letters, with retry and discard), and how much of HubSpot's API budget today took.
 * Requests are signed by HubSpot like every card request; portal and user come from the signed query.
 * Reading is open to the portal's users; retry and discard need an app admin (the settings' admins).
 */
export const OPERATIONS_PATHS = {
  /** GET: the portal's sync health. */
  syncHealth: '/api/admin/sync-health',
  /** POST: try a dead letter again (202) · 404 when the portal has no such letter. */
  retry: (letterId: string) => `/api/admin/dead-letters/${encodeURIComponent(letterId)}/retry`,
  /** DELETE: discard a dead letter (204). */
  discard: (letterId: string) => `/api/admin/dead-letters/${encodeURIComponent(letterId)}`,
} as const;

const NumericId = z.string().regex(/^\d{1,20}$/, { error: 'must be a numeric HubSpot id' });

/** The signed query; `userId` (the page's context.user.id) is needed to retry or discard. */
export const OperationsQuery = z.object({ portalId: NumericId, userId: NumericId.optional() });
export type OperationsQuery = z.infer<typeof OperationsQuery>;

/** A dead letter's id as the list gives it. */
export const DeadLetterId = z.string().regex(/^[a-f0-9]{24}$/, { error: 'must be a dead letter id from the list' });

/** What failed for good: a background job, one company's pass, or a task HubSpot rejected. */
export const DEAD_LETTER_SOURCES = ['job', 'company', 'task'] as const;
export type DeadLetterSource = (typeof DEAD_LETTER_SOURCES)[number];

export const DeadLetterVM = z.object({
  id: z.string(),
  /** Real time (ISO) it failed for good. */
  at: z.string(),
  source: z.enum(DEAD_LETTER_SOURCES),
  /** e.g. refresh-portal, sync-company, create-task. */
  kind: z.string(),
  /** What it was about: a job id, a HubSpot company id or a task's action key. */
  ref: z.string(),
  /** HubSpot company id when the letter is about one company. */
  companyId: z.string().nullable(),
  /** Why it failed, in the words of HubSpot or the app (English; never personal data). */
  reason: z.string(),
  attempts: z.number().int().nullable(),
});
export type DeadLetterVM = z.infer<typeof DeadLetterVM>;

export const QUEUE_NAMES = ['sync', 'scheduling', 'refresh', 'webhooks'] as const;

/** The app's background queues (shared by every portal: counts only). */
export const QueueDepthVM = z.object({
  name: z.enum(QUEUE_NAMES),
  waiting: z.number().int(),
  active: z.number().int(),
  delayed: z.number().int(),
  failed: z.number().int(),
  /** How long the oldest waiting job has waited (seconds); 0 when none waits. */
  lagSeconds: z.number(),
});
export type QueueDepthVM = z.infer<typeof QueueDepthVM>;

export const SyncHealthVM = z.object({
  portalId: z.string(),
  /** Real time (ISO) of this answer. */
  generatedAt: z.string(),
  /** The portal's zone and company currency (from HubSpot's account-info). */
  timeZone: z.string(),
  currency: z.string(),
  /** The last run of the continuous sync (rollups written and reminder tasks planned), null before the first. */
  lastRun: z.object({
    /** Business time (ISO) it started. */
    at: z.string(),
    companies: z.number().int(),
    seconds: z.number(),
    rollupsWritten: z.number().int(),
    tasksCreated: z.number().int(),
    tasksUpdated: z.number().int(),
    tasksClosed: z.number().int(),
    tasksRejected: z.number().int(),
  }).nullable(),
  /** The daily pass: local time and the next run (real time, ISO; null when not scheduled). */
  dailyRun: z.object({ at: z.string(), next: z.string().nullable() }),
  /** Companies changed and not yet synced. */
  pendingCompanies: z.number().int(),
  queues: z.array(QueueDepthVM),
  deadLetters: z.object({ total: z.number().int(), items: z.array(DeadLetterVM) }),
  /** HubSpot calls today (the portal's own day), against the budget. */
  hubspotCalls: z.object({
    /** The portal's calendar date the counts are for. */
    day: z.string(),
    used: z.number().int(),
    /** Answers HubSpot refused with 429. */
    rateLimited: z.number().int(),
    /** The daily limit of the app's rate tier; null when HubSpot sets none (marketplace OAuth apps). */
    dailyLimit: z.number().int().nullable(),
    /** The burst limit per rolling 10 seconds. */
    per10Seconds: z.number().int(),
  }),
  /**
   * HubSpot's daily limit spent: until when (real time, ISO) the portal's syncing and planning pause (null when not
   * parked), and how many card writes are saved and wait to be sent to HubSpot after the reset.
   */
  dailyLimitPause: z.object({ until: z.string().nullable(), waitingWrites: z.number().int() }),
  /** Whether this user may retry and discard dead letters. */
  canAct: z.boolean(),
});
export type SyncHealthVM = z.infer<typeof SyncHealthVM>;

/** The answer to a retry: what was done again. */
export const RetriedVM = z.object({
  id: z.string(),
  /** job: the failed job runs again with fresh attempts · sync: what it was about is synced and planned again. */
  retried: z.enum(['job', 'sync']),
});
export type RetriedVM = z.infer<typeof RetriedVM>;

/** Error codes of this API (besides the signature codes every signed endpoint answers). */
export const OPERATIONS_ERROR_CODES = ['not_admin', 'not_found', 'invalid_request'] as const;
export type OperationsErrorCode = (typeof OPERATIONS_ERROR_CODES)[number];
