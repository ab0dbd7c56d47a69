import { ApiKeyListVM, API_KEY_PATHS, CreatedApiKeyVM } from '../../contracts/api-keys';
import { DEBTOR_LINK_PATHS, DebtorLinkVM } from '../../contracts/debtor-page';
import { OPERATIONS_PATHS, RetriedVM, SyncHealthVM } from '../../contracts/operations';
import { PolicyPreviewVM, PortalSettingsVM, SETTINGS_PATHS, type PolicyPreviewRequest, type UpdateSettingsRequest } from '../../contracts/settings';
import { z } from 'zod';
import { buildUrl, getJson, sendJson, type FetchResult, type SendResult } from '../api/client';

/** Who asks: the portal and the HubSpot user, both from the page's context, both in the signed URL. */
export interface SettingsRef {
  readonly origin: string;
  readonly portalId: number | string;
  readonly userId?: number | string;
}

const query = (ref: SettingsRef) => ({ portalId: ref.portalId, ...(ref.userId !== undefined ? { userId: ref.userId } : {}) });

export const fetchSettings = (ref: SettingsRef): Promise<FetchResult<PortalSettingsVM>> =>
  getJson(buildUrl(ref.origin, SETTINGS_PATHS.settings, query(ref)), PortalSettingsVM);

export const saveSettings = (ref: SettingsRef, change: UpdateSettingsRequest): Promise<SendResult<PortalSettingsVM>> =>
  sendJson('PATCH', buildUrl(ref.origin, SETTINGS_PATHS.settings, query(ref)), change, PortalSettingsVM);

export const previewPolicy = (ref: SettingsRef, req: PolicyPreviewRequest): Promise<SendResult<PolicyPreviewVM>> =>
  sendJson('POST', buildUrl(ref.origin, SETTINGS_PATHS.preview, query(ref)), req, PolicyPreviewVM);

export const fetchApiKeys = (ref: SettingsRef): Promise<FetchResult<ApiKeyListVM>> =>
  getJson(buildUrl(ref.origin, API_KEY_PATHS.keys, query(ref)), ApiKeyListVM);

export const createApiKey = (ref: SettingsRef, label: string): Promise<SendResult<CreatedApiKeyVM>> =>
  sendJson('POST', buildUrl(ref.origin, API_KEY_PATHS.keys, query(ref)), label ? { label } : {}, CreatedApiKeyVM);

/** 204 without a body: any JSON (or none) is accepted. */
export const revokeApiKey = (ref: SettingsRef, keyId: string): Promise<SendResult<unknown>> =>
  sendJson('DELETE', buildUrl(ref.origin, API_KEY_PATHS.key(keyId), query(ref)), {}, z.unknown());

export const fetchSyncHealth = (ref: SettingsRef): Promise<FetchResult<SyncHealthVM>> =>
  getJson(buildUrl(ref.origin, OPERATIONS_PATHS.syncHealth, query(ref)), SyncHealthVM);

export const retryDeadLetter = (ref: SettingsRef, letterId: string): Promise<SendResult<RetriedVM>> =>
  sendJson('POST', buildUrl(ref.origin, OPERATIONS_PATHS.retry(letterId), query(ref)), {}, RetriedVM);

/** 204 without a body. */
export const discardDeadLetter = (ref: SettingsRef, letterId: string): Promise<SendResult<unknown>> =>
  sendJson('DELETE', buildUrl(ref.origin, OPERATIONS_PATHS.discard(letterId), query(ref)), {}, z.unknown());

/** A new debtor-page link for the customer; the old one opens nothing from then on. */
export const rotateDebtorLink = (ref: SettingsRef, companyId: string): Promise<SendResult<DebtorLinkVM>> =>
  sendJson('POST', buildUrl(ref.origin, DEBTOR_LINK_PATHS.rotate(companyId), query(ref)), {}, DebtorLinkVM);

/** The problems of a refused save or preview (400 invalid_settings), as the server worded them. */
export function problemsOf(body: unknown): { section: string; message: string }[] {
  const parsed = z.object({ problems: z.array(z.object({ section: z.string(), message: z.string() })) }).safeParse(body);
  return parsed.success ? parsed.data.problems : [];
}
