import type { Language } from '../ledger';
import { LOCALE } from './format';

/**
 * A text whose words depend on a number ("1 factuur" / "3 facturen"): one form per CLDR plural category,
 * chosen with Intl.PluralRules (part of the language, so the pure domain needs no package). English and Dutch
 * use 'one' and 'other'; `count` names the parameter that decides.
 */
export interface PluralText {
  readonly count: string;
  readonly one: string;
  readonly other: string;
}

export type Message = string | PluralText;
export type Params = Readonly<Record<string, string | number>>;

const rules = new Map<Language, Intl.PluralRules>();
const pluralRules = (language: Language): Intl.PluralRules => {
  let r = rules.get(language);
  if (!r) rules.set(language, (r = new Intl.PluralRules(LOCALE[language])));
  return r;
};

/** The plural category Intl picks for `n` in `language` ('one' or 'other' for en and nl). */
export const pluralCategory = (language: Language, n: number): Intl.LDMLPluralRule => pluralRules(language).select(n);

/**
 * Renders `message` with `{name}` placeholders filled. A missing parameter or a plural category the message
 * lacks is a bug in the message table, so it throws (the tables' tests run every message).
 */
export function render(language: Language, message: Message, params: Params, key: string): string {
  let template: string;
  if (typeof message === 'string') template = message;
  else {
    const n = params[message.count];
    if (typeof n !== 'number') throw new Error(`message ${key} needs a number {${message.count}}`);
    const category = pluralCategory(language, n);
    if (category !== 'one' && category !== 'other') throw new Error(`message ${key} has no '${category}' form for ${language}`);
    template = message[category];
  }
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message ${key} needs {${name}}`);
    return String(value);
  });
}

/** Every text form of a message (both plural forms), for the tables' tests. */
export const forms = (m: Message): readonly string[] => (typeof m === 'string' ? [m] : [m.one, m.other]);
