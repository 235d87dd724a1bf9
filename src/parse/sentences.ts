import type { Language } from '../model.js';

/**
 * Abbreviations after which `Intl.Segmenter` wrongly ends a sentence. Lower case, without the final
 * period; matched against the last word of a segment.
 */
const ABBREVIATIONS = new Set([
  // Indonesian
  'dr', 'drs', 'dra', 'prof', 'ir', 'h', 'hj', 'jl', 'jln', 'no', 'agt', 'dll', 'dsb', 'dst', 'dkk',
  'tbk', 'sdr', 'bpk', 'yth', 'kec', 'kab', 'kel', 'tel', 'hlm', 'st', 'kh', 'pt', 'cv', 'ust',
  // English
  'mr', 'mrs', 'ms', 'jr', 'sr', 'vs', 'etc', 'e.g', 'i.e', 'u.s', 'u.k', 'fig', 'inc', 'ltd', 'co',
  'corp', 'gen', 'gov', 'sen', 'rep', 'dept', 'univ', 'approx', 'no', 'vol', 'pp', 'ed', 'al',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** The last word of a segment, with its trailing period and closing punctuation removed. */
const LAST_WORD = /(\S+)\.\s*$/u;

/**
 * Splits a paragraph into sentences with `Intl.Segmenter`, then re-joins the splits it makes after
 * abbreviations and initials ("Prof. Ir. H. Budi", "U.S. forces"), which it cannot know about.
 */
export function splitSentences(paragraph: string, lang: Language): string[] {
  const text = paragraph.replace(/\s+/gu, ' ').trim();
  if (text === '') return [];
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  const sentences: string[] = [];
  let pending = '';
  for (const { segment } of segmenter.segment(text)) {
    pending += segment;
    if (!endsWithAbbreviation(pending)) {
      sentences.push(pending.trim());
      pending = '';
    }
  }
  if (pending.trim() !== '') sentences.push(pending.trim());
  return sentences.filter((sentence) => sentence !== '');
}

function endsWithAbbreviation(segment: string): boolean {
  const match = LAST_WORD.exec(segment);
  if (!match) return false;
  const word = match[1]!.replace(/^[("'“‘[]+/u, '');
  // A single letter is an initial ("B. J. Habibie"), not the end of a sentence.
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
