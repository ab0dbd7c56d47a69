import { Readable } from 'node:stream';

/**
 * A quoted field may run over several lines (an address, a note), so a CSV parser reads on after a quote until it
 * closes — and an unterminated quote swallows every row after it. The guard groups the physical lines into
 * records the way the parser will (RFC 4180 quotes, `relax_quotes`: a quote inside an unquoted field is a plain
 * character) and gives a quoted field at most `MAX_RECORD_LINES` lines: one that is still open then, or at the
 * end of the file, is reported as an unterminated quote at the line it opened, that line alone is blanked out
 * (so the parser's line numbers stay those of the file), and the lines after it are read again as rows of
 * their own. Only the lines of one open record are held, never the file.
 */
export const MAX_RECORD_LINES = 50;

/** The UTF-8 byte order mark, as latin1 text. */
const BOM = '\xef\xbb\xbf';

export interface UnterminatedQuote { readonly line: number }

interface QuoteState { inQuote: boolean; atFieldStart: boolean }

/** Moves the state across one line (without its newline); true when the record ends with it. */
function scanLine(line: string, delimiter: string, state: QuoteState): boolean {
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (state.inQuote) {
      if (ch !== '"') continue;
      if (line[i + 1] === '"') i++; // an escaped quote
      else { state.inQuote = false; state.atFieldStart = false; }
    } else if (ch === delimiter) {
      state.atFieldStart = true;
    } else {
      if (ch === '"' && state.atFieldStart) state.inQuote = true;
      state.atFieldStart = false;
    }
  }
  return !state.inQuote;
}

/**
 * Splits the (LF-normalised) stream into lines and passes them through, record by record; `onUnterminated` hears
 * of every quote the guard had to close. Text is handled as latin1: quotes, delimiters and newlines are ASCII, so
 * multi-byte UTF-8 characters pass through byte for byte.
 */
export function guardQuotes(input: AsyncIterable<Buffer>, delimiter: ';' | ',', onUnterminated: (problem: UnterminatedQuote) => void): Readable {
  async function* guarded(): AsyncGenerator<Buffer> {
    let lineNo = 0;
    /** Lines of the record still open, with their numbers (the first one opened the quote). */
    let open: { no: number; text: string }[] = [];
    let state: QuoteState = { inQuote: false, atFieldStart: true };
    const out: string[] = [];

    const startRecord = () => { state = { inQuote: false, atFieldStart: true }; };
    // A record's lines are re-read after its opening line was given up: they may open (and close) quotes of their own.
    const feed = (lines: { no: number; text: string }[]): void => {
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (open.length === 0) startRecord();
        open.push(line);
        if (scanLine(line.text, delimiter, state)) {
          for (const l of open) out.push(l.text);
          open = [];
        } else if (open.length >= MAX_RECORD_LINES) {
          lines.splice(i + 1, 0, ...giveUp());
        }
      }
    };
    const giveUp = (): { no: number; text: string }[] => {
      const [first, ...rest] = open;
      open = [];
      if (first) { onUnterminated({ line: first.no }); out.push(''); }
      return rest;
    };

    let pending = '';
    let firstChunk = true;
    for await (const chunk of input) {
      let text = pending + chunk.toString('latin1');
      // The parser drops a UTF-8 byte order mark; the guard passes it on but must not scan it, or the header's
      // first quote would look like one in the middle of a field.
      if (firstChunk && text.startsWith(BOM)) { yield Buffer.from(BOM, 'latin1'); text = text.slice(BOM.length); }
      firstChunk = false;
      const lines = text.split('\n');
      pending = lines.pop() ?? '';
      feed(lines.map((t) => ({ no: ++lineNo, text: t })));
      if (out.length > 0) yield Buffer.from(`${out.splice(0).join('\n')}\n`, 'latin1');
    }
    if (pending !== '') feed([{ no: ++lineNo, text: pending }]);
    while (open.length > 0) feed(giveUp());
    if (out.length > 0) yield Buffer.from(`${out.splice(0).join('\n')}\n`, 'latin1');
  }
  return Readable.from(guarded(), { objectMode: false });
}
