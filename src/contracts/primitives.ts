import { z } from 'zod';
import { calendarDateProblem } from '../kernel/calendar-date';
import { safeIdProblem, safeTextProblem } from '../kernel/safe-text';

/**
 * The boundary types every wire format shares. Each check is a plain predicate from src/kernel, run in a
 * zod `.check` that adds an issue and never throws, so a hostile value is a 400 naming its field.
 */

const DATE_MESSAGES = {
  shape: 'must be a date YYYY-MM-DD',
  not_a_date: 'is not a calendar date',
  range: 'is outside the years 1900–2199',
} as const;

/** A strict `YYYY-MM-DD` that is a real date in a sane range. */
export const CalendarDate = z.string().check((ctx) => {
  const problem = calendarDateProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: DATE_MESSAGES[problem], input: ctx.value });
});

const ID_MESSAGES = {
  empty: 'must not be empty',
  too_long: 'is too long',
  lone_surrogate: 'is not valid text (a lone UTF-16 surrogate)',
  control_character: 'contains a control character',
} as const;

/** An identifier from outside (external id, number, key): trimmed, well-formed, bounded. */
export const SafeId = (maxLength = 128) => z.string().trim().check((ctx) => {
  const problem = safeIdProblem(ctx.value, maxLength);
  if (problem) ctx.issues.push({ code: 'custom', message: ID_MESSAGES[problem], input: ctx.value });
});

/** Free text: well-formed and at most `maxLength` characters (may be empty). */
export const SafeText = (maxLength: number) => z.string().trim().check((ctx) => {
  const problem = safeTextProblem(ctx.value, maxLength);
  if (problem) ctx.issues.push({ code: 'custom', message: problem === 'too_long' ? `is longer than ${maxLength} characters` : ID_MESSAGES[problem], input: ctx.value });
});

/** A name or other one-line label: runs of white space (a line break in a quoted CSV field) become one space. */
export const SafeLabel = (maxLength: number) => z.string().transform((s) => s.replace(/\s+/g, ' ')).pipe(SafeId(maxLength));
