// Step "secrets": no HubSpot key or token in anything that is (or would be) committed —
// hubspot.config.yml above all, since the HubSpot CLI writes credentials into it.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { stepResult, type Issue, type StepResult } from './issues';
import { listFiles } from './project-files';

/** HubSpot personal access keys and private-app tokens: pat-na1-<uuid>, pat-eu1-<uuid>, … */
const TOKEN_SHAPES: { name: string; pattern: RegExp }[] = [
  { name: 'a HubSpot access key/token (pat-…)', pattern: /\bpat-[a-z]{2,3}\d+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i },
  { name: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
];

/** Credential keys in config-like files (YAML, JSON, .env): `clientSecret: abc`, `"refreshToken": "abc"`. */
const CREDENTIAL_KEYS = /(?:^|[\s{,"'])(personalAccessKey|clientSecret|client_secret|refreshToken|refresh_token|accessToken|access_token|apiKey|api_key|privateKey|private_key|HUBSPOT_PERSONAL_ACCESS_KEY|HUBSPOT_CLIENT_SECRET|HUBSPOT_ACCESS_TOKEN|HUBSPOT_REFRESH_TOKEN|HUBSPOT_API_KEY|TOKEN_ENCRYPTION_KEY)["']?\s*[:=]\s*["']?([^"'\s,}#]*)/;
const CONFIG_LIKE = /(\.ya?ml|\.json|\.env(\..*)?|\.ini|\.toml|\.properties|\.cfg|\.conf|\.sh|\.md|\/run)$|^\.env/;

/** Values that are obviously not a credential: empty, templated, or documentation placeholders. */
function isPlaceholder(value: string): boolean {
  return value === '' || value === 'null' || value === '~' || /^(\$|<|\{|\[|process\.env|your|change|replace|example|xxx|\.\.\.|…)/i.test(value);
}

const SKIP_DIRS = /(^|\/)(node_modules|\.git|dist|coverage|\.tmp)$/;

/** Files git would commit (tracked or not ignored); a plain walk when the folder is not a repository. */
async function candidateFiles(projectDir: string): Promise<string[]> {
  if (existsSync(path.join(projectDir, '.git'))) {
    const git = await execa('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: projectDir, reject: false });
    if (git.exitCode === 0) return git.stdout.split('\0').filter((f) => f && existsSync(path.join(projectDir, f)));
  }
  return listFiles(projectDir, (rel, isDir) => isDir && SKIP_DIRS.test(rel));
}

export function findSecretsInText(file: string, text: string): string[] {
  const found: string[] = [];
  const configLike = CONFIG_LIKE.test(file) || path.basename(file) === 'hubspot.config.yml';
  text.split('\n').forEach((line, i) => {
    for (const { name, pattern } of TOKEN_SHAPES) if (pattern.test(line)) found.push(`line ${i + 1} contains ${name}`);
    const match = configLike ? CREDENTIAL_KEYS.exec(line) : null;
    if (match && !isPlaceholder(match[2] ?? '')) found.push(`line ${i + 1} sets ${match[1]} to a value; credentials belong in the environment (hs --use-env)`);
  });
  return found;
}

export async function checkSecrets(projectDir: string): Promise<StepResult> {
  const issues: Issue[] = [];
  const files = await candidateFiles(projectDir);
  let scanned = 0;
  for (const file of files) {
    if (file.endsWith('package-lock.json')) continue; // integrity hashes, no credentials
    const abs = path.join(projectDir, file);
    if ((await stat(abs)).size > 1_000_000) continue;
    const text = await readFile(abs, 'utf8');
    if (text.includes('\0')) continue; // binary
    scanned += 1;
    issues.push(...findSecretsInText(file, text).map((message) => ({ step: 'secrets' as const, file, message })));
  }
  return stepResult('secrets', issues, [`${scanned} files scanned for keys and tokens`]);
}
