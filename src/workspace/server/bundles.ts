import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { execa } from 'execa';
import type { UiComponent } from './app-components';

/**
 * The workspace's scripts: each card as HubSpot's own build makes it (`remoteBuild` of
 * @hubspot/ui-extensions-dev-server, run by the project check's bundle worker), and the workspace's browser
 * code (host page and extension worker) bundled with esbuild. Built once per content of the sources, on first
 * use, into .tmp/workspace/<hash>/.
 */
export interface Bundles {
  /** The card's IIFE bundle, which expects `React` and `RemoteUI` globals as in HubSpot's worker. */
  card(uid: string): Promise<string>;
  asset(name: 'host.js' | 'worker.js' | 'workspace.css'): Promise<string>;
  /** Starts both builds now, so the first visitor does not wait for them; resolves when they are done. */
  warm(): Promise<void>;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BROWSER_DIR = path.join(HERE, '..', 'browser');
const BUNDLE_WORKER = path.join(HERE, '..', '..', '..', 'scripts', 'hubspot-check', 'bundle-worker.ts');
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const CARD_SOURCE_DIRS = ['app', 'extensions', 'contracts', 'kernel'];

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(full);
    return [full];
  });
}

function contentHash(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(f).update(String(statSync(f).size)).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/**
 * Builds into a private folder and renames it into place, so several processes (parallel test files, a second
 * npm start) never read a half-written bundle; whoever finishes second keeps the first one's result.
 */
async function buildOnce(dir: string, buildInto: (dir: string) => Promise<void>): Promise<void> {
  if (existsSync(dir)) return;
  await mkdir(path.dirname(dir), { recursive: true });
  const scratch = `${dir}.part-${process.pid}-${randomBytes(4).toString('hex')}`;
  await mkdir(scratch, { recursive: true });
  try {
    await buildInto(scratch);
    await rename(scratch, dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

export function createBundles(o: { srcDir: string; cacheDir: string; components: readonly UiComponent[]; variables: Record<string, string> }): Bundles {
  const cardFiles = CARD_SOURCE_DIRS.flatMap((d) => filesUnder(path.join(o.srcDir, d)));
  const cardsDir = path.join(o.cacheDir, `cards-${contentHash([...cardFiles])}-${createHash('sha256').update(JSON.stringify(o.variables)).digest('hex').slice(0, 8)}`);
  const browserDir = path.join(o.cacheDir, `browser-${contentHash(filesUnder(BROWSER_DIR))}`);
  let cards: Promise<void> | undefined;
  let browser: Promise<void> | undefined;

  const buildCards = () => buildOnce(cardsDir, async (dir) => {
    const job = {
      variables: o.variables,
      builds: o.components.map((c) => ({ id: c.uid, root: path.dirname(c.entryFile), entryPoint: c.entryFile, outputDir: path.join(dir, c.uid) })),
    };
    const jobFile = path.join(dir, 'job.json');
    const resultFile = path.join(dir, 'result.json');
    await writeFile(jobFile, JSON.stringify(job));
    await execa(process.execPath, ['--import', TSX_LOADER, BUNDLE_WORKER, jobFile, resultFile], { cwd: dir });
    const outcomes = JSON.parse(await readFile(resultFile, 'utf8')) as { id: string; error?: string }[];
    const failed = outcomes.filter((x) => x.error !== undefined);
    if (failed.length) throw new Error(`HubSpot's build failed for ${failed.map((f) => `${f.id}: ${f.error}`).join('; ')}`);
  });

  const buildBrowser = () => buildOnce(browserDir, async (dir) => {
    await build({
      entryPoints: { host: path.join(BROWSER_DIR, 'host', 'main.tsx'), worker: path.join(BROWSER_DIR, 'worker', 'worker.ts') },
      outdir: dir, bundle: true, format: 'iife', platform: 'browser', target: 'es2022', minify: true,
      jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent',
    });
  });

  const cardsBuilt = () => (cards ??= buildCards().catch((e: unknown) => { cards = undefined; throw e; }));
  const browserBuilt = () => (browser ??= buildBrowser().catch((e: unknown) => { browser = undefined; throw e; }));

  return {
    async warm() {
      await Promise.all([cardsBuilt(), browserBuilt()]);
    },
    async card(uid) {
      const c = o.components.find((x) => x.uid === uid);
      if (!c) throw new Error(`no UI component ${uid}`);
      // A failed build is retried on the next request, so fixing the card and reloading is enough.
      await cardsBuilt();
      return readFile(path.join(cardsDir, c.uid, `${path.parse(c.entryFile).name}.js`), 'utf8');
    },
    async asset(name) {
      await browserBuilt();
      return readFile(name === 'workspace.css' ? path.join(BROWSER_DIR, 'host', 'workspace.css') : path.join(browserDir, name), 'utf8');
    },
  };
}
