import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const domainRoot = resolve(__dirname, '../../src/domain');
const files = (readdirSync(domainRoot, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(domainRoot, f));
const FORBIDDEN_GLOBALS = /\b(process\.(env|exit|argv|cwd)|Date\.now\(|new Date\(\)|Math\.random\(|setTimeout\(|fetch\()/;

describe('src/domain purity', () => {
  it.each(files.map((f) => ({ file: relative(domainRoot, f), path: f })))('when reading $file, then it imports only from inside src/domain', ({ path }) => {
    const source = readFileSync(path, 'utf8');
    for (const [, spec] of source.matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)) {
      expect(spec!.startsWith('.'), `bare import ${spec}`).toBe(true);
      expect(relative(domainRoot, resolve(dirname(path), spec!)).startsWith('..'), `escapes the folder: ${spec}`).toBe(false);
    }
    expect(source).not.toMatch(FORBIDDEN_GLOBALS);
  });
});
