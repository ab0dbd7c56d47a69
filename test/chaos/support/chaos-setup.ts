import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Figures } from './figures';

let dir: string | undefined;

/** The chaos run collects one row per scenario (figures.ts) and prints them as one table at the end. */
export function setup(project: TestProject): void {
  dir = mkdtempSync(join(tmpdir(), 'rd-chaos-'));
  const file = join(dir, 'figures.jsonl');
  writeFileSync(file, '');
  project.provide('chaosFiguresFile', file);
}

export function teardown(): void {
  if (!dir) return;
  const rows = readFileSync(join(dir, 'figures.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Figures);
  rmSync(dir, { recursive: true, force: true });
  const cols = ['scenario', 'tried', 'survived', 'lost', 'doubled', '5xx'] as const;
  const cells = rows.map((r) => [r.scenario, r.tried, r.survived, r.lost, r.doubled, r.fiveXX].map(String));
  const width = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join(' | ')} |`;
  console.log(['', 'Reliability figures (npm run test:chaos)', line(cols), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line),
    ...rows.filter((r) => r.note).map((r) => `  ${r.scenario}: ${r.note}`), ''].join('\n'));
}
