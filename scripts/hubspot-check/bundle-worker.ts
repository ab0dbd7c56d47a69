// Runs HubSpot's remoteBuild for a list of entrypoints in its own process. vite keeps transforming
// (and the HubSpot plugins keep logging) for a moment after a build fails; a child process keeps
// that noise and any vite state away from the caller. Usage: bundle-worker.ts <job.json> <result.json>
import { readFile, writeFile } from 'node:fs/promises';
import { remoteBuild } from '@hubspot/ui-extensions-dev-server/build';
import { z } from 'zod';

const Job = z.object({
  variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  builds: z.array(z.object({ id: z.string(), root: z.string(), entryPoint: z.string(), outputDir: z.string() })),
});

export type BundleJob = z.infer<typeof Job>;
export type BundleOutcome = { id: string; error?: string; output: string[] };

const [jobFile, resultFile] = process.argv.slice(2);
if (!jobFile || !resultFile) throw new Error('usage: bundle-worker.ts <job.json> <result.json>');
const job = Job.parse(JSON.parse(await readFile(jobFile, 'utf8')));

const outcomes: BundleOutcome[] = [];
for (const build of job.builds) {
  const output: string[] = [];
  const capture = (...args: unknown[]) => { output.push(args.map(String).join(' ')); };
  Object.assign(console, { log: capture, info: capture, warn: capture, error: capture });
  try {
    await remoteBuild({ root: build.root, entryPoint: build.entryPoint, outputDir: build.outputDir, logLevel: 'silent', appConfig: { variables: job.variables } });
    outcomes.push({ id: build.id, output });
  } catch (e) {
    outcomes.push({ id: build.id, error: e instanceof Error ? e.message : String(e), output });
  }
}
await writeFile(resultFile, JSON.stringify(outcomes));
