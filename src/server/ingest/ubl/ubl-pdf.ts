import type { XmlElement } from '../xml/xml-records';

/** Larger than any invoice PDF a source embeds; the ingest body limit (1 MB by default) is usually lower still. */
const MAX_PDF_BYTES = 10 * 1024 * 1024;

/**
 * The invoice's own PDF when the source embedded one (Peppol BIS: `cac:AdditionalDocumentReference/cac:Attachment/
 * cbc:EmbeddedDocumentBinaryObject` with mimeCode `application/pdf`, base64): the first that decodes to a PDF.
 */
export function embeddedPdf(root: XmlElement): Buffer | undefined {
  for (const ref of root.children.filter((c) => c.name === 'AdditionalDocumentReference')) {
    const object = ref.children.find((c) => c.name === 'Attachment')?.children.find((c) => c.name === 'EmbeddedDocumentBinaryObject');
    if (!object || object.attrs.mimeCode !== 'application/pdf') continue;
    const base64 = object.text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length * 0.75 > MAX_PDF_BYTES) continue;
    const pdf = Buffer.from(base64, 'base64');
    if (pdf.subarray(0, 5).toString('latin1') === '%PDF-') return pdf;
  }
  return undefined;
}
