// The HubSpot project check as one function of a project directory, so tests can run it on
// fixture projects and `npm run check:hubspot` runs it on the repository.
import path from 'node:path';
import { checkBundles, checkImports, type BundleOptions } from './check-bundles';
import { checkMetadata } from './check-metadata';
import { checkWithParsingLib } from './check-parsing-lib';
import { checkSecrets } from './check-secrets';
import { STEPS, type Issue, type StepResult } from './issues';

export type CheckOptions = BundleOptions & {
  /** Skip npm ci + bundling (the slow part); everything else still runs. */
  bundle?: boolean;
};

export type CheckReport = { ok: boolean; steps: StepResult[]; issues: Issue[] };

export async function runHubSpotCheck(projectDir: string, options: CheckOptions = {}): Promise<CheckReport> {
  const dir = path.resolve(projectDir);
  const metadata = await checkMetadata(dir);
  const steps = [...metadata.results];
  const { model } = metadata;
  if (model) {
    steps.push(await checkWithParsingLib(model));
    steps.push(checkImports(model));
    steps.push(options.bundle === false
      ? { step: 'bundle', issues: [], notes: [], skipped: 'bundling disabled' }
      : await checkBundles(model, options));
  }
  steps.push(await checkSecrets(dir));
  for (const step of STEPS.filter((s) => !steps.some((r) => r.step === s))) {
    steps.push({ step, issues: [], notes: [], skipped: 'hsproject.json must be fixed first' });
  }
  steps.sort((a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step));
  const issues = steps.flatMap((s) => s.issues);
  return { ok: issues.length === 0, steps, issues };
}

export function formatReport(report: CheckReport): string {
  const lines = ['HubSpot project check'];
  for (const s of report.steps) {
    const mark = s.skipped ? '-' : s.issues.length ? '✖' : '✔';
    const detail = s.skipped ? `skipped: ${s.skipped}` : s.notes.join('; ');
    lines.push(`  ${mark} ${s.step.padEnd(12)} ${detail}`);
    for (const i of s.issues) lines.push(`      ${i.file ? `${i.file}: ` : ''}${i.message}`);
  }
  lines.push(report.ok ? 'OK: the project is ready for `hs project upload`.' : `FAILED: ${report.issues.length} problem(s).`);
  return lines.join('\n');
}
