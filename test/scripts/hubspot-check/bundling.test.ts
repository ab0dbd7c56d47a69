// The slow part of the check: npm ci in an upload-shaped copy and HubSpot's own card build. To keep
// this file fast, there are two full runs: the good fixture, and one broken project whose three
// cards each break the build in a different way (one npm ci, one build process for all three).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, runHubSpotCheck, type CheckReport } from '../../../scripts/hubspot-check/run-check';
import { copyFixture, type FixtureProject } from './fixture-project';

const SLOW = 180_000;

const issuesOf = (report: CheckReport, step: 'bundle' | 'imports', card: string) =>
  report.issues.filter((i) => i.step === step && i.file === `src/app/cards/${card}-hsmeta.json`).map((i) => i.message);

/** A card whose entry renders one view file from src/extensions; the view holds the bad import. */
async function addCard(p: FixtureProject, name: string, viewSource: string): Promise<void> {
  await p.write(`src/app/cards/${name}-hsmeta.json`, JSON.stringify({
    uid: `fixture_${name}`, type: 'card',
    config: { name, location: 'crm.record.sidebar', entrypoint: `/app/cards/${name}.tsx`, objectTypes: ['companies'] },
  }));
  await p.write(`src/app/cards/${name}.tsx`, `import { hubspot } from '@hubspot/ui-extensions';\n` +
    `import { View } from '../../extensions/${name}-view';\nhubspot.extend<'crm.record.sidebar'>(() => <View />);\n`);
  await p.write(`src/extensions/${name}-view.tsx`, `import { Text } from '@hubspot/ui-extensions';\n${viewSource}`);
}

describe('HubSpot project check: bundling with HubSpot\'s build', () => {
  let good: CheckReport;
  let broken: CheckReport;
  const projects: FixtureProject[] = [];

  beforeAll(async () => {
    const goodProject = await copyFixture('good');
    const brokenProject = await copyFixture('good');
    projects.push(goodProject, brokenProject);
    await addCard(brokenProject, 'server-import', `import { serverOnly } from '../server/secret-service';\n` +
      `export function View() { return <Text>{serverOnly}</Text>; }\n`);
    await addCard(brokenProject, 'root-only-package', `import { parse } from 'csv-parse/sync';\n` +
      `export function View() { return <Text>{String(parse('a,b').length)}</Text>; }\n`);
    // An .hsignore that forgets src/sandbox: the sandbox file is uploaded, so only the bundle manifest can catch it.
    await brokenProject.write('.hsignore', '/server/\n/domain/\n');
    await brokenProject.write('src/sandbox/portal.ts', 'export const sandboxPortal = 42;\n');
    await addCard(brokenProject, 'sandbox-import', `import { sandboxPortal } from '../sandbox/portal';\n` +
      `export function View() { return <Text>{String(sandboxPortal)}</Text>; }\n`);
    [good, broken] = await Promise.all([runHubSpotCheck(goodProject.dir), runHubSpotCheck(brokenProject.dir)]);
  }, SLOW);
  afterAll(async () => { await Promise.all(projects.map((p) => p.dispose())); });

  it('when a card imports src/extensions and src/contracts, then it bundles from the upload copy and the check passes', () => {
    expect(good.issues, formatReport(good)).toEqual([]);
    expect(good.steps.find((s) => s.step === 'bundle')?.notes[0]).toMatch(/^1\/1 UI entrypoints bundled from an upload copy/);
    expect(formatReport(good)).toMatch(/OK: the project is ready/);
  });

  it('when cards are broken, then the check fails and the good card in the same project still bundles', () => {
    expect(broken.ok).toBe(false);
    expect(broken.steps.find((s) => s.step === 'bundle')?.notes[0]).toMatch(/^1\/4 UI entrypoints bundled/);
    expect(issuesOf(broken, 'bundle', 'greeting-card')).toEqual([]);
    expect(formatReport(broken)).toMatch(/FAILED: \d+ problem/);
  });

  it('when a card imports server code, then the import scan names the chain and HubSpot\'s build fails', () => {
    expect(issuesOf(broken, 'imports', 'server-import')).toEqual([
      'card "server-import" (app/cards/server-import-hsmeta.json): app/cards/server-import.tsx → extensions/server-import-view.tsx imports src/server/secret-service.ts: card code must never import src/server',
    ]);
    // src/server is not uploaded (.hsignore), so HubSpot's build cannot even resolve it.
    expect(issuesOf(broken, 'bundle', 'server-import')).toEqual([
      expect.stringMatching(/^card "server-import" .* does not bundle with HubSpot's build: .*secret-service/s),
    ]);
  });

  it('when a card uses a package only the repository root has, then it fails although it would resolve in the repo', () => {
    // The premise: csv-parse is installed at the repository root, so a build inside the repo would find it.
    expect(existsSync(path.resolve(import.meta.dirname, '../../../node_modules/csv-parse/package.json'))).toBe(true);
    expect(issuesOf(broken, 'imports', 'root-only-package')).toEqual([
      expect.stringContaining('imports "csv-parse/sync", but "csv-parse" is not a dependency of app/cards/package.json'),
    ]);
    expect(issuesOf(broken, 'bundle', 'root-only-package')).toEqual([
      expect.stringMatching(/^card "root-only-package" .* does not bundle with HubSpot's build: .*csv-parse/s),
    ]);
  });

  it('when .hsignore lets sandbox code into the upload, then the bundle manifest exposes it', () => {
    expect(issuesOf(broken, 'bundle', 'sandbox-import')).toEqual([
      'card "sandbox-import" (app/cards/sandbox-import-hsmeta.json): the bundle contains src/sandbox/portal.ts; card code must never include src/sandbox',
    ]);
    expect(issuesOf(broken, 'imports', 'sandbox-import')).toHaveLength(1);
  });

  it('when the project has no cards yet, then the check passes without bundling', async () => {
    const project = await copyFixture('good');
    try {
      await project.remove('src/app/cards/greeting-card-hsmeta.json');
      await project.remove('src/app/cards/GreetingCard.tsx');
      const report = await runHubSpotCheck(project.dir);
      expect(report.issues).toEqual([]);
      expect(report.steps.find((s) => s.step === 'bundle')?.notes).toEqual(['no UI components: nothing to bundle']);
    } finally {
      await project.dispose();
    }
  }, SLOW);
});
