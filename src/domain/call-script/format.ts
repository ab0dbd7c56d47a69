import type { Language } from '../ledger';
import { render, type Params } from '../i18n/message';
import { MESSAGES, type MessageKey } from './messages';

export { LOCALE, formatAmounts, formatDate, formatMoney, formatPercent } from '../i18n/format';
export type { Params } from '../i18n/message';

/** The call-script text of `key` in `language`, placeholders filled and the plural form chosen for the reader's language. */
export const text = (language: Language, key: MessageKey, params: Params = {}): string => render(language, MESSAGES[language][key], params, key);

/** "1 day" / "3 days" in the reader's language. */
export const daysText = (language: Language, n: number): string => text(language, 'unit.days', { n });
