/** Shared sandbox types. state.ts re-exports them; they live here so crm/* never imports state.ts (no cycles). */

export const SANDBOX_OBJECT_TYPES = [
  'companies', 'contacts', 'deals', 'tickets', 'meetings', 'tasks', 'notes', 'calls', 'communications', 'emails', 'invoices',
] as const;
export type SandboxObjectType = (typeof SANDBOX_OBJECT_TYPES)[number];

export interface ChangeEvent {
  portalId: number;
  objectType: SandboxObjectType;
  objectId: string;
  kind: 'creation' | 'propertyChange' | 'deletion' | 'merge' | 'restore' | 'associationChange';
  propertyName?: string;
  propertyValue?: string;
  /** Merge only: the records merged into `objectId` (HubSpot's `mergedObjectIds`). */
  mergedObjectIds?: string[];
  occurredAt: number;
  changeSource: 'API' | 'CRM_UI' | 'IMPORT';
}

export type RateLimitTier = 'off' | 'marketplace' | 'private-starter' | 'private-pro' | 'private-addon';

export interface PortalSettings {
  rateLimitTier: RateLimitTier;
  searchPerSecond: number;
  lockOnWriteBurst: boolean;
  /** IANA zone the account runs in (account-info `timeZone`); HubSpot's daily limit resets at its midnight. */
  timeZone: string;
  /** The account's company currency (account-info `companyCurrency`), ISO 4217. */
  currency: string;
  /** Further currencies the account has switched on (account-info `additionalCurrencies`). */
  additionalCurrencies: string[];
}

export interface SandboxRecord {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  archivedAt?: string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Templated route, e.g. `POST /crm/v3/objects/{type}/batch/create`. */
  route: string;
  status: number;
  at: number;
}

export interface WriteOptions {
  source?: ChangeEvent['changeSource'];
  now?: number;
}

export interface SandboxOwner {
  id: string;
  userId: number;
  email: string;
  firstName: string;
  lastName: string;
  teams: { id: string; name: string; primary: boolean }[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}
