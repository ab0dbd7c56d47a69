import { useI18n, type I18n } from '../i18n';
import { settingsEn, type SettingsMessages } from './messages-en';
import { settingsNl } from './messages-nl';

export interface SettingsI18n extends I18n {
  readonly s: SettingsMessages;
}

export const withSettingsMessages = (i18n: I18n): SettingsI18n => ({ ...i18n, s: i18n.lang === 'nl' ? settingsNl : settingsEn });

/** The shared formatters and language of the user, plus the settings page's own texts. */
export const useSettingsI18n = (): SettingsI18n => withSettingsMessages(useI18n());
