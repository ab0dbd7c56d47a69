import { readFileSync } from 'node:fs';
import { z } from 'zod';

const AppMeta = z.object({ config: z.object({ auth: z.object({ requiredScopes: z.array(z.string().min(1)).min(1) }) }) });

/** The app definition HubSpot builds; its requiredScopes are exactly what the authorize URL must ask for. */
export const APP_HSMETA_URL = new URL('../../app/app-hsmeta.json', import.meta.url);

/** Reads the required scopes once at start-up, so the scope list lives in app-hsmeta.json only. */
export function readRequiredScopes(file: URL | string = APP_HSMETA_URL): readonly string[] {
  return AppMeta.parse(JSON.parse(readFileSync(file, 'utf8'))).config.auth.requiredScopes;
}
