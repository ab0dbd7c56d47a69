import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeUploadCopy, nodeModulesAbove, uploadedFiles } from '../../../scripts/hubspot-check/upload-copy';
import { copyFixture, type FixtureProject } from './fixture-project';

let project: FixtureProject;
beforeEach(async () => { project = await copyFixture('good'); });
afterEach(async () => { await project.dispose(); });

describe('upload-shaped copy', () => {
  it('when the fixture has server code, tests, dotfiles, logs and node_modules, then only what hs project upload sends is listed', async () => {
    await project.write('src/node_modules/zod/index.js', '');
    await project.write('src/app/cards/GreetingCard.test.tsx', '');
    await project.write('src/app/cards/.DS_Store', '');
    await project.write('src/app/cards/npm-debug.log', '');
    await project.write('src/sandbox/portal.ts', '');
    const files = await uploadedFiles(project.dir, path.join(project.dir, 'src'));
    expect(files).toEqual([
      'app/app-hsmeta.json', 'app/cards/GreetingCard.tsx', 'app/cards/greeting-card-hsmeta.json', 'app/cards/package.json',
      'app/webhooks/webhooks-hsmeta.json', 'contracts/greeting.ts', 'extensions/GreetingView.tsx',
      'hsprofile.local.json', 'package-lock.json', 'package.json',
    ]);
  });

  it('when the copy is made, then it lives outside the repository with no node_modules above it', async () => {
    const copy = await makeUploadCopy(project.dir, path.join(project.dir, 'src'));
    expect(copy.src.startsWith(path.resolve(import.meta.dirname, '../../..'))).toBe(false);
    expect(nodeModulesAbove(copy.src)).toBeUndefined();
    expect((await readdir(copy.src)).sort()).toEqual(['app', 'contracts', 'extensions', 'hsprofile.local.json', 'package-lock.json', 'package.json']);
  });

  it('when a folder sits inside the repository, then the repository node_modules is found above it', () => {
    expect(nodeModulesAbove(path.resolve(import.meta.dirname, 'x'))).toBe(path.resolve(import.meta.dirname, '../../../node_modules'));
  });
});
