// Step "parsing-lib": HubSpot's own offline checks from @hubspot/project-parsing-lib (the library
// the CLI uses to build the upload's intermediate representation). translate() with validation
// skipped works offline but silently drops files it cannot parse, so we compare its output with the
// hsmeta files on disk: every file must have become a component.
import path from 'node:path';
import { AUTO_GENERATED_COMPONENT_TYPES } from '@hubspot/project-parsing-lib/constants';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { validateUid } from '@hubspot/project-parsing-lib/uid';
import { stepResult, type Issue, type StepResult } from './issues';
import { readJson } from './project-files';
import type { ProjectModel } from './check-metadata';

const AUTO_TYPES = new Set(AUTO_GENERATED_COMPONENT_TYPES.map((t) => t.toUpperCase().replace(/-/g, '_')));

async function checkUids(model: ProjectModel, issues: Issue[]): Promise<void> {
  for (const rel of model.hsMetaFiles) {
    const read = await readJson(path.join(model.srcDir, rel));
    if (!read.ok || !read.value || typeof read.value !== 'object') continue; // reported by the hsmeta step
    const uid = (read.value as { uid?: unknown }).uid;
    const problem = validateUid(typeof uid === 'string' ? uid : '');
    if (problem) issues.push({ step: 'parsing-lib', file: path.relative(model.projectDir, path.join(model.srcDir, rel)), message: `validateUid: ${problem}` });
  }
}

async function translateOnce(model: ProjectModel, profile: string | undefined, issues: Issue[]): Promise<number> {
  const label = profile ? `translate (profile ${profile})` : 'translate';
  try {
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      { projectSourceDir: model.srcDir, platformVersion: model.platformVersion },
      { skipValidation: true, ...(profile ? { profile } : {}) },
    );
    for (const skipped of skippedHsMetaFiles) {
      issues.push({ step: 'parsing-lib', file: path.relative(model.projectDir, path.join(model.srcDir, skipped)), message: `${label} skipped this file: hsmeta files must sit directly in a component folder` });
    }
    const nodes = Object.values(intermediateRepresentation.intermediateNodesIndexedByUid).filter((n) => !AUTO_TYPES.has(n.componentType));
    const translated = new Set(nodes.map((n) => n.metaFilePath));
    const skipped = new Set(skippedHsMetaFiles);
    for (const rel of model.hsMetaFiles.filter((f) => !skipped.has(f) && !translated.has(f))) {
      issues.push({ step: 'parsing-lib', file: path.relative(model.projectDir, path.join(model.srcDir, rel)), message: `${label} silently dropped this file: it did not become a component` });
    }
    return nodes.length;
  } catch (e) {
    issues.push({ step: 'parsing-lib', message: `${label} failed: ${(e as Error).message}` });
    return 0;
  }
}

export async function checkWithParsingLib(model: ProjectModel): Promise<StepResult> {
  const issues: Issue[] = [];
  await checkUids(model, issues);
  const profiles = model.profiles.length ? model.profiles.map((p) => p.name) : [undefined];
  let components = 0;
  for (const profile of profiles) components = await translateOnce(model, profile, issues);
  const runs = profiles.map((p) => p ?? 'no profile').join(', ');
  return stepResult('parsing-lib', issues, [`validateProjectConfig, validateUid, translate (${runs}): ${components} components`]);
}
