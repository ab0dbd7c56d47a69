import type { PauseInput, PreferencesInput, PreferencesVM } from '../../contracts/actions';

/** The Contact preferences form as the card edits it (one hour range for all good days keeps the form small). */
export interface PreferencesForm {
  readonly channels: readonly string[];
  readonly ap: string;
  readonly dm: string;
  readonly days: readonly number[];
  readonly fromHour: number;
  readonly toHour: number;
  readonly language: 'en' | 'nl';
  readonly customerType: 'business' | 'consumer';
  readonly optOut: boolean;
  readonly optOutUntil: string;
  readonly optOutReason: string;
  readonly pauses: readonly PauseInput[];
  readonly newPauseReason: string;
  readonly newPauseUntil: string;
}

export type FormErrors = Record<string, { code: string; message: string }>;

export function formFromVM(vm: PreferencesVM): PreferencesForm {
  const p = vm.preferences;
  const first = p.callWindows[0];
  return {
    channels: [...p.channels], ap: p.accountsPayableContactId ?? '', dm: p.decisionMakerContactId ?? '',
    days: [...new Set(p.callWindows.map((w) => w.weekday))].sort(), fromHour: first?.fromHour ?? 9, toHour: first?.toHour ?? 17,
    language: p.language, customerType: p.customerType,
    optOut: p.optOut !== undefined, optOutUntil: p.optOut?.until ?? '', optOutReason: p.optOut?.reason ?? '',
    pauses: p.pauses.map((x) => ({ ...x })), newPauseReason: '', newPauseUntil: '',
  };
}

/** The form as the API's input; a new pause starts today. */
export function inputFromForm(f: PreferencesForm, today: string): PreferencesInput {
  const newPause = f.newPauseUntil ? [{ reason: f.newPauseReason.trim() || '—', from: today, until: f.newPauseUntil }] : [];
  return {
    channels: [...f.channels] as PreferencesInput['channels'],
    ...(f.ap ? { accountsPayableContactId: f.ap } : {}),
    ...(f.dm ? { decisionMakerContactId: f.dm } : {}),
    callWindows: f.days.map((weekday) => ({ weekday, fromHour: f.fromHour, toHour: f.toHour })),
    language: f.language,
    customerType: f.customerType,
    ...(f.optOut ? { optOut: { ...(f.optOutUntil ? { until: f.optOutUntil } : {}), ...(f.optOutReason.trim() ? { reason: f.optOutReason.trim() } : {}) } } : {}),
    pauses: [...f.pauses, ...newPause],
  };
}

/**
 * What the card can check before sending (the server checks again): duplicate channels, dates in the past,
 * hours, and people that are not among the company's contacts. Keys match the server's field paths.
 */
export function checkForm(f: PreferencesForm, today: string, contactIds: ReadonlySet<string>): FormErrors {
  const e: FormErrors = {};
  const add = (k: string, code: string) => { if (!e[k]) e[k] = { code, message: code }; };
  if (f.channels.length === 0) add('channels', 'invalid');
  f.channels.forEach((c, i) => { if (f.channels.indexOf(c) !== i) add(`channels.${i}`, 'duplicate_channel'); });
  if (f.days.length > 0 && !(f.fromHour < f.toHour)) add('callWindows.0.toHour', 'invalid');
  if (f.ap && !contactIds.has(f.ap)) add('accountsPayableContactId', 'contact_not_associated');
  if (f.dm && !contactIds.has(f.dm)) add('decisionMakerContactId', 'contact_not_associated');
  if (f.optOut && f.optOutUntil && f.optOutUntil < today) add('optOut.until', 'date_in_past');
  if (f.newPauseUntil && f.newPauseUntil < today) add(`pauses.${f.pauses.length}.until`, 'date_in_past');
  return e;
}

/** Moves `channel` to the front (the "apply suggestion" button). */
export const preferFirst = (channels: readonly string[], channel: string): string[] => [channel, ...channels.filter((c) => c !== channel)];
