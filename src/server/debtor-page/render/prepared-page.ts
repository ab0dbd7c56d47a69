import { randomBytes } from 'node:crypto';

/** Stands where the link's token goes: a page is rendered once per customer, never with a secret in it. */
export const TOKEN_SLOT = '__token_slot__';
/** Stands where the forms' submission id goes (one fresh id per answer). */
export const SUBMISSION_SLOT = '__submission_slot_____';
const ID_BYTES = 16;
const SLOT = new RegExp(`${TOKEN_SLOT}|${SUBMISSION_SLOT}`, 'g');

/**
 * A rendered page as UTF-8 bytes, cut at its slots. An answer is the same bytes with the link's token and a fresh
 * submission id between the pieces, copied into one buffer: no string replacement or re-encoding of a page of 200
 * invoices (~120 KB) per request, and one write — a page has a token slot per link (hundreds), and writing each
 * piece on its own cost far more than the copy (seen in the bench's CPU profile). Because the token is a slot, the
 * same prepared bytes can be kept in Redis for every process without a usable link in them.
 */
export interface PreparedPage {
  /** The bytes between the slots (views of one buffer, never copied). */
  readonly pieces: readonly Buffer[];
  /** What stands between piece i and i + 1. */
  readonly slots: readonly ('token' | 'submission')[];
  /** The bytes of the pieces alone. */
  readonly bytes: number;
}

export function preparePage(html: string): PreparedPage {
  const pieces: Buffer[] = [];
  const slots: ('token' | 'submission')[] = [];
  let from = 0;
  for (const m of html.matchAll(SLOT)) {
    pieces.push(Buffer.from(html.slice(from, m.index), 'utf8'));
    slots.push(m[0] === TOKEN_SLOT ? 'token' : 'submission');
    from = m.index + m[0].length;
  }
  pieces.push(Buffer.from(html.slice(from), 'utf8'));
  return { pieces, slots, bytes: pieces.reduce((n, p) => n + p.length, 0) };
}

/** The answer: the pieces with the token and one new submission id in every slot (as the forms expect). */
export function pageBytes(page: PreparedPage, token: string): Buffer {
  const fill = { token: Buffer.from(token, 'latin1'), submission: Buffer.from(randomBytes(ID_BYTES).toString('base64url'), 'latin1') };
  const length = page.slots.reduce((n, slot) => n + fill[slot].length, page.bytes);
  const out = Buffer.allocUnsafe(length);
  let at = page.pieces[0]!.copy(out, 0);
  page.slots.forEach((slot, i) => {
    at += fill[slot].copy(out, at);
    at += page.pieces[i + 1]!.copy(out, at);
  });
  return out;
}
