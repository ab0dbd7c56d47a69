import { useI18n, type I18n } from '../i18n';
import { homeEn, type HomeMessages } from './messages-en';
import { homeNl } from './messages-nl';

export interface HomeI18n extends I18n {
  readonly h: HomeMessages;
}

export const homeMessages = (lang: 'en' | 'nl'): HomeMessages => (lang === 'nl' ? homeNl : homeEn);
export const withHomeMessages = (i18n: I18n): HomeI18n => ({ ...i18n, h: homeMessages(i18n.lang) });

/** The shared formatters and language of the user, plus the app home's own texts. */
export const useHomeI18n = (): HomeI18n => withHomeMessages(useI18n());
