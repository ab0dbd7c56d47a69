import { Readable } from 'node:stream';

export type Delimiter = ';' | ',';

/**
 * Prepares a byte stream for the CSV parser without ever holding more than one chunk (plus the first
 * line) in memory: reads ahead until the first line is complete to detect the delimiter (`;` or `,`,
 * whichever occurs more often outside quotes in the header), turns CRLF into LF (csv-parse miscounts line
 * numbers for CRLF inside quoted fields, and the report needs exact lines) and counts bytes for progress.
 */
export type CsvInput = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

export async function prepareCsvSource(input: CsvInput, onBytes?: (total: number) => void): Promise<{ delimiter: Delimiter; stream: Readable }> {
  const iterator = Symbol.asyncIterator in input ? input[Symbol.asyncIterator]() : (async function* () { yield* input; })();
  let bytes = 0;
  const next = async (): Promise<Buffer | undefined> => {
    const { value, done } = await iterator.next();
    if (done) return undefined;
    const chunk = typeof value === 'string' ? Buffer.from(value) : value;
    bytes += chunk.length;
    onBytes?.(bytes);
    return chunk;
  };
  const head: Buffer[] = [];
  let headLength = 0;
  // 64 KiB is far more than any header line; a file without a newline that long is not a CSV export.
  while (headLength < 65_536) {
    const chunk = await next();
    if (!chunk) break;
    head.push(chunk);
    headLength += chunk.length;
    if (chunk.includes(10)) break;
  }
  const first = Buffer.concat(head);
  const delimiter = detectDelimiter(first.toString('utf8', 0, Math.min(first.length, 65_536)).split('\n')[0] ?? '');

  async function* normalised(): AsyncGenerator<Buffer> {
    let pendingCr = false;
    let chunk: Buffer | undefined = first;
    while (chunk) {
      let text = chunk.toString('latin1');
      if (pendingCr) text = `\r${text}`;
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      // latin1 maps bytes 1:1, so multi-byte UTF-8 characters split across chunks survive untouched.
      yield Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1');
      chunk = await next();
    }
    if (pendingCr) yield Buffer.from('\r', 'latin1');
  }
  return { delimiter, stream: Readable.from(normalised(), { objectMode: false }) };
}

export function detectDelimiter(headerLine: string): Delimiter {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}
