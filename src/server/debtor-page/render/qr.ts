import QRCode from 'qrcode';

/**
 * The EPC QR as a PNG data URL: error correction M, as EPC069-12 requires (the 331-byte payload limit keeps it
 * at version 13 or below). `qrcode` is a maintained encoder; the payload itself comes from the domain.
 */
export const epcQrDataUrl = (payload: string): Promise<string> =>
  QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, width: 240 });

/** The customer's own page as a QR code for print (the 14-day letter): a PNG, large enough for a letter at 300 dpi. */
export const pageQrPng = (url: string): Promise<Buffer> =>
  QRCode.toBuffer(url, { errorCorrectionLevel: 'M', margin: 4, width: 600, type: 'png' });
