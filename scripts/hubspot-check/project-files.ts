// Reading a HubSpot project from disk: hsproject.json, the *-hsmeta.json files, the profiles.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export type JsonRead = { ok: true; value: unknown } | { ok: false; error: string };

export async function readJson(file: string): Promise<JsonRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return { ok: false, error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: `is not valid JSON (${(e as Error).message})` };
  }
}

/** Every file under dir (posix paths relative to dir), skipping node_modules like HubSpot's tools do. */
export async function listFiles(dir: string, skip: (rel: string, isDir: boolean) => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name === 'node_modules' || skip(child, entry.isDirectory())) continue;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) out.push(child);
    }
  }
  await walk('');
  return out.sort();
}

export const HSMETA_SUFFIX = '-hsmeta.json';
const PROFILE_FILE = /^hsprofile\.([^.]+)\.json$/;

export async function findHsMetaFiles(srcDir: string): Promise<string[]> {
  return (await listFiles(srcDir)).filter((f) => f.endsWith(HSMETA_SUFFIX));
}

/** Profile names from src/hsprofile.<name>.json (HubSpot only looks directly in srcDir). */
export async function findProfileNames(srcDir: string): Promise<string[]> {
  const entries = await readdir(srcDir, { withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => PROFILE_FILE.exec(e.name)?.[1]).filter((n): n is string => !!n).sort();
}

export const profileFileName = (name: string) => `hsprofile.${name}.json`;

export type ProfileVariables = Record<string, string | number | boolean>;

/** Names referenced as ${NAME} anywhere in a JSON value (HubSpot substitutes them from the profile). */
export function variableReferences(value: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(/\$\{(.*?)\}/g)) found.add(m[1] ?? '');
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return found;
}

/**
 * Substitutes ${NAME} the way @hubspot/project-parsing-lib does: a string that is exactly one
 * reference takes the variable's own type, otherwise values are interpolated as text.
 * Unknown names are left as they are (reported separately).
 */
export function substituteVariables(value: unknown, vars: ProfileVariables): unknown {
  if (typeof value === 'string') {
    const single = /^\$\{([^}]+)\}$/.exec(value);
    if (single && single[1] !== undefined && single[1] in vars) return vars[single[1]];
    return value.replace(/\$\{(.*?)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  }
  if (Array.isArray(value)) return value.map((v) => substituteVariables(v, vars));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteVariables(v, vars)]));
  }
  return value;
}
