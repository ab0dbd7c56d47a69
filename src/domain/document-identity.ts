import type { CompanyId, DocumentKind } from './ledger';

/**
 * When two deliveries are one document. An accounting system numbers its invoices uniquely, so an invoice that
 * arrives twice — in the CSV export and as the Peppol UBL e-invoice, each source with its own external id — is the
 * same invoice when it is of the same kind, for the same customer, under the same number. It is counted once: the
 * first delivery's external id stays the document's, later deliveries update that document. Numbers are compared
 * the way people retype them: case, surrounding space and inner spaces do not matter (`f2027 0001` is `F2027-0001`
 * only when the dash is there too — punctuation is part of a number).
 */
export function documentKey(doc: { readonly companyId: CompanyId; readonly kind: DocumentKind; readonly number: string }): string {
  return `${doc.companyId}|${doc.kind}|${normaliseDocumentNumber(doc.number)}`;
}

export const normaliseDocumentNumber = (number: string): string => number.normalize('NFKC').trim().replace(/\s+/g, '').toUpperCase();
