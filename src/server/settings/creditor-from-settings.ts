import type { CreditorDetails, CreditorSource } from '../debtor-page/creditor';
import type { SettingsService } from './settings-service';

/**
 * The debtor page's creditor from the portal's settings: the company details an admin saved, else `fallback`'s
 * (only the embedded demo has one), else none; the default language is always the portal's.
 */
export function creditorFromSettings(settings: Pick<SettingsService, 'read'>, fallback?: CreditorSource): CreditorSource {
  return async (portalId): Promise<CreditorDetails | undefined> => {
    const s = await settings.read(portalId);
    const c = s.company;
    if (!c) {
      const demo = await fallback?.(portalId);
      return demo && { ...demo, defaultLanguage: s.defaultLanguage };
    }
    return {
      legalName: c.legalName, iban: c.iban, brandColour: c.brandColour, defaultLanguage: s.defaultLanguage, vatOnCollectionCosts: c.vatOnCollectionCosts,
      ...(c.bic ? { bic: c.bic } : {}), ...(c.cocNumber ? { cocNumber: c.cocNumber } : {}),
      ...(c.vatNumber ? { vatNumber: c.vatNumber } : {}), ...(c.supportEmail ? { supportEmail: c.supportEmail } : {}),
    };
  };
}
