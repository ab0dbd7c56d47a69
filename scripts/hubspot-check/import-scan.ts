// Step "imports": a static walk of each UI entrypoint's module graph in the real srcDir. It names
// the exact import chain when card code reaches server, domain or sandbox code, leaves srcDir, or
// uses a package its component's package.json does not declare (such a card only bundles where
// the repository's own node_modules is visible, never on HubSpot).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export const FORBIDDEN_FOR_CARDS = ['server', 'domain', 'sandbox', 'workspace'] as const;
const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.json'];
const BUILTINS = new Set(builtinModules);

export type ImportProblem = { chain: string[]; message: string };

function resolveRelative(fromFile: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), spec);
  // TypeScript-style `./x.js` naming `./x.ts` resolves too, as it does in vite.
  const tsTwin = /\.(m?)js(x?)$/.test(base) ? [base.replace(/\.(m?)js(x?)$/, '.$1ts$2')] : [];
  const candidates = [base, ...tsTwin, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export const packageNameOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0] ?? spec);

function readDeps(pkgFile: string): string[] {
  if (!existsSync(pkgFile)) return [];
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as Record<string, Record<string, string> | undefined>;
  return ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies'].flatMap((k) => Object.keys(pkg[k] ?? {}));
}

/**
 * Packages the component folder can use on HubSpot: its own package.json plus, when it is a
 * workspace of an npm workspace root inside srcDir, that root's dependencies.
 */
export function declaredPackages(componentDir: string, srcDir: string): Set<string> {
  const names = new Set(readDeps(path.join(componentDir, 'package.json')));
  for (let d = path.dirname(componentDir); d.startsWith(srcDir); d = path.dirname(d)) {
    const pkgFile = path.join(d, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { workspaces?: string[] };
    if (pkg.workspaces?.some((w) => path.resolve(d, w) === componentDir)) readDeps(pkgFile).forEach((n) => names.add(n));
    if (d === srcDir) break;
  }
  return names;
}

/** Walks the entrypoint's imports; returns every problem with the chain of files that led to it. */
export function scanCardImports(entry: string, srcDir: string): ImportProblem[] {
  const declared = declaredPackages(path.dirname(entry), srcDir);
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const rel = (f: string) => path.relative(srcDir, f);
  const visit = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.endsWith('.json')) return;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: spec } of importedFiles) {
      const here = [...chain, rel(file)];
      if (spec.startsWith('.')) {
        const target = resolveRelative(file, spec);
        if (!target) { problems.push({ chain: here, message: `imports "${spec}", which does not exist` }); continue; }
        const targetRel = rel(target);
        const top = targetRel.split(path.sep)[0];
        if (targetRel.startsWith('..')) problems.push({ chain: here, message: `imports ${spec} from outside src/, which is not uploaded to HubSpot` });
        else if ((FORBIDDEN_FOR_CARDS as readonly string[]).includes(top ?? '')) problems.push({ chain: here, message: `imports src/${targetRel}: card code must never import src/${top}` });
        else visit(target, here);
      } else if (BUILTINS.has(spec) || spec.startsWith('node:')) {
        problems.push({ chain: here, message: `imports the Node.js module "${spec}"; cards run in HubSpot's browser sandbox` });
      } else if (!declared.has(packageNameOf(spec))) {
        problems.push({ chain: here, message: `imports "${spec}", but "${packageNameOf(spec)}" is not a dependency of ${rel(path.join(path.dirname(entry), 'package.json'))} (HubSpot installs only declared packages)` });
      }
    }
  };
  visit(entry, []);
  return problems;
}
