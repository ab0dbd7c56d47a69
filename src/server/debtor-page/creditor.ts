import type { Language } from '../../domain/ledger';

/**
 * The creditor as the debtor page presents it: name, bank details and colours. The settings store implements
 * `CreditorSource` per portal (creditor-from-settings.ts); only the embedded demo falls back to DEMO_CREDITOR.
 */
export interface CreditorDetails {
  readonly legalName: string;
  /** Where the customer transfers to (EPC QR, copy fields). */
  readonly iban: string;
  readonly bic?: string;
  readonly cocNumber?: string;
  readonly vatNumber?: string;
  readonly supportEmail?: string;
  /** Brand colour `#rrggbb` for the header; the text colour on it is chosen for contrast. */
  readonly brandColour: string;
  /** The page's language when the customer's profile does not say. */
  readonly defaultLanguage: Language;
  /** Whether VAT is added to collection costs (the settings' company details), so the page's costs are the letters'. */
  readonly vatOnCollectionCosts: boolean;
}

/**
 * The portal's creditor, or undefined while it has not saved its own company details: a page with payment
 * instructions is then refused, never shown with someone else's IBAN.
 */
export type CreditorSource = (portalId: string) => Promise<CreditorDetails | undefined>;

/** The embedded demo's creditor (a fictitious company; the IBAN is the well-known valid example NL91ABNA0417164300). */
export const DEMO_CREDITOR: CreditorDetails = {
  legalName: 'Voorbeeld Groothandel B.V.',
  iban: 'NL91ABNA0417164300',
  bic: 'ABNANL2A',
  cocNumber: '12345678',
  vatNumber: 'NL123456789B01',
  supportEmail: 'debiteuren@voorbeeld.example',
  brandColour: '#0b5cab',
  defaultLanguage: 'nl',
  vatOnCollectionCosts: false,
};

export const fixedCreditor = (details: CreditorDetails): CreditorSource => async () => details;
