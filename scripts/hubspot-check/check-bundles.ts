// Steps "imports" and "bundle": every UI entrypoint (cards, settings, pages) is built the way
// HubSpot builds it remotely (@hubspot/ui-extensions-dev-server's `uie build`, which mirrors
// HubSpot's build function): in an upload-shaped copy of srcDir outside the repository,
// `npm install --package-lock-only` when the component folder has no lockfile, then
// `npm ci --ignore-scripts --no-audit --no-optional --no-fund` in that folder, then remoteBuild()
// with the folder as vite root. The bundle's manifest lists the source modules that went in;
// none may come from src/server, src/domain or src/sandbox.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { execa } from 'execa';
import type { BundleJob, BundleOutcome } from './bundle-worker';
import { stepResult, type Issue, type StepResult } from './issues';
import { FORBIDDEN_FOR_CARDS, scanCardImports } from './import-scan';
import { makeUploadCopy } from './upload-copy';
import type { Component, ProjectModel } from './check-metadata';
import { UI_COMPONENT_TYPES } from './schemas';

export type BundleOptions = { keepCopy?: boolean; log?: (line: string) => void };

const uiComponents = (model: ProjectModel) =>
  model.components.filter((c): c is Component & { entrypoint: string } =>
    (UI_COMPONENT_TYPES as readonly string[]).includes(c.type) && !!c.entrypoint);

const label = (c: Component) => `${c.type} "${c.name}" (${c.file})`;

export function checkImports(model: ProjectModel): StepResult {
  const issues: Issue[] = [];
  for (const c of uiComponents(model)) {
    for (const p of scanCardImports(path.join(model.srcDir, c.entrypoint), model.srcDir)) {
      issues.push({ step: 'imports', file: path.relative(model.projectDir, path.join(model.srcDir, c.file)), message: `${label(c)}: ${p.chain.join(' → ')} ${p.message}` });
    }
  }
  return stepResult('imports', issues, [`${uiComponents(model).length} UI entrypoints scanned`]);
}

