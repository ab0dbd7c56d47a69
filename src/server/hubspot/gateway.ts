import type { Channel, CompanyId, ContactId, OwnerId } from '../../domain/ledger';
import type { Instant, IsoDate } from '../../domain/dates';
import type { TaskPriority, TaskType } from '../../domain/policy/task-kind';

/**
 * The HubSpot gateway port, in the app's words. Only the adapter (hubspot-gateway.ts) knows HubSpot's
 * property names, object types and association type ids. Every method is retried and rate-limited per
 * portal inside the adapter; what still fails throws a GatewayError carrying the verdict.
 */

/** What matching needs to know about a HubSpot company. */
export interface CompanySummary {
  readonly id: CompanyId;
  readonly name?: string;
  readonly domain?: string;
  readonly ownerId?: OwnerId;
  readonly vatNumber?: string;
  readonly cocNumber?: string;
  readonly customerNumber?: string;
}

/** A HubSpot owner as the call list's "mine" and "team" scopes need it. */
export interface OwnerSummary {
  readonly ownerId: OwnerId;
  /** The HubSpot user (context.user.id on a card); absent for an owner without a user. */
  readonly userId?: string;
  readonly teamIds: readonly string[];
  /** First and last name as HubSpot has them (shown to the portal's own users; never logged). */
  readonly name?: string;
}

/** The domain's segments; 'standard' = overdue but in none of the three worklist segments. */
export const RISK_SEGMENTS = ['at_risk', 'low_hanging_fruit', 'deprioritised', 'standard', 'current'] as const;
export type RiskSegment = (typeof RISK_SEGMENTS)[number];

/** The receivables facts written onto a company record. */
export interface CompanyRollup {
  readonly companyId: CompanyId;
  /** Currency of openBalance/overdueBalance: the portal currency when owed in it, else the largest. */
  readonly currency: string;
  /** Major units (HubSpot number properties are decimals). */
  readonly openBalance: number;
  readonly overdueBalance: number;
  /** Every currency, e.g. "EUR 1.234,56 · USD 300,00"; empty when nothing is open. */
  readonly openSummary: string;
  readonly overdueSummary: string;
  readonly oldestOverdueDays: number;
  /** A ladder step id, 'none' or 'paused'. */
  readonly dunningStage: string;
  /** e.g. "call · after_due_call"; empty when nothing is planned. */
  readonly nextAction: string;
  readonly nextActionDate: IsoDate | null;
  readonly promiseDate: IsoDate | null;
  readonly riskSegment: RiskSegment;
  readonly preferredChannel: Channel | null;
  readonly optOut: boolean;
}

/** A reminder task to create; `actionKey` is the planned action's idempotency key and travels into HubSpot. */
export interface TaskDraft {
  readonly actionKey: string;
  readonly companyId: CompanyId;
  readonly contactId?: ContactId;
  readonly ownerId?: OwnerId;
  readonly type: TaskType;
  readonly subject: string;
  readonly body: string;
  readonly dueAt: Instant;
  readonly priority: TaskPriority;
  /** The reminder step or follow-up kind (rd_step): HubSpot views and reports can filter tasks by it. */
  readonly stepId?: string;
}

/** Raw customer keys to look companies up by (HubSpot search, exact values; several values per key are ORed). */
export interface CompanySearchKeys {
  readonly vatNumbers?: readonly string[];
  readonly cocNumbers?: readonly string[];
  readonly customerNumbers?: readonly string[];
  readonly domains?: readonly string[];
  readonly names?: readonly string[];
}

/** A task write HubSpot refused on its own (batch-split.ts), with HubSpot's reason. */
export interface RefusedTask { readonly taskId: string; readonly reason: string }

/** New texts, owner or due time of an open reminder task whose facts changed. */
export interface TaskUpdate {
  readonly taskId: string;
  readonly subject: string;
  readonly body: string;
  readonly ownerId?: OwnerId;
  readonly priority: TaskPriority;
}

export interface TaskCompletion { readonly completed: boolean; readonly completedAt?: Instant }

export interface CreatedTask { readonly actionKey: string; readonly taskId: string }
export interface RejectedTask { readonly actionKey: string; readonly reason: string }

