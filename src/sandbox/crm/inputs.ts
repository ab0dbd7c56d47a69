import { validationError } from './errors';

/**
 * Shape checks at the boundary. The OpenAPI validator catches most of this when it is on; these keep the
 * handlers safe (and the errors clear) when benchmarks switch it off.
 */
export function asObject(raw: unknown, where: string): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw validationError(`Invalid input JSON: ${where} must be an object`);
  return raw as Record<string, unknown>;
}

export function asPropertyValues(raw: unknown, where: string): Record<string, string> {
  const obj = asObject(raw ?? {}, where);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== null && typeof v === 'object') throw validationError(`Invalid input JSON: ${where}.${k} must be a string`);
    out[k] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

export function asString(raw: unknown, where: string): string {
  if (typeof raw === 'string' && raw !== '') return raw;
  if (typeof raw === 'number') return String(raw);
  throw validationError(`Invalid input JSON: ${where} is required and must be a string`);
}

export const MAX_BATCH_INPUTS = 100;

/** `inputs` of a batch body, at most `max` of them (HubSpot rejects the whole request beyond that). */
export function batchInputs(body: unknown, max = MAX_BATCH_INPUTS): unknown[] {
  const inputs = asObject(body, 'body').inputs;
  if (!Array.isArray(inputs)) throw validationError('Invalid input JSON: inputs is required and must be an array');
  if (inputs.length > max) {
    throw validationError(`Batch input limit exceeded: the request contained ${inputs.length} inputs, but the limit is ${max}.`, undefined, { inputs: [String(inputs.length)] });
  }
  return inputs;
}

/** An integer query parameter with a default and a ceiling. */
export function intParam(raw: unknown, fallback: number, max: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw validationError(`${name} must be a positive integer`);
  return Math.min(n, max);
}

export function boolParam(raw: unknown): boolean {
  return raw === true || raw === 'true';
}

export function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}