/** npm as HubSpot runs it: no scripts, no audit, from the local cache when it can. */
async function npm(args: string[], cwd: string): Promise<void> {
  // `npm run`/`npx` export npm_config_local_prefix=<repo> (and package/lifecycle variables); the child
  // npm must see only the copy. User settings (registry, cache, proxy, cafile) are kept.
  const inherited = ([k]: [string, unknown]) => {
    const key = k.toLowerCase();
    return !key.startsWith('npm_') || (key.startsWith('npm_config_') && key !== 'npm_config_local_prefix' && key !== 'npm_config_call');
  };
  const env = Object.fromEntries(Object.entries(process.env).filter(inherited));
  await execa('npm', args, {
    cwd, extendEnv: false, all: true,
    env: { ...env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', npm_config_loglevel: 'error' },
  });
}

async function installComponentFolder(folder: string): Promise<void> {
  if (!existsSync(path.join(folder, 'package.json'))) {
    throw new Error('has no package.json, but HubSpot runs `npm ci` in the folder of every UI entrypoint');
  }
  if (!existsSync(path.join(folder, 'package-lock.json'))) {
    await npm(['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], folder);
  }
  await npm(['ci', '--ignore-scripts', '--no-audit', '--no-optional', '--no-fund'], folder);
}

const firstLines = (text: string, n = 6) => text.split('\n').filter((l) => l.trim()).slice(0, n).join('\n    ');

const WORKER = fileURLToPath(new URL('./bundle-worker.ts', import.meta.url));
// The '.' export is the same for import and require, so createRequire finds tsx's ESM loader.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** All builds in one child process (see bundle-worker.ts for why). */
async function runBuilds(job: BundleJob, workDir: string): Promise<Map<string, BundleOutcome>> {
  const jobFile = path.join(workDir, 'bundle-job.json');
  const resultFile = path.join(workDir, 'bundle-result.json');
  await writeFile(jobFile, JSON.stringify(job));
  try {
    await execa(process.execPath, ['--import', TSX_LOADER, WORKER, jobFile, resultFile], { all: true, cwd: workDir });
  } catch (e) {
    const detail = firstLines((e as { all?: string }).all ?? (e as Error).message);
    return new Map(job.builds.map((b) => [b.id, { id: b.id, error: `the build process crashed: ${detail}`, output: [] }]));
  }
  const outcomes = JSON.parse(await readFile(resultFile, 'utf8')) as BundleOutcome[];
  return new Map(outcomes.map((o) => [o.id, o]));
}

type Manifest = { modules?: { internal?: { module: string }[] } };

async function inspectBundle(c: Component & { entrypoint: string }, copySrc: string, outDir: string, outcome: BundleOutcome | undefined): Promise<string[]> {
  const root = path.dirname(path.join(copySrc, c.entrypoint));
  if (!outcome) return [`${label(c)}: the build worker returned no result`];
  if (outcome.error !== undefined) return [`${label(c)} does not bundle with HubSpot's build: ${firstLines(outcome.error)}`];
  const name = path.parse(c.entrypoint).name;
  const manifestFile = path.join(outDir, `${name}-manifest.json`);
  if (!existsSync(path.join(outDir, `${name}.js`)) || !existsSync(manifestFile)) {
    return [`${label(c)}: the build produced no bundle (${firstLines(outcome.output.join('\n'))})`];
  }
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest;
  const problems: string[] = [];
  for (const { module } of manifest.modules?.internal ?? []) {
    const abs = path.isAbsolute(module) ? module : path.join(root, module);
    const rel = path.relative(copySrc, abs);
    const top = rel.split(path.sep)[0] ?? '';
    if (rel.startsWith('..')) problems.push(`${label(c)}: the bundle contains ${abs}, outside the uploaded src/`);
    else if ((FORBIDDEN_FOR_CARDS as readonly string[]).includes(top)) problems.push(`${label(c)}: the bundle contains src/${rel}; card code must never include src/${top}`);
  }
  return problems;
}

export async function checkBundles(model: ProjectModel, options: BundleOptions = {}): Promise<StepResult> {
  const components = uiComponents(model);
  if (components.length === 0) return stepResult('bundle', [], ['no UI components: nothing to bundle']);
  const started = Date.now();
  const issues: Issue[] = [];
  const copy = await makeUploadCopy(model.projectDir, model.srcDir);
  options.log?.(`upload copy: ${copy.files.length} files in ${copy.src}`);
  try {
    const folders = [...new Set(components.map((c) => path.dirname(path.join(copy.src, c.entrypoint))))];
    const installed = new Set<string>();
    for (const folder of folders) {
      const rel = path.relative(copy.src, folder);
      try {
        const t = Date.now();
        await installComponentFolder(folder);
        installed.add(folder);
        options.log?.(`npm ci in src/${rel}: ok (${Date.now() - t} ms)`);
      } catch (e) {
        const detail = (e as { all?: string }).all ?? (e as Error).message;
        issues.push({ step: 'bundle', file: `src/${rel}`, message: `npm ci as HubSpot runs it failed in src/${rel}: ${firstLines(detail)}` });
      }
    }
    const ready = components.filter((comp) => installed.has(path.dirname(path.join(copy.src, comp.entrypoint))));
    const outDir = (c: Component) => path.join(copy.root, 'dist', c.uid);
    const t = Date.now();
    const outcomes = ready.length ? await runBuilds({
      variables: model.profiles[0]?.variables ?? {},
      builds: ready.map((c) => ({ id: c.file, root: path.dirname(path.join(copy.src, c.entrypoint)), entryPoint: path.join(copy.src, c.entrypoint), outputDir: outDir(c) })),
    }, copy.root) : new Map<string, BundleOutcome>();
    options.log?.(`HubSpot build of ${ready.length} entrypoint(s): ${Date.now() - t} ms`);
    let bundled = 0;
    for (const c of ready) {
      const problems = await inspectBundle(c, copy.src, outDir(c), outcomes.get(c.file));
      if (problems.length === 0) bundled += 1;
      issues.push(...problems.map((message) => ({ step: 'bundle' as const, file: path.relative(model.projectDir, path.join(model.srcDir, c.file)), message })));
      options.log?.(`bundle ${label(c)}: ${problems.length ? 'FAILED' : 'ok'}`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return stepResult('bundle', issues, [`${bundled}/${components.length} UI entrypoints bundled from an upload copy (${copy.files.length} files) in ${seconds} s`]);
  } finally {
    if (!options.keepCopy) await rm(copy.root, { recursive: true, force: true });
  }
}
