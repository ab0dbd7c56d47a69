import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM with a random 96-bit nonce and the portal id as additional authenticated data, so a
 * ciphertext copied to another portal's key fails to decrypt (OWASP cryptographic storage, reference §5.3).
 * Format: base64(nonce | tag | ciphertext).
 */
export function encryptSecret(key: Buffer, portalId: string, plaintext: string): string {
  if (key.length !== 32) throw new RangeError('token encryption key must be 32 bytes');
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(`portal:${portalId}`));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

export function decryptSecret(key: Buffer, portalId: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(`portal:${portalId}`));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
