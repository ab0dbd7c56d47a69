import type { Language } from './index';

const RULES: Record<Language, Intl.PluralRules> = { en: new Intl.PluralRules('en'), nl: new Intl.PluralRules('nl') };
const NUMBERS: Record<Language, Intl.NumberFormat> = { en: new Intl.NumberFormat('en'), nl: new Intl.NumberFormat('nl') };

/** A message's forms per CLDR plural category; `other` is always there, the language's rules pick the rest. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

/**
 * The form Intl.PluralRules picks for `n` in `lang`, with `#` replaced by the number: `shown` when the caller
 * formatted it for the user's locale already, else the language's own formatting.
 */
export function plural(lang: Language, n: number, forms: PluralForms, shown?: string): string {
  return (forms[RULES[lang].select(n)] ?? forms.other).replace(/#/g, shown ?? NUMBERS[lang].format(n));
}
