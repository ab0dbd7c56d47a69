// Copies a fixture project under test/fixtures/hubspot-check to a temp dir so a test can break it.
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/hubspot-check');

export type FixtureProject = {
  dir: string;
  write(rel: string, text: string): Promise<void>;
  read(rel: string): Promise<string>;
  editJson(rel: string, edit: (json: Record<string, unknown>) => void): Promise<void>;
  remove(rel: string): Promise<void>;
  dispose(): Promise<void>;
};

export async function copyFixture(name = 'good'): Promise<FixtureProject> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `rd-fixture-${name}-`));
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  const abs = (rel: string) => path.join(dir, rel);
  return {
    dir,
    write: async (rel, text) => { await mkdir(path.dirname(abs(rel)), { recursive: true }); await writeFile(abs(rel), text); },
    read: (rel) => readFile(abs(rel), 'utf8'),
    editJson: async (rel, edit) => {
      const json = JSON.parse(await readFile(abs(rel), 'utf8')) as Record<string, unknown>;
      edit(json);
      await writeFile(abs(rel), JSON.stringify(json, null, 2));
    },
    remove: (rel) => rm(abs(rel), { recursive: true, force: true }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
