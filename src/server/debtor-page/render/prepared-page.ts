import { randomBytes } from 'node:crypto';

/** A placeholder as long as a real submission id (16 random bytes, base64url): ids take its place byte for byte. */
export const SUBMISSION_SLOT = '__submission_slot_____';
const ID_BYTES = 16;

/**
 * A rendered page as UTF-8 bytes, cut at its forms' submission ids. An answer is the same bytes with a fresh id
 * between the pieces: no string replacement, no re-encoding and no copy of a page of 200 invoices (~120 KB) per
 * request — that, not rendering, is what a cached page cost under load.
 */
export interface PreparedPage {
  /** The bytes between the slots (views of one buffer, never copied). */
  readonly pieces: readonly Buffer[];
  readonly length: number;
}

export function preparePage(html: string): PreparedPage {
  const bytes = Buffer.from(html, 'utf8');
  const slot = Buffer.from(SUBMISSION_SLOT, 'utf8');
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(slot); at !== -1; at = bytes.indexOf(slot, from)) {
    pieces.push(bytes.subarray(from, at));
    from = at + slot.length;
  }
  pieces.push(bytes.subarray(from));
  return { pieces, length: bytes.length };
}

/** The answer's chunks: the pieces with one new submission id in every slot (one id per answer, as the forms expect). */
export function pageChunks(page: PreparedPage): Buffer[] {
  const id = Buffer.from(randomBytes(ID_BYTES).toString('base64url'), 'latin1');
  return page.pieces.flatMap((piece, i) => (i === 0 ? [piece] : [id, piece]));
}
