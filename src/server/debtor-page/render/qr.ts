import QRCode from 'qrcode';

/**
 * The EPC QR as a PNG data URL: error correction M, as EPC069-12 requires (the 331-byte payload limit keeps it
 * at version 13 or below). `qrcode` is a maintained encoder; the payload itself comes from the domain.
 */
export const epcQrDataUrl = (payload: string): Promise<string> =>
  QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 4, width: 240 });
