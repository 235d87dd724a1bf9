import { Stemmer } from 'sastrawijs';
import { stemmer as porterStem } from 'stemmer';
import type { Language } from '../model.js';
import { LANGUAGES } from '../lang/index.js';

const indonesianStemmer = new Stemmer();

/** Stems are cached per word: an article repeats its vocabulary, and stemming is the costly step. */
const stemCache: Record<Language, Map<string, string>> = { id: new Map(), en: new Map() };

function stem(word: string, lang: Language): string {
  const cache = stemCache[lang];
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = lang === 'id' ? indonesianStemmer.stem(word) : porterStem(word);
    // Bound the cache so that a huge vocabulary cannot grow it without limit.
    if (cache.size > 200_000) cache.clear();
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** Words of a text, lower-cased: letters and digits, with inner hyphens and apostrophes kept. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * The content terms of a text for ranking: its words without stopwords, stemmed (Sastrawi for
 * Indonesian, Porter for English), so that "pertahanan" and "bertahan" count as one term.
 */
export function termsOf(text: string, lang: Language): string[] {
  const stopwords = LANGUAGES[lang].stopwords;
  const terms: string[] = [];
  for (const word of words(text)) {
    if (stopwords.has(word) || /^\p{N}+$/u.test(word)) continue;
    terms.push(stem(word, lang));
  }
  return terms;
}

/**
 * The article's keywords for metadata: its most frequent content words (not stopwords, four
 * letters or more), at most `count`, each used at least twice. Ties go to the word seen first.
 */
export function keywordsOf(texts: readonly string[], lang: Language, count = 8): string[] {
  const stopwords = LANGUAGES[lang].stopwords;
  const frequency = new Map<string, number>();
  for (const text of texts) {
    for (const word of words(text)) {
      if (word.length >= 4 && !stopwords.has(word) && !/\p{N}/u.test(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    }
  }
  return [...frequency]
    .filter(([, uses]) => uses >= 2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([word]) => word);
}
