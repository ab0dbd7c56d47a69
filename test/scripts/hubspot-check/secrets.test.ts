import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSecrets, findSecretsInText } from '../../../scripts/hubspot-check/check-secrets';
import { runHubSpotCheck } from '../../../scripts/hubspot-check/run-check';
import { copyFixture, type FixtureProject } from './fixture-project';

// Built at run time so this test file itself never contains a token-shaped literal.
const fakePat = () => ['pat', 'na1', '1b2c3d4e-1111-2222-3333-444455556666'].join('-');

let project: FixtureProject;
beforeEach(async () => { project = await copyFixture('good'); });
afterEach(async () => { await project.dispose(); });

describe('HubSpot project check: secrets', () => {
  it('when hubspot.config.yml holds a personal access key, then the whole check fails', async () => {
    await project.write('hubspot.config.yml', [
      'defaultPortal: fixture', 'portals:', '  - name: fixture', '    portalId: 12345678',
      '    authType: personalaccesskey', '    personalAccessKey: CiRuYTEtZmFrZS1rZXktdmFsdWU', '',
    ].join('\n'));
    const report = await runHubSpotCheck(project.dir, { bundle: false });
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([{ step: 'secrets', file: 'hubspot.config.yml',
      message: 'line 6 sets personalAccessKey to a value; credentials belong in the environment (hs --use-env)' }]);
  });

  it('when hubspot.config.yml holds an oauth client secret and refresh token, then both are reported', async () => {
    await project.write('hubspot.config.yml', 'portals:\n  - name: x\n    auth:\n      clientSecret: "abc123"\n      tokenInfo:\n        refreshToken: na1-aaaa-bbbb\n');
    const step = await checkSecrets(project.dir);
    expect(step.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^line 4 sets clientSecret/), expect.stringMatching(/^line 6 sets refreshToken/),
    ]);
  });

  it('when any source file contains a pat- token, then it is reported with its line', async () => {
    await project.write('src/server/client.ts', `export const a = 1;\nconst token = '${fakePat()}';\n`);
    const step = await checkSecrets(project.dir);
    expect(step.issues).toEqual([{ step: 'secrets', file: 'src/server/client.ts', message: 'line 2 contains a HubSpot access key/token (pat-…)' }]);
  });

  it('when a private key is committed, then it is reported', async () => {
    const armour = (edge: string) => `-----${edge} RSA ${'PRIVATE'} KEY-----`;
    await project.write('deploy/key.pem', `${armour('BEGIN')}\nMIIE\n${armour('END')}\n`);
    expect((await checkSecrets(project.dir)).issues.map((i) => i.file)).toEqual(['deploy/key.pem']);
  });

  it('when the good fixture is scanned, then nothing is reported', async () => {
    expect((await checkSecrets(project.dir)).issues).toEqual([]);
  });

  it.each([
    ['README.md', 'HUBSPOT_PERSONAL_ACCESS_KEY=<your key> hs project upload --use-env'],
    ['.ci/run', 'export HUBSPOT_CLIENT_SECRET="$CI_SECRET"'],
    ['hubspot.config.yml', '    personalAccessKey: ""'],
    ['config.json', '{ "clientSecret": "${CLIENT_SECRET}" }'],
    ['src/server/oauth.ts', "const body = { client_secret: config.HUBSPOT_CLIENT_SECRET };"],
  ])('when %s only holds a placeholder or code, then it is not flagged', (file, line) => {
    expect(findSecretsInText(file, line)).toEqual([]);
  });
});
