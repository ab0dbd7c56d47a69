import { expect } from 'vitest';
import { forms, type Message } from '../../../src/domain/i18n/message';
import { foreignWords, lazyPlurals } from '../../support/one-language';

const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
const shape = (m: Message): string => (typeof m === 'string' ? 'text' : `plural(${m.count})`);

/**
 * What every pair of message tables must satisfy: the same keys, the same shape (a plural text in one is a
 * plural text in the other, counting the same parameter), the same placeholders per form, every plural
 * category Intl uses for the language present, no faked plurals, and not a word of the other language.
 */
export function expectMatchingTables(en: Record<string, Message>, nl: Record<string, Message>, sameInBoth: readonly string[] = []): void {
  expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  for (const [lang, table] of [['en', en], ['nl', nl]] as const) {
    const categories = new Intl.PluralRules(lang === 'en' ? 'en-GB' : 'nl-NL').resolvedOptions().pluralCategories;
    for (const [key, m] of Object.entries(table)) {
      if (typeof m !== 'string') for (const c of categories) expect(m[c as 'one' | 'other'], `${lang} ${key} ${c}`).toBeTruthy();
      for (const form of forms(m)) {
        expect(form.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
        expect(lazyPlurals(form), `${lang} ${key}`).toEqual([]);
        expect(foreignWords(lang, form.replace(/\{\w+\}/g, ' ')), `${lang} ${key}: ${form}`).toEqual([]);
      }
    }
  }
  for (const key of Object.keys(en)) {
    const [a, b] = [en[key]!, nl[key]!];
    expect(shape(b), key).toBe(shape(a));
    expect(forms(b).map(placeholders), key).toEqual(forms(a).map(placeholders));
  }
  // A copied English text would slip through the checks above when it has no marker words.
  expect(Object.keys(en).filter((k) => JSON.stringify(en[k]) === JSON.stringify(nl[k]))).toEqual([...sameInBoth]);
}
