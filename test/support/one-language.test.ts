import { describe, expect, it } from 'vitest';
import { foreignWords, lazyPlurals } from './one-language';

describe('the one-language check', () => {
  it('when a Dutch text has English pasted in, then the English words are found', () => {
    expect(foreignWords('nl', 'Bellen: aanmaning · € 10,00\nStep: escalation (escalation via phone), tone: formal')).toEqual(['step', 'tone']);
    expect(foreignWords('en', 'Call: formal reminder\n1 factuur/facturen zijn vervallen')).toEqual(['factuur', 'facturen', 'vervallen']);
  });

  it('when a text is in one language, then nothing is found, and names are left out', () => {
    expect(foreignWords('nl', 'Er staat een bedrag van € 250,00 open, inmiddels 19 dagen over de vervaldatum.')).toEqual([]);
    expect(foreignWords('en', 'Call De Vries en Zonen about 2 invoices', ['De Vries en Zonen'])).toEqual([]);
  });

  it('when plurals are faked with a slash or brackets, then they are found', () => {
    expect(lazyPlurals('1 factuur/facturen, 2 contact(en), 3 invoice(s), 1 eerder(e)')).toEqual(['factuur/facturen', 'contact(en)', 'invoice(s)', 'eerder(e)']);
    expect(lazyPlurals('De (e-mail)adres en 6:119a BW')).toEqual([]);
  });
});
