import { useI18n, type I18n } from '../i18n';
import { actionsEn, type ActionsMessages } from './messages-en';
import { actionsNl } from './messages-nl';

export interface ActionsI18n extends I18n {
  readonly a: ActionsMessages;
}

export const actionsMessages = (lang: 'en' | 'nl'): ActionsMessages => (lang === 'nl' ? actionsNl : actionsEn);

/** The shared formatters and language of the user, plus these cards' own texts. */
export function useActionsI18n(): ActionsI18n {
  const i18n = useI18n();
  return { ...i18n, a: actionsMessages(i18n.lang) };
}

/** A server field error in the user's language; an unknown code shows the server's English message. */
export function fieldErrorText(a: ActionsMessages, e: { code: string; message: string } | undefined): string | undefined {
  if (!e) return undefined;
  return a.fieldError[e.code] ?? e.message;
}
