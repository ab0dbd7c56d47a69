// The import-direction rules of CONTRIBUTING.md, as eslint.config.js enforces them. Virtual files
// are linted at real paths so that no-restricted-paths resolves their relative imports.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  // The snippets import names they never use; only the boundary rules matter here.
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message).filter((id) => id !== '@typescript-eslint/no-unused-vars');
}

describe('eslint import boundaries', () => {
  it.each([
    ['src/domain/x.ts', "import { loadConfig } from '../server/config';", 'import-x/no-restricted-paths'],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ['src/domain/x.ts', "import { z } from 'zod';", 'no-restricted-imports'],
    ['src/server/routes/x.ts', "import { Client } from '@hubspot/api-client';", 'no-restricted-imports'],
    ['src/sandbox/x.ts', "import { Client } from '@hubspot/api-client/lib/codegen/crm/companies';", 'no-restricted-imports'],
    ['src/extensions/x.tsx', "import { loadConfig } from '../server/config';", 'import-x/no-restricted-paths'],
    ['src/app/cards/X.tsx', "import { loadConfig } from '../../server/config';", 'import-x/no-restricted-paths'],
    ['src/contracts/x.ts', "import React from 'react';", 'no-restricted-imports'],
    ['src/contracts/x.ts', "import { loadConfig } from '../server/config';", 'import-x/no-restricted-paths'],
    ['src/sandbox/x.ts', "import { loadConfig } from '../server/config';", 'import-x/no-restricted-paths'],
    ['src/server/sync/x.ts', "import { startSandbox } from '../../sandbox/server';", 'import-x/no-restricted-paths'],
  ])('when %s has `%s`, then %s reports it', async (file, code, rule) => {
    expect(await ruleIds(file, `${code}\nexport const used = 1;\n`)).toContain(rule);
  });

  it.each([
    ['src/server/hubspot/x.ts', "import { Client } from '@hubspot/api-client';"],
    ['src/server/x.ts', "import { loadConfig } from './config';"],
    ['src/server/embedded/x.ts', "import { startSandbox } from '../../sandbox/server';"],
    ['src/contracts/x.ts', "import { z } from 'zod';"],
    ['src/extensions/x.tsx', "import { hubspot } from '@hubspot/ui-extensions';"],
    ['test/server/x.test.ts', "import { Client } from '@hubspot/api-client';"],
  ])('when %s has `%s`, then it is allowed', async (file, code) => {
    expect(await ruleIds(file, `${code}\nexport const used = 1;\n`)).toEqual([]);
  });

  it('when two domain files import each other, then import-x/no-cycle reports the cycle', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rd-lint-cycle-'));
    try {
      await mkdir(path.join(dir, 'src/domain'), { recursive: true });
      await writeFile(path.join(dir, 'src/domain/a.ts'), "import { b } from './b';\nexport const a = () => b();\n");
      await writeFile(path.join(dir, 'src/domain/b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
      const cycleLint = new ESLint({ cwd: dir, overrideConfigFile: path.join(ROOT, 'eslint.config.js') });
      const results = await cycleLint.lintFiles(['src/domain/a.ts']);
      expect(results[0]?.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
