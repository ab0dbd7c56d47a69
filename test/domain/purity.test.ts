import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const domainRoot = resolve(__dirname, '../../src/domain');
const kernelRoot = resolve(__dirname, '../../src/kernel');
const files = (readdirSync(domainRoot, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(domainRoot, f));
const FORBIDDEN_GLOBALS = /\b(process\.(env|exit|argv|cwd)|Date\.now\(|new Date\(\)|Math\.random\(|setTimeout\(|fetch\()/;

describe('src/domain purity', () => {
  it.each(files.map((f) => ({ file: relative(domainRoot, f), path: f })))('when reading $file, then it imports only from inside src/domain and src/kernel', ({ path }) => {
    const source = readFileSync(path, 'utf8');
    for (const [, spec] of source.matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)) {
      expect(spec!.startsWith('.'), `bare import ${spec}`).toBe(true);
      const target = resolve(dirname(path), spec!);
      const inside = !relative(domainRoot, target).startsWith('..') || !relative(kernelRoot, target).startsWith('..');
      expect(inside, `escapes src/domain and src/kernel: ${spec}`).toBe(true);
    }
    expect(source).not.toMatch(FORBIDDEN_GLOBALS);
  });
});
