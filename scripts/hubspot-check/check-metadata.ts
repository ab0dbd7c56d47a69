// Step "project", "profiles" and "hsmeta": hsproject.json, src/hsprofile.*.json and every
// *-hsmeta.json checked against our zod schemas, with profile variables substituted per profile.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Components } from '@hubspot/project-parsing-lib/constants';
import { validateProfileVariables } from '@hubspot/project-parsing-lib/profiles';
import { validateProjectConfig } from '@hubspot/project-parsing-lib/projects';
import { stepResult, type Issue, type StepResult } from './issues';
import {
  findHsMetaFiles, findProfileNames, profileFileName, readJson, substituteVariables, variableReferences,
  type ProfileVariables,
} from './project-files';
import {
  describeZodIssues, GenericMetaSchema, HsProfileSchema, HsProjectSchema, SCHEMA_BY_TYPE, UI_COMPONENT_TYPES,
} from './schemas';

export type Profile = { name: string; variables: ProfileVariables };

export type Component = {
  /** Path relative to srcDir, posix. */
  file: string;
  uid: string;
  type: string;
  name: string;
  /** Path from srcDir (`/app/cards/X.tsx`) for UI components. */
  entrypoint?: string;
};

export type ProjectModel = {
  projectDir: string;
  name: string;
  srcDir: string;
  platformVersion: string;
  profiles: Profile[];
  /** Every hsmeta file found (also broken ones), relative to srcDir. */
  hsMetaFiles: string[];
  /** The hsmeta files that passed the checks. */
  components: Component[];
};

export type MetadataResult = { results: StepResult[]; model?: ProjectModel };

const SINGULAR = new Set(Object.entries(Components).filter(([, c]) => c.singularComponent).map(([type]) => type));

function expectedDir(type: string): string | undefined {
  const c = Components[type as keyof typeof Components] as { dir: string; parentComponent?: string } | undefined;
  if (!c) return undefined;
  return c.parentComponent ? `${c.parentComponent}/${c.dir}` : c.dir;
}

export async function checkProjectConfig(projectDir: string): Promise<{ result: StepResult; project?: { name: string; srcDir: string; platformVersion: string } }> {
  const issues: Issue[] = [];
  const file = 'hsproject.json';
  const read = await readJson(path.join(projectDir, file));
  if (!read.ok) return { result: stepResult('project', [{ step: 'project', file, message: `hsproject.json ${read.error}` }]) };
  const parsed = HsProjectSchema.safeParse(read.value);
  if (!parsed.success) {
    issues.push(...describeZodIssues(parsed.error).map((message) => ({ step: 'project' as const, file, message })));
  }
  try {
    validateProjectConfig(read.value, projectDir);
  } catch (e) {
    issues.push({ step: 'project', file, message: `validateProjectConfig: ${(e as Error).message}` });
  }
  if (issues.length || !parsed.success) return { result: stepResult('project', issues) };
  const { name, platformVersion } = parsed.data;
  return {
    result: stepResult('project', [], [`${name}, platform ${platformVersion}, srcDir ${parsed.data.srcDir}`]),
    project: { name, platformVersion, srcDir: path.resolve(projectDir, parsed.data.srcDir) },
  };
}

export async function checkProfiles(projectDir: string, srcDir: string): Promise<{ result: StepResult; profiles: Profile[] }> {
  const issues: Issue[] = [];
  const profiles: Profile[] = [];
  for (const name of await findProfileNames(srcDir)) {
    const file = path.relative(projectDir, path.join(srcDir, profileFileName(name)));
    const read = await readJson(path.join(srcDir, profileFileName(name)));
    if (!read.ok) { issues.push({ step: 'profiles', file, message: read.error }); continue; }
    const parsed = HsProfileSchema.safeParse(read.value);
    if (!parsed.success) {
      issues.push(...describeZodIssues(parsed.error).map((message) => ({ step: 'profiles' as const, file, message })));
      continue;
    }
    const variables = parsed.data.variables ?? {};
    const hubspotVerdict = validateProfileVariables(variables, profileFileName(name));
    issues.push(...hubspotVerdict.errors.map((message) => ({ step: 'profiles' as const, file, message })));
    profiles.push({ name, variables });
  }
  const notes = profiles.length ? [`profiles: ${profiles.map((p) => p.name).join(', ')}`] : ['no profiles'];
  return { result: stepResult('profiles', issues, notes), profiles };
}

