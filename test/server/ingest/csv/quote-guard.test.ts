import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardQuotes, MAX_RECORD_LINES } from '../../../../src/server/ingest/csv/quote-guard';

const run = async (text: string, chunkSize = 7) => {
  const problems: number[] = [];
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const out: Buffer[] = [];
  for await (const chunk of guardQuotes(Readable.from(chunks), ';', ({ line }) => problems.push(line))) out.push(chunk as Buffer);
  return { text: Buffer.concat(out).toString('utf8'), problems };
};

describe('guardQuotes', () => {
  it('when every quote closes (also over several lines), then the text passes unchanged', async () => {
    const text = 'a;"b;c"\n"multi\nline";"x ""y"""\nplain "quote" inside;z\n';
    expect(await run(text)).toEqual({ text, problems: [] });
  });

  it('when a quote never closes, then only its line is blanked and reported, and the lines after it stay', async () => {
    const { text, problems } = await run('h1;h2\nr1;1\nr2;"oops\nr3;3\nr4;4\n');
    expect(problems).toEqual([3]);
    expect(text).toBe('h1;h2\nr1;1\n\nr3;3\nr4;4\n');
  });

  it(`when a quoted field runs over more than ${MAX_RECORD_LINES} lines, then its opening line is given up and the rest read again`, async () => {
    const rows = Array.from({ length: MAX_RECORD_LINES + 5 }, (_, i) => `r${i};${i}`);
    const { text, problems } = await run(['h', '"open;1', ...rows, 'after" ;2', 'end;3'].join('\n'));
    // The quote of line 2 would close on line 58, too far away to be one field: line 58's stray quote is then plain text.
    expect(problems).toEqual([2]);
    expect(text.split('\n')).toContain('after" ;2');
    expect(text.split('\n')).toContain('r0;0');
    expect(text.split('\n')).toContain('end;3');
  });

  it('for any text and any chunking, every line comes out once (or blanked and reported), in order', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.stringMatching(/^[a-z";é]{0,8}$/), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 20 }),
      async (lines, chunkSize) => {
        const { text, problems } = await run(`${lines.join('\n')}\n`, chunkSize);
        const outLines = text.split('\n').slice(0, -1);
        expect(outLines).toHaveLength(lines.length);
        outLines.forEach((l, i) => expect(l === lines[i] || (l === '' && problems.includes(i + 1))).toBe(true));
      },
    ), { numRuns: 300 });
  });
});
