// `npm run check:hubspot`: the HubSpot project check on this repository.
// Flags: --no-bundle (skip npm ci + bundling), --keep-copy (leave the upload copy for inspection).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport, runHubSpotCheck } from './run-check';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Set(process.argv.slice(2));

const report = await runHubSpotCheck(repoRoot, {
  bundle: !args.has('--no-bundle'),
  keepCopy: args.has('--keep-copy'),
  log: args.has('--verbose') ? (line) => console.log(`  · ${line}`) : undefined,
});
console.log(formatReport(report));
process.exitCode = report.ok ? 0 : 1;
