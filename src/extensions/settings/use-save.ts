import { useState } from 'react';
import type { PortalSettingsVM, UpdateSettingsRequest } from '../../contracts/settings';
import { problemsOf, saveSettings, type SettingsRef } from './settings-api';
import type { SettingsMessages } from './messages-en';

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved' }
  | { readonly kind: 'refused'; readonly text: string; readonly problems: readonly string[] };

/** Saves one section with the version last read; the answer (the saved settings) replaces the page's copy. */
export function useSave(ref: SettingsRef, s: SettingsMessages, settings: PortalSettingsVM, onSaved: (next: PortalSettingsVM) => void) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  async function save(change: Omit<UpdateSettingsRequest, 'version'>) {
    setStatus({ kind: 'saving' });
    const result = await saveSettings(ref, { version: settings.version, ...change });
    if (result.ok) {
      setStatus({ kind: 'saved' });
      onSaved(result.data);
      return;
    }
    const code = result.failure.kind === 'http' ? result.failure.code : undefined;
    const text = code === 'version_conflict' ? s.conflict : code === 'not_admin' ? s.notAdmin
      : code === 'invalid_settings' || code === 'invalid_request' ? s.invalid : s.failed;
    setStatus({ kind: 'refused', text, problems: problemsOf(result.errorBody).map((p) => p.message).concat(code === 'invalid_request' ? invalidRequestLines(result.errorBody) : []) });
  }
  return { status, save, reset: () => setStatus({ kind: 'idle' }) };
}

/** A 400 invalid_request names its fields in `message`; shown as it is (English) for lack of a code per field. */
function invalidRequestLines(body: unknown): string[] {
  return typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string' ? [body.message] : [];
}
