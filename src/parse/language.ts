import { LANGUAGES } from '../lang/index.js';
import type { Language } from '../model.js';

const INDONESIAN = LANGUAGES.id.stopwords;
const ENGLISH = LANGUAGES.en.stopwords;

/**
 * Guesses whether a text is Indonesian or English from how many of its words are each language's
 * stopwords. Function words make up a large, stable share of any prose, so a few sentences suffice.
 * Ties (no prose at all) fall back to Indonesian, ringkas's home language.
 */
export function detectLanguage(text: string): Language {
  let indonesian = 0;
  let english = 0;
  // One word at a time: an array of every word of a 20 MB article would take hundreds of megabytes.
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    if (INDONESIAN.has(word)) indonesian += 1;
    if (ENGLISH.has(word)) english += 1;
  }
  return english > indonesian ? 'en' : 'id';
}
