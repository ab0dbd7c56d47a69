import type { CsvField } from './csv-fields';

/**
 * What a header name means, whatever the export wrote: `Factuurnummer`, `factuur nr.`, `FACTUUR-NR`,
 * `Invoice No.`, `Invoice #` and `InvoiceNumber` are one name. Normalising: a stray BOM and accents go
 * (`Fälligkeit` → `falligkeit`), CamelCase splits, case goes, every run of punctuation or spaces becomes one
 * space, and the words for "number" (`nummer`, `nr`, `no`, `number`, `num`, `#`) — also glued to the end of
 * a word, as in `Factuurnr` — become `nr`.
 */
export function normaliseHeader(raw: string): string {
  const words = raw
    .replace(/^\uFEFF/, '')
    .normalize('NFD').replace(/\p{M}/gu, '')
    .replace(/([a-z]{2})([A-Z][a-z])/g, '$1 $2') // InvoiceNumber, DueDate (Xero's CamelCase), but not KvK
    .toLowerCase()
    .replace(/#/g, ' nr ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return words.flatMap((w) => {
    if (NUMBER_WORDS.has(w)) return ['nr'];
    const glued = /^(.{2,}?)(nummer|number|nr)$/.exec(w);
    return glued ? [glued[1]!, 'nr'] : [w];
  }).join(' ');
}

const NUMBER_WORDS = new Set(['nummer', 'nr', 'no', 'number', 'num', 'nbr', 'n']);

/**
 * Header names per field, already normalised, most specific first: when two columns could hold one field
 * the one whose name comes first here wins (`Openstaand` before `Saldo`). No name appears under two fields
 * (a test checks it). Dutch, Flemish, English and German words, as the packages of NL/BE export them.
 */
export const SYNONYMS: Record<CsvField, readonly string[]> = {
  number: ['factuur nr', 'invoice nr', 'factuur', 'invoice', 'rechnung nr', 'rechnungs nr', 'document nr', 'doc nr', 'boekstuk nr', 'nr', 'ref nr', 'reference'],
  externalId: ['external id', 'extern id', 'invoice id', 'factuur id', 'unique id'],
  customerNumber: [
    'debiteur nr', 'debiteuren nr', 'klant nr', 'relatie nr', 'relatiecode', 'debiteurcode', 'debiteur code', 'klantcode',
    'customer nr', 'customer id', 'customer code', 'account nr', 'account code', 'contact nr', 'debtor nr', 'kunden nr', 'relation nr',
  ],
  customerName: [
    'debiteur', 'debiteurnaam', 'debiteur naam', 'klant', 'klantnaam', 'klant naam', 'relatie', 'relatienaam', 'relatie naam',
    'bedrijfsnaam', 'naam', 'customer', 'customer name', 'client', 'client name', 'contact', 'contact name', 'company', 'company name',
    'debtor', 'debtor name', 'name', 'kunde', 'kundenname',
  ],
  domain: ['domein', 'domain', 'website', 'web', 'url', 'webadres', 'internetadres'],
  vatNumber: ['btw nr', 'btw', 'btw id', 'btw identificatie nr', 'btw identificatienummer', 'vat nr', 'vat', 'vat id', 'vat registration nr', 'tax nr', 'tax id', 'ust id nr', 'ust id', 'ustid'],
  cocNumber: ['kvk nr', 'kvk', 'coc nr', 'coc', 'chamber of commerce', 'chamber of commerce nr', 'kamer van koophandel', 'handelsregister', 'registration nr', 'company registration nr', 'kbo nr', 'ondernemings nr'],
  hubspotCompanyId: ['hubspot id', 'hubspot company id', 'hubspot record id', 'record id'],
  issueDate: ['factuurdatum', 'factuur datum', 'invoice date', 'issue date', 'document date', 'documentdatum', 'rechnungsdatum', 'datum', 'date', 'txn date', 'transaction date'],
  dueDate: ['vervaldatum', 'verval datum', 'vervaldag', 'uiterste betaaldatum', 'due date', 'payment due date', 'due', 'due on', 'faelligkeitsdatum', 'falligkeitsdatum', 'falligkeit', 'faellig am'],
  currency: ['valuta', 'valutacode', 'munt', 'currency', 'currency code', 'ccy', 'waehrung', 'wahrung'],
  amount: [
    'bedrag', 'factuurbedrag', 'bedrag incl btw', 'totaal incl btw', 'totaalbedrag', 'totaal', 'bruto', 'brutobedrag',
    'amount', 'invoice amount', 'total', 'invoice total', 'total amount', 'gross amount', 'amount incl vat', 'total incl vat', 'betrag', 'bruttobetrag', 'rechnungsbetrag',
  ],
  openAmount: [
    'openstaand', 'openstaand bedrag', 'open bedrag', 'openstaand saldo', 'nog te betalen', 'restant', 'restbedrag', 'saldo', 'open',
    'open amount', 'open balance', 'amount due', 'balance due', 'outstanding', 'outstanding amount', 'balance', 'offen', 'offener betrag', 'restbetrag',
  ],
  status: ['status', 'factuurstatus', 'invoice status', 'state'],
  directDebit: ['incasso', 'automatische incasso', 'sepa incasso', 'machtiging', 'direct debit', 'lastschrift'],
  paidDate: ['betaaldatum', 'datum betaald', 'betaald op', 'paid date', 'payment date', 'date paid', 'paid on', 'fully paid on', 'bezahlt am'],
  version: ['version', 'versie', 'gewijzigd', 'laatst gewijzigd', 'last modified', 'modified', 'updated at', 'updated'],
};

/** The field a normalised header name stands for, with its rank (0 = the most specific synonym). */
export function fieldOf(normalised: string): { field: CsvField; rank: number } | undefined {
  return BY_NAME.get(normalised);
}

const BY_NAME = new Map<string, { field: CsvField; rank: number }>(
  (Object.entries(SYNONYMS) as [CsvField, readonly string[]][]).flatMap(([field, names]) => names.map((n, rank) => [normaliseHeader(n), { field, rank }] as const)),
);
