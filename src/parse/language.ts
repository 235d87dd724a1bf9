import { LANGUAGES } from '../lang/index.js';
import type { Language } from '../model.js';

const INDONESIAN = LANGUAGES.id.stopwords;
const ENGLISH = LANGUAGES.en.stopwords;

/** What language detection can say: a language ringkas knows, or that it is neither. */
export type DetectedLanguage = Language | 'unknown';

/** Fewer words than this are too few to call a text's language unknown: it is guessed as before. */
const MIN_WORDS = 20;

/**
 * The least share of a text's words that must be the language's stopwords. Prose has 30–50% of
 * its words from the list of its own language; French, Spanish or German prose has at most a few
 * percent from the English or Indonesian list (see the README, "Language").
 */
const MIN_STOPWORD_SHARE = 0.12;

/**
 * Tells whether a text is Indonesian or English from how many of its words are each language's
 * stopwords. Function words make up a large, stable share of any prose, so a few sentences suffice.
 * A text mostly in another script (Korean, Russian, Chinese), or of twenty words or more of which
 * too few are either language's stopwords, is `unknown` rather than a wrong guess. Ties (no prose
 * at all) fall back to Indonesian, ringkas's home language.
 */
export function detectLanguage(text: string): DetectedLanguage {
  let indonesian = 0;
  let english = 0;
  let words = 0;
  let latin = 0;
  let other = 0;
  // One word at a time: an array of every word of a 20 MB article would take hundreds of megabytes.
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    words += 1;
    if (/^\p{Script=Latin}/u.test(word)) latin += word.length;
    else other += word.length;
    if (INDONESIAN.has(word)) indonesian += 1;
    if (ENGLISH.has(word)) english += 1;
  }
  if (other > latin) return 'unknown';
  if (words >= MIN_WORDS && Math.max(indonesian, english) < words * MIN_STOPWORD_SHARE) return 'unknown';
  return english > indonesian ? 'en' : 'id';
}
