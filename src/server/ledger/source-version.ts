/**
 * Orders two source versions. Versions are opaque strings from the source: when both are plain integers
 * they compare numerically ("10" > "9"); otherwise as strings, which orders ISO-8601 timestamps correctly.
 */
export function compareSourceVersions(a: string, b: string): number {
  const intA = /^\d+$/.test(a);
  const intB = /^\d+$/.test(b);
  if (intA && intB) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with sorted object keys: the same content always gives the same text (used as a fingerprint). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
