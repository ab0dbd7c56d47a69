import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { expect } from 'vitest';

/**
 * Checks an OAuth answer against HubSpot's own OpenAPI document. The OAuth router sits in front of the
 * sandbox's request/response validator, so the tests hold it to the spec themselves.
 */
export function expectValidOAuthBody(file: 'oauth.json' | 'oauth-v3.json', path: string, method: string, body: unknown): void {
  const doc = JSON.parse(readFileSync(fileURLToPath(new URL(`./oauth-specs/${file}`, import.meta.url)), 'utf8'));
  const schema = doc.paths[path][method].responses['200'].content['application/json'].schema;
  const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  const validate = ajv.compile({ ...schema, components: doc.components });
  const ok = validate(body);
  expect(ok ? [] : validate.errors).toEqual([]);
}