/** Validates one hsmeta file under every profile; returns the component when it is sound. */
async function checkOneHsMeta(model: Omit<ProjectModel, 'components'>, rel: string, issues: Issue[]): Promise<Component | undefined> {
  const file = path.relative(model.projectDir, path.join(model.srcDir, rel));
  const report = (message: string) => issues.push({ step: 'hsmeta', file, message });
  const read = await readJson(path.join(model.srcDir, rel));
  if (!read.ok) { report(read.error); return undefined; }
  const raw = read.value;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) { report('must be a JSON object with uid, type and config'); return undefined; }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !(type in Components)) {
    report(`type ${JSON.stringify(type)} is not a HubSpot component type`);
    return undefined;
  }
  const dir = path.posix.dirname(rel);
  if (dir !== expectedDir(type)) report(`a ${type} component must sit directly in src/${expectedDir(type)}/ (found in src/${dir}/)`);

  const errorCountBefore = issues.length;
  for (const name of variableReferences(raw)) {
    if (model.profiles.length === 0) report(`uses \${${name}} but there is no src/hsprofile.<name>.json to define it`);
    for (const p of model.profiles.filter((pr) => !(name in pr.variables))) report(`uses \${${name}}, which profile "${p.name}" does not define`);
  }
  const schema = SCHEMA_BY_TYPE[type] ?? GenericMetaSchema;
  const variants = model.profiles.length ? model.profiles : [{ name: '', variables: {} }];
  const failures = new Map<string, string[]>();
  for (const profile of variants) {
    const parsed = schema.safeParse(substituteVariables(raw, profile.variables));
    if (parsed.success) continue;
    for (const message of describeZodIssues(parsed.error)) failures.set(message, [...(failures.get(message) ?? []), profile.name]);
  }
  for (const [message, names] of failures) {
    report(names.length === variants.length ? message : `${message} (with profile ${names.join(', ')})`);
  }
  const data = raw as { uid?: unknown; config?: { name?: unknown; entrypoint?: unknown } };
  const entrypoint = typeof data.config?.entrypoint === 'string' ? data.config.entrypoint : undefined;
  if ((UI_COMPONENT_TYPES as readonly string[]).includes(type) && entrypoint) {
    const abs = path.join(model.srcDir, entrypoint);
    if (!abs.startsWith(path.join(model.srcDir, 'app') + path.sep) || !existsSync(abs)) {
      report(`entrypoint ${entrypoint} does not exist under src/app`);
    }
  }
  if (issues.length > errorCountBefore) return undefined;
  return { file: rel, uid: String(data.uid), type, name: String(data.config?.name ?? data.uid), ...(entrypoint ? { entrypoint } : {}) };
}

export async function checkHsMetaFiles(model: Omit<ProjectModel, 'components'>): Promise<{ result: StepResult; components: Component[] }> {
  const issues: Issue[] = [];
  const components: Component[] = [];
  for (const rel of model.hsMetaFiles) {
    const component = await checkOneHsMeta(model, rel, issues);
    if (component) components.push(component);
  }
  const byType = new Map<string, Component[]>();
  for (const c of components) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
  for (const [type, list] of byType) {
    if (SINGULAR.has(type) && list.length > 1) {
      issues.push({ step: 'hsmeta', message: `only one ${type} component is allowed, found ${list.map((c) => c.file).join(', ')}` });
    }
  }
  const byUid = new Map<string, string[]>();
  for (const c of components) byUid.set(c.uid, [...(byUid.get(c.uid) ?? []), c.file]);
  for (const [uid, files] of byUid) {
    if (files.length > 1) issues.push({ step: 'hsmeta', message: `uid "${uid}" is used by ${files.join(', ')}; uids must be unique` });
  }
  if (!model.hsMetaFiles.some((f) => path.posix.dirname(f) === 'app')) {
    issues.push({ step: 'hsmeta', message: 'the project has no app component (src/app/*-hsmeta.json with type "app")' });
  }
  const counts = [...byType].map(([type, list]) => `${list.length} ${type}`).join(', ');
  return { result: stepResult('hsmeta', issues, [`${model.hsMetaFiles.length} hsmeta files (${counts || 'none valid'})`]), components };
}

export async function checkMetadata(projectDir: string): Promise<MetadataResult> {
  const project = await checkProjectConfig(projectDir);
  if (!project.project) return { results: [project.result] };
  const { srcDir } = project.project;
  const profiles = await checkProfiles(projectDir, srcDir);
  const base = { projectDir, ...project.project, profiles: profiles.profiles, hsMetaFiles: await findHsMetaFiles(srcDir) };
  const hsmeta = await checkHsMetaFiles(base);
  return { results: [project.result, profiles.result, hsmeta.result], model: { ...base, components: hsmeta.components } };
}
