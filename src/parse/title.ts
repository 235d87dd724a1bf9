import type { Language, Section } from '../model.js';
import { LANGUAGES } from '../lang/index.js';

/** Small words that stay lower case inside a title. */
const MINOR_WORDS = new Set(['dan', 'di', 'ke', 'dari', 'yang', 'untuk', 'dengan', 'atau', 'of', 'and', 'the', 'a', 'an', 'in', 'on', 'for', 'to', 'or', 'at', 'by']);

/** The longest key phrase that still reads as a title. */
const MAX_TITLE_WORDS = 6;

/** How often a longer phrase must recur, relative to the phrase it extends, to be preferred. */
const EXTENSION_SHARE = 0.25;

/**
 * The article's dominant key phrase in title case, for articles without a title: the most frequent
 * two-word phrase that neither starts nor ends with a stopword, extended word by word while the
 * longer phrase still recurs as a unit (at least three times, and in a quarter of the shorter one's
 * uses). Phrases never cross punctuation. `undefined` when no phrase repeats.
 */
export function keyPhraseTitle(sections: readonly Section[], lang: Language): string | undefined {
  const stopwords = LANGUAGES[lang].stopwords;
  const runs: string[][] = [];
  const spellings = new Map<string, Map<string, number>>();
  const texts = sections.flatMap((section) => [section.heading ?? '', ...section.paragraphs.flatMap((p) => p.sentences.map((s) => s.text))]);
  for (const text of texts) {
    for (const run of text.split(/[^\p{L}\p{N}\s'’-]+/u)) {
      const words = run.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
      if (words.length === 0) continue;
      runs.push(words.map((word) => word.toLowerCase()));
      for (const word of words) {
        const forms = spellings.get(word.toLowerCase()) ?? new Map<string, number>();
        forms.set(word, (forms.get(word) ?? 0) + 1);
        spellings.set(word.toLowerCase(), forms);
      }
    }
  }

  const isPhrase = (gram: readonly string[]) => !stopwords.has(gram[0]!) && !stopwords.has(gram.at(-1)!);

  // The most frequent two-word phrase; ties go to the one seen first.
  const bigrams = new Map<string, number>();
  for (const run of runs) {
    for (let start = 0; start + 2 <= run.length; start += 1) {
      const gram = run.slice(start, start + 2);
      if (isPhrase(gram)) bigrams.set(gram.join(' '), (bigrams.get(gram.join(' ')) ?? 0) + 1);
    }
  }
  let phrase: string[] | undefined;
  let phraseCount = 1;
  for (const [key, count] of bigrams) {
    if (count > phraseCount) {
      phrase = key.split(' ');
      phraseCount = count;
    }
  }
  if (phrase === undefined) return undefined;

  // Extend it by one or two words on either side while the longer phrase recurs as a unit — up to
  // the length of a title (a text that repeats itself would otherwise grow the phrase without end).
  while (phrase.length < MAX_TITLE_WORDS) {
    const extensions = new Map<string, number>();
    for (const run of runs) {
      for (let start = 0; start + phrase.length <= run.length; start += 1) {
        if (!phrase.every((word, offset) => run[start + offset] === word)) continue;
        for (const [left, right] of [[1, 0], [2, 0], [0, 1], [0, 2]] as const) {
          if (start - left < 0 || start + phrase.length + right > run.length) continue;
          const gram = run.slice(start - left, start + phrase.length + right);
          if (isPhrase(gram)) extensions.set(gram.join(' '), (extensions.get(gram.join(' ')) ?? 0) + 1);
        }
      }
    }
    let best: string[] | undefined;
    let bestCount = 0;
    for (const [key, count] of extensions) {
      if (count >= 3 && count >= EXTENSION_SHARE * phraseCount && count > bestCount && key.split(' ').length <= MAX_TITLE_WORDS) {
        best = key.split(' ');
        bestCount = count;
      }
    }
    if (best === undefined) break;
    phrase = best;
    phraseCount = bestCount;
  }
  return titleCase(phrase, spellings);
}

/** Capitalises each word but minor ones, keeping an author's acronyms and brand spellings. */
function titleCase(words: string[], spellings: Map<string, Map<string, number>>): string {
  return words
    .map((word, index) => {
      const forms = [...(spellings.get(word) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
      const special = forms.find(([form]) => /\p{Lu}/u.test(form.slice(1)));
      if (special) return special[0];
      if (index > 0 && MINOR_WORDS.has(word)) return word;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join(' ');
}
