// An upload-shaped copy of srcDir: exactly the files `hs project upload` would zip. The CLI
// (hubspot-cli lib/projects/upload.ts) archives srcDir and drops every entry for which
// @hubspot/local-dev-lib's shouldIgnoreFile(relativeEntryName, true) is true: a fixed ignore list
// plus the project's .hsignore. Because the entry name is relative to srcDir and the CLI runs
// from the project root, .hsignore patterns are matched against paths relative to srcDir
// (`/server/` means src/server). package-lock.json is kept inside projects.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ignore from 'ignore';
import { listFiles } from './project-files';

/** local-dev-lib 5.10.3 lib/ignoreRules.js `ignoreList`. */
export const CLI_IGNORE_LIST = [
  'fields.output.json', 'hubspot.config.yml', 'hubspot.config.yaml', 'node_modules', '.*', '*.log', '*.swp', '.env',
  'Icon\\r', '__MACOSX', '~', '*~', 'Thumbs.db', 'ehthumbs.db', 'Desktop.ini', '@eaDir',
];

export async function uploadFilter(projectDir: string): Promise<(rel: string, isDir: boolean) => boolean> {
  const rules = ignore().add(CLI_IGNORE_LIST);
  const hsignore = path.join(projectDir, '.hsignore');
  if (existsSync(hsignore)) rules.add(await readFile(hsignore, 'utf8'));
  return (rel, isDir) => rules.ignores(isDir ? `${rel}/` : rel);
}

/** The files (relative to srcDir) that an upload would contain. */
export async function uploadedFiles(projectDir: string, srcDir: string): Promise<string[]> {
  const ignored = await uploadFilter(projectDir);
  return listFiles(srcDir, ignored);
}

/** A node_modules folder above `dir` would let the build resolve packages HubSpot does not have. */
export function nodeModulesAbove(dir: string): string | undefined {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules'))) return path.join(d, 'node_modules');
    if (path.dirname(d) === d) return undefined;
  }
}

/** Copies the upload into a fresh temp dir outside the repository; returns the copy of srcDir. */
export async function makeUploadCopy(projectDir: string, srcDir: string): Promise<{ root: string; src: string; files: string[] }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'rd-hubspot-upload-'));
  const src = path.join(root, 'src');
  const above = nodeModulesAbove(src);
  if (above) throw new Error(`cannot build an isolated upload copy: ${above} is visible from ${src}; set TMPDIR to a folder with no node_modules above it`);
  const files = await uploadedFiles(projectDir, srcDir);
  for (const rel of files) {
    await mkdir(path.dirname(path.join(src, rel)), { recursive: true });
    await copyFile(path.join(srcDir, rel), path.join(src, rel));
  }
  return { root, src, files };
}
