import {
  ACTION_API_PATHS, CallScriptVM, KeptForLaterVM, OutcomeAnswer, PreferencesAnswer, PreferencesVM, ValidationErrorVM,
  type OutcomeResultVM,
  type OutcomeInputRaw, type PreferencesInput,
} from '../../contracts/actions';
import { buildUrl, getJson, sendJson, type FetchFailure, type FetchResult, type SendResult } from '../api/client';

export interface CompanyRef {
  readonly origin: string;
  readonly portalId: number | string;
  readonly companyId: number | string;
}

/**
 * A write either succeeds, is saved with its HubSpot part waiting for HubSpot's daily limit to reset (202), is
 * refused field by field (422), or fails (network, HTTP, unexpected answer).
 */
export type WriteResult<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: true; readonly kept: KeptForLaterVM }
  | { readonly ok: false; readonly fieldErrors: ValidationErrorVM['fieldErrors'] }
  | { readonly ok: false; readonly failure: FetchFailure };

const q = (ref: CompanyRef) => ({ portalId: ref.portalId, companyId: ref.companyId });

async function write<T>(p: Promise<SendResult<T | KeptForLaterVM>>): Promise<WriteResult<T>> {
  const r = await p;
  if (r.ok) {
    const kept = KeptForLaterVM.safeParse(r.data);
    return kept.success ? { ok: true, kept: kept.data } : { ok: true, data: r.data as T };
  }
  const refused = ValidationErrorVM.safeParse(r.errorBody);
  return refused.success ? { ok: false, fieldErrors: refused.data.fieldErrors } : { ok: false, failure: r.failure };
}

export const fetchPreferences = (ref: CompanyRef): Promise<FetchResult<PreferencesVM>> =>
  getJson(buildUrl(ref.origin, ACTION_API_PATHS.preferences, q(ref)), PreferencesVM);

export const savePreferences = (ref: CompanyRef, input: PreferencesInput): Promise<WriteResult<PreferencesVM>> =>
  write(sendJson('PUT', buildUrl(ref.origin, ACTION_API_PATHS.preferences, q(ref)), { ...input }, PreferencesAnswer));

export function fetchCallScript(ref: CompanyRef, opts: { language: 'en' | 'nl'; companyName?: string }): Promise<FetchResult<CallScriptVM>> {
  const query = { ...q(ref), language: opts.language, ...(opts.companyName ? { companyName: opts.companyName } : {}) };
  return getJson(buildUrl(ref.origin, ACTION_API_PATHS.callScript, query), CallScriptVM);
}

export const postOutcome = (ref: CompanyRef, input: OutcomeInputRaw): Promise<WriteResult<OutcomeResultVM>> =>
  write(sendJson('POST', buildUrl(ref.origin, ACTION_API_PATHS.outcomes, q(ref)), { ...input }, OutcomeAnswer));
