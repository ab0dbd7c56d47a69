import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The folder of real public files (`shared/realworld`, next to the repository or a parent of it, as in CI),
 * or undefined when it is not there. `REALWORLD_DIR` names it elsewhere. Tests read the files by path and
 * never copy them into the repository.
 */
export function realworldDir(): string | undefined {
  if (process.env.REALWORLD_DIR) return existsSync(process.env.REALWORLD_DIR) ? process.env.REALWORLD_DIR : undefined;
  for (let dir = resolve(import.meta.dirname, '../..'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'realworld');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
