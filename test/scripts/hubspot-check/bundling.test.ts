// The slow part of the check: npm ci in an upload-shaped copy and HubSpot's own card build.
// Each full run takes a few seconds (npm ci from the local cache + one vite build per card).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, runHubSpotCheck, type CheckReport } from '../../../scripts/hubspot-check/run-check';
import { copyFixture, type FixtureProject } from './fixture-project';

const VIEW = 'src/extensions/GreetingView.tsx';
const SLOW = 120_000;

const bundleIssues = (report: CheckReport) => report.issues.filter((i) => i.step === 'bundle').map((i) => i.message);
const importIssues = (report: CheckReport) => report.issues.filter((i) => i.step === 'imports').map((i) => i.message);

async function checkVariant(change: (p: FixtureProject) => Promise<void>): Promise<CheckReport> {
  const project = await copyFixture('good');
  try {
    await change(project);
    return await runHubSpotCheck(project.dir);
  } finally {
    await project.dispose();
  }
}

describe('HubSpot project check: bundling with HubSpot\'s build', () => {
  let good: CheckReport;
  let project: FixtureProject;
  beforeAll(async () => {
    project = await copyFixture('good');
    good = await runHubSpotCheck(project.dir);
  }, SLOW);
  afterAll(async () => { await project.dispose(); });

  it('when a card imports src/extensions and src/contracts, then it bundles from the upload copy and the check passes', () => {
    expect(good.issues, formatReport(good)).toEqual([]);
    expect(good.steps.find((s) => s.step === 'bundle')?.notes[0]).toMatch(/^1\/1 UI entrypoints bundled from an upload copy/);
    expect(formatReport(good)).toMatch(/OK: the project is ready/);
  });

  it('when a card imports server code, then both the import scan and the build fail naming the card', async () => {
    const report = await checkVariant((p) => p.write(VIEW,
      `import { Text } from '@hubspot/ui-extensions';\nimport { serverOnly } from '../server/secret-service';\n` +
      `export function GreetingView({ name }: { name: string }) { return <Text>{name + serverOnly}</Text>; }\n`));
    expect(report.ok).toBe(false);
    expect(importIssues(report)).toEqual([
      'card "Greeting" (app/cards/greeting-card-hsmeta.json): app/cards/GreetingCard.tsx → extensions/GreetingView.tsx imports src/server/secret-service.ts: card code must never import src/server',
    ]);
    // src/server is not uploaded (.hsignore), so HubSpot's build cannot even resolve it.
    expect(bundleIssues(report)).toEqual([expect.stringMatching(/^card "Greeting" .* does not bundle with HubSpot's build: .*secret-service/s)]);
  }, SLOW);

  it('when .hsignore would upload server code, then the bundle manifest still exposes the server module', async () => {
    const report = await checkVariant(async (p) => {
      await p.write('.hsignore', '/domain/\n/sandbox/\n');
      await p.write(VIEW, `import { Text } from '@hubspot/ui-extensions';\nimport { serverOnly } from '../server/secret-service';\n` +
        `export function GreetingView() { return <Text>{serverOnly}</Text>; }\n`);
    });
    expect(bundleIssues(report)).toEqual([
      'card "Greeting" (app/cards/greeting-card-hsmeta.json): the bundle contains src/server/secret-service.ts; card code must never include src/server',
    ]);
  }, SLOW);

  it('when a card uses a package only the repository root has, then it fails although it would resolve in the repo', async () => {
    // The premise: csv-parse is installed at the repository root, so a build inside the repo would find it.
    expect(existsSync(path.resolve(import.meta.dirname, '../../../node_modules/csv-parse/package.json'))).toBe(true);
    const report = await checkVariant((p) => p.write(VIEW,
      `import { Text } from '@hubspot/ui-extensions';\nimport { parse } from 'csv-parse/sync';\n` +
      `export function GreetingView() { return <Text>{String(parse('a,b').length)}</Text>; }\n`));
    expect(importIssues(report)).toEqual([expect.stringContaining('imports "csv-parse/sync", but "csv-parse" is not a dependency of app/cards/package.json')]);
    expect(bundleIssues(report)).toEqual([expect.stringMatching(/does not bundle with HubSpot's build: .*csv-parse/s)]);
  }, SLOW);

  it('when the project has no cards yet, then the check passes without bundling', async () => {
    const report = await checkVariant(async (p) => {
      await p.remove('src/app/cards/greeting-card-hsmeta.json');
      await p.remove('src/app/cards/GreetingCard.tsx');
    });
    expect(report.issues).toEqual([]);
    expect(report.steps.find((s) => s.step === 'bundle')?.notes).toEqual(['no UI components: nothing to bundle']);
  }, SLOW);
});
