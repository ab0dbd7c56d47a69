/**
 * Identifiers and short texts that cross a boundary (external ids, invoice numbers, keys): well-formed
 * UTF-16 (a lone surrogate cannot be encoded as UTF-8, so Redis, Lua and JSON would each see something
 * else), no control characters, bounded length.
 */

export const ID_MAX_LENGTH = 128;

export type SafeIdProblem = 'empty' | 'too_long' | 'lone_surrogate' | 'control_character';

// U+0000–U+001F and U+007F–U+009F: invisible, and they break CSV, logs and HubSpot property values.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `s` cannot be an identifier, or `undefined` when it can. */
export function safeIdProblem(s: string, maxLength = ID_MAX_LENGTH): SafeIdProblem | undefined {
  if (s.trim().length === 0) return 'empty';
  if (s.length > maxLength) return 'too_long';
  if (LONE_SURROGATE.test(s)) return 'lone_surrogate';
  if (CONTROL.test(s)) return 'control_character';
  return undefined;
}

/** Free text (descriptions, messages): any length up to `maxLength`, but well-formed and without NUL. */
export function safeTextProblem(s: string, maxLength: number): 'too_long' | 'lone_surrogate' | 'control_character' | undefined {
  if (s.length > maxLength) return 'too_long';
  if (LONE_SURROGATE.test(s)) return 'lone_surrogate';
  if (s.includes('\u0000')) return 'control_character';
  return undefined;
}
