import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** What HubSpot renders of an app: every UI component in src/app/**\/*-hsmeta.json (cards, app home, settings). */
export const UI_LOCATIONS = ['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar', 'home', 'settings'] as const;
export type UiLocation = (typeof UI_LOCATIONS)[number];

const Meta = z.object({
  uid: z.string().regex(/^[a-z0-9_-]{1,64}$/i),
  type: z.string(),
  config: z.object({
    name: z.string().optional(),
    location: z.string().optional(),
    entrypoint: z.string().optional(),
    objectTypes: z.array(z.string()).optional(),
  }).loose(),
});

export interface UiComponent {
  readonly uid: string;
  readonly type: string;
  readonly name: string;
  readonly location: UiLocation;
  /** Absolute path of the entry file HubSpot builds. */
  readonly entryFile: string;
  readonly objectTypes: readonly string[];
}

/** `type: page` is the app home and `type: settings` the settings page; cards name their location. */
function locationOf(type: string, declared: string | undefined): UiLocation | undefined {
  if (type === 'page') return 'home';
  if (type === 'settings') return 'settings';
  return (UI_LOCATIONS as readonly string[]).includes(declared ?? '') ? declared as UiLocation : undefined;
}

function metaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : metaFiles(full);
    return e.name.endsWith('-hsmeta.json') ? [full] : [];
  });
}

export function readUiComponents(srcDir: string): UiComponent[] {
  const out: UiComponent[] = [];
  for (const file of metaFiles(path.join(srcDir, 'app')).sort()) {
    const parsed = Meta.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) continue;
    const { uid, type, config } = parsed.data;
    const location = locationOf(type, config.location);
    if (!location || !config.entrypoint) continue;
    out.push({
      uid, type, location, name: config.name ?? uid,
      // HubSpot's entrypoints are relative to src/ and start with a slash.
      entryFile: path.join(srcDir, config.entrypoint),
      objectTypes: config.objectTypes ?? [],
    });
  }
  return out;
}

const Profile = z.object({ variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}) });
const AppMeta = z.object({ config: z.object({ permittedUrls: z.object({ fetch: z.array(z.string()).default([]) }).loose().optional() }).loose() });

/** The profile the workspace builds and runs the cards with (`src/hsprofile.<name>.json`), as strings. */
export function readProfileVariables(srcDir: string, profile = 'local'): Record<string, string> {
  const parsed = Profile.parse(JSON.parse(readFileSync(path.join(srcDir, `hsprofile.${profile}.json`), 'utf8')));
  return Object.fromEntries(Object.entries(parsed.variables).map(([k, v]) => [k, String(v)]));
}

/** `permittedUrls.fetch` of app-hsmeta.json with the profile's `${VARIABLES}` filled in, as HubSpot's build does. */
export function readPermittedFetchUrls(srcDir: string, variables: Readonly<Record<string, string>>): string[] {
  const meta = AppMeta.parse(JSON.parse(readFileSync(path.join(srcDir, 'app', 'app-hsmeta.json'), 'utf8')));
  return (meta.config.permittedUrls?.fetch ?? []).map((u) => u.replace(/\$\{([A-Z0-9_]+)\}/g, (m, name: string) => variables[name] ?? m));
}
