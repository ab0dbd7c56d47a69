import { describe, expect, it } from 'vitest';
import { EN, NL } from '../../../src/domain/call-script/messages';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('call-script messages', () => {
  it('when both tables are compared, then they have exactly the same keys', () => {
    expect(Object.keys(NL).sort()).toEqual(Object.keys(EN).sort());
  });

  it('when a text is translated, then the Dutch one uses the same placeholders and is not left empty or in English', () => {
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      expect(placeholders(NL[key]), key).toEqual(placeholders(EN[key]));
      expect(NL[key].trim().length, key).toBeGreaterThan(0);
    }
    // Words that differ between the languages must differ (a copied English text would slip through otherwise).
    const identical = (Object.keys(EN) as (keyof typeof EN)[]).filter((k) => EN[k] === NL[k]);
    expect(identical).toEqual(['outcome.voicemail', 'action.email']);
  });
});