export interface NoteDraft {
  /** Idempotency key: the same key never makes a second note, whatever was retried. */
  readonly key: string;
  readonly companyId: CompanyId;
  readonly contactId?: ContactId;
  readonly ownerId?: OwnerId;
  readonly body: string;
  readonly at: Instant;
}

export interface SchemaResult {
  /** Property groups created by this run (empty on a second run). */
  readonly groupsCreated: readonly string[];
  readonly propertiesCreated: readonly string[];
  readonly propertiesUpdated: readonly string[];
}

/** The account's own settings (HubSpot's account-info API). */
export interface AccountDetails {
  /** IANA zone; HubSpot may name a legacy alias such as US/Eastern. */
  readonly timeZone: string;
  /** The company currency, ISO 4217. */
  readonly currency: string;
}

export interface HubSpotGateway {
  /** The account's time zone and company currency (`GET /account-info/v3/details`, scope `oauth` only). */
  accountDetails(portalId: string): Promise<AccountDetails>;
  /** Pages through every company (100 per call); resolves with the number seen. */
  listCompanies(portalId: string, onPage: (companies: readonly CompanySummary[]) => Promise<void> | void): Promise<number>;
  /** The companies as matching sees them, for any number of ids (batch reads of 100); deleted ones are left out. */
  readCompanies(portalId: string, companyIds: readonly CompanyId[]): Promise<CompanySummary[]>;
  /** One HubSpot search (search budget) for companies carrying any of the keys; at most 200 results. */
  findCompanies(portalId: string, keys: CompanySearchKeys): Promise<CompanySummary[]>;
  /** Company owners for up to any number of ids (batch reads of 100). Missing companies are left out. */
  getCompanyOwners(portalId: string, companyIds: readonly CompanyId[]): Promise<Map<CompanyId, OwnerId | undefined>>;
  /** Every active owner of the portal with the HubSpot user behind it and the teams it belongs to (pages of 100). */
  listOwners(portalId: string): Promise<OwnerSummary[]>;
  /** Creates what is missing of the app's property groups and properties; a second run creates nothing. */
  ensureSchema(portalId: string, options: { readonly dunningStages: readonly string[] }): Promise<SchemaResult>;
  /**
   * At most 100 per call (one HubSpot batch). Companies HubSpot refuses one by one (a 400 for their values) come
   * back with the reason; the rest is written.
   */
  updateCompanyRollups(portalId: string, rollups: readonly CompanyRollup[], syncedAt: Instant): Promise<{ refused: { companyId: CompanyId; reason: string }[] }>;
  /** At most 100 per call (one batch create with inline associations). */
  createTasks(portalId: string, drafts: readonly TaskDraft[]): Promise<{ created: CreatedTask[]; rejected: RejectedTask[] }>;
  /** Finds tasks an earlier (crashed) attempt created, by action key. */
  findTasksByActionKey(portalId: string, actionKeys: readonly string[]): Promise<Map<string, string>>;
  /**
   * Rewrites open tasks whose facts changed (amounts, invoices, owner); at most 100 per call. A task HubSpot
   * refuses (400) comes back with its reason; the others are written all the same.
   */
  updateTasks(portalId: string, updates: readonly TaskUpdate[]): Promise<{ refused: RefusedTask[] }>;
  /** Whether each task is completed and when HubSpot says it was (hs_task_completion_date); missing tasks are left out. Any number of ids. */
  readTaskCompletions(portalId: string, taskIds: readonly string[]): Promise<Map<string, TaskCompletion>>;
  /** Marks tasks completed (no longer needed); at most 100 per call. A task HubSpot refuses (400) comes back, the others are completed. */
  completeTasks(portalId: string, taskIds: readonly string[]): Promise<{ refused: RefusedTask[] }>;
  /** Creates the note once per key (a retry after a lost answer finds the first one); resolves its id. */
  createNote(portalId: string, note: NoteDraft): Promise<string>;
  /** HubSpot calls made through this gateway since start (all portals), for summaries and benchmarks. */
  callCount(): number;
}
