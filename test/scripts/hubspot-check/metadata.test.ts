import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHubSpotCheck, type CheckReport } from '../../../scripts/hubspot-check/run-check';
import { copyFixture, type FixtureProject } from './fixture-project';

const CARD = 'src/app/cards/greeting-card-hsmeta.json';
let project: FixtureProject;

beforeEach(async () => { project = await copyFixture('good'); });
afterEach(async () => { await project.dispose(); });

/** Metadata checks only; the bundling tests live in bundling.test.ts. */
const check = () => runHubSpotCheck(project.dir, { bundle: false });
const messages = (report: CheckReport, step: string, file?: string) =>
  report.issues.filter((i) => i.step === step && (file === undefined || i.file === file)).map((i) => i.message);

describe('HubSpot project check: hsproject.json and hsmeta files', () => {
  it('when the good fixture is checked without bundling, then it passes', async () => {
    const report = await check();
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('when a card hsmeta file is malformed JSON, then the check fails and says translate dropped it', async () => {
    await project.write(CARD, '{ "uid": "fixture_greeting_card", "type": "card", ');
    const report = await check();
    expect(report.ok).toBe(false);
    expect(messages(report, 'hsmeta', CARD)[0]).toMatch(/is not valid JSON/);
    expect(messages(report, 'parsing-lib', CARD)).toContainEqual(expect.stringMatching(/silently dropped this file/));
  });

  it('when a card misses a required field, then the field is named', async () => {
    await project.editJson(CARD, (j) => { delete (j.config as Record<string, unknown>).entrypoint; });
    expect(messages(await check(), 'hsmeta', CARD)).toEqual(['config.entrypoint is required']);
  });

  it('when the app misses its auth section, then the check fails naming config.auth', async () => {
    await project.editJson('src/app/app-hsmeta.json', (j) => { delete (j.config as Record<string, unknown>).auth; });
    expect(messages(await check(), 'hsmeta', 'src/app/app-hsmeta.json')).toContain('config.auth is required');
  });

  it('when a card names an unknown location, then the check fails listing the allowed ones', async () => {
    await project.editJson(CARD, (j) => { (j.config as Record<string, unknown>).location = 'crm.record.middle'; });
    const report = await check();
    expect(report.ok).toBe(false);
    expect(messages(report, 'hsmeta', CARD)).toEqual([
      'config.location must be one of crm.record.tab, crm.record.sidebar, crm.preview, helpdesk.sidebar',
    ]);
  });

  it('when a card entrypoint does not exist, then the check fails', async () => {
    await project.remove('src/app/cards/GreetingCard.tsx');
    expect(messages(await check(), 'hsmeta', CARD)).toEqual(['entrypoint /app/cards/GreetingCard.tsx does not exist under src/app']);
  });

  it('when a help desk card targets companies, then the check fails', async () => {
    await project.editJson(CARD, (j) => { Object.assign(j.config as object, { location: 'helpdesk.sidebar' }); });
    expect(messages(await check(), 'hsmeta', CARD)).toEqual(['config.objectTypes a helpdesk.sidebar card runs on tickets only']);
  });

  it('when an hsmeta file has an unexpected top-level key, then the check fails', async () => {
    await project.editJson(CARD, (j) => { j.extra = true; });
    expect(messages(await check(), 'hsmeta', CARD).join('\n')).toMatch(/extra/);
  });

  it('when an hsmeta file sits in a nested folder, then both our check and translate report it', async () => {
    await project.write('src/app/cards/nested/other-hsmeta.json', await project.read(CARD));
    const report = await check();
    const file = 'src/app/cards/nested/other-hsmeta.json';
    expect(messages(report, 'hsmeta', file)).toContainEqual(expect.stringMatching(/must sit directly in src\/app\/cards\//));
    expect(messages(report, 'parsing-lib', file)).toContainEqual(expect.stringMatching(/skipped this file/));
  });

  it('when two components share a uid, then the check fails', async () => {
    await project.write('src/app/cards/copy-hsmeta.json', await project.read(CARD));
    expect(messages(await check(), 'hsmeta').join('\n')).toMatch(/uid "fixture_greeting_card" is used by/);
  });

  it('when a uid has characters HubSpot rejects, then validateUid reports it', async () => {
    await project.editJson(CARD, (j) => { j.uid = 'greeting card!'; });
    expect(messages(await check(), 'parsing-lib', CARD)).toContainEqual(expect.stringMatching(/^validateUid: /));
  });

  it('when an hsmeta file uses a variable the profile lacks, then the profile is named', async () => {
    await project.editJson('src/app/app-hsmeta.json', (j) => {
      (j.config as { permittedUrls: { fetch: string[] } }).permittedUrls.fetch = ['${API_ORIGIN}'];
    });
    const report = await check();
    expect(messages(report, 'hsmeta', 'src/app/app-hsmeta.json')).toContain('uses ${API_ORIGIN}, which profile "local" does not define');
  });

  it('when a profile sets the backend origin to plain http, then the fetch URL is rejected for that profile', async () => {
    await project.write('src/hsprofile.staging.json', JSON.stringify({ accountId: 1, variables: { BACKEND_ORIGIN: 'http://insecure.example.com' } }));
    const hsmeta = messages(await check(), 'hsmeta', 'src/app/app-hsmeta.json');
    expect(hsmeta).toContain('config.permittedUrls.fetch.0 must be an https:// URL (with profile staging)');
  });

  it('when a profile file is invalid, then the profiles step fails', async () => {
    await project.write('src/hsprofile.broken.json', JSON.stringify({ variables: { BACKEND_ORIGIN: 'https://x.example.com' } }));
    expect(messages(await check(), 'profiles', 'src/hsprofile.broken.json')).toEqual(['accountId must be a HubSpot account id (number)']);
  });

  it('when hsproject.json misses platformVersion, then the project step fails and later steps are skipped', async () => {
    await project.editJson('hsproject.json', (j) => { delete j.platformVersion; });
    const report = await check();
    expect(messages(report, 'project').join('\n')).toMatch(/platformVersion/);
    expect(report.steps.find((s) => s.step === 'hsmeta')?.skipped).toBeDefined();
  });
});
