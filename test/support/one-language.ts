/**
 * Finds words of the other language in a text that should be all English or all Dutch. The marker words are
 * common function words and the trade's own vocabulary, chosen so that none is also a word of the text's own
 * language ("is", "in", "we", "of" and "open" are both, so they are not markers). Names (companies, people,
 * invoice numbers) can be of any language: pass them in `ignore` and they are cut out first.
 */
const MARKERS: Record<'en' | 'nl', ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'with', 'invoice', 'invoices', 'overdue', 'due', 'day', 'days', 'amount', 'step', 'tone', 'why', 'paid',
    'payment', 'please', 'will', 'you', 'your', 'this', 'that', 'call', 'reminder', 'letter', 'costs', 'from', 'by', 'to', 'script',
    'goals', 'they', 'say', 'promise', 'dispute', 'not', 'has', 'have', 'been', 'for', 'at', 'on', 'latest']),
  nl: new Set(['de', 'het', 'een', 'en', 'van', 'factuur', 'facturen', 'vervallen', 'vervaldatum', 'uiterlijk', 'betaling', 'betalen',
    'bedrag', 'openstaand', 'dag', 'dagen', 'stap', 'toon', 'waarom', 'bellen', 'klant', 'wij', 'u', 'uw', 'niet', 'wordt', 'met',
    'voor', 'naar', 'dat', 'ook', 'nog', 'toezegging', 'geschil', 'herinnering', 'brief', 'incassokosten', 'vraag', 'spreek']),
};

/** The words of `other` found in `text`, in order of appearance (empty when the text is in one language). */
export function wordsOf(other: 'en' | 'nl', text: string, ignore: readonly string[] = []): string[] {
  // Links are no words of either language (a debtor-page token is random letters: "…to…" would count).
  let cleaned = text.replace(/https?:\/\/\S+/g, ' ');
  for (const name of [...ignore].filter(Boolean).sort((a, b) => b.length - a.length)) cleaned = cleaned.split(name).join(' ');
  const words = cleaned.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return words.filter((w) => MARKERS[other].has(w));
}

/** Words that betray the other language in a text meant to be in `language`. */
export const foreignWords = (language: 'en' | 'nl', text: string, ignore: readonly string[] = []): string[] =>
  wordsOf(language === 'en' ? 'nl' : 'en', text, ignore);

/** Plural stand-ins a professional never writes: "factuur/facturen", "contact(en)", "invoice(s)". */
export const lazyPlurals = (text: string): string[] => [...text.matchAll(/\p{L}+\/\p{L}+en\b|\p{L}+\((en|s|e)\)/gu)].map((m) => m[0]);
