import type { Language } from '../model.js';

/**
 * Abbreviations that stand before a name, a place or a number and so never end a sentence
 * ("Prof. Ir. H. Budi", "Jl. Merdeka No. 5", "e.g. this"). Lower case, without the final period.
 */
const PREFIX_ABBREVIATIONS = new Set([
  // Indonesian
  'dr', 'drs', 'dra', 'prof', 'ir', 'h', 'hj', 'jl', 'jln', 'no', 'sdr', 'sdri', 'bpk', 'yth', 'kec', 'kab', 'kel',
  'kh', 'ust', 'tel', 'telp', 'hlm', 'ps', 'pt', 'cv', 'ny', 'nn', 'kpt', 'let', 'kol', 'brigjen', 'mayjen', 'letjen', 'jend',
  // English
  'mr', 'mrs', 'ms', 'st', 'mt', 'ft', 'e.g', 'i.e', 'vs', 'fig', 'figs', 'gen', 'gov', 'sen', 'rep', 'rev', 'sgt',
  'capt', 'col', 'lt', 'dept', 'univ', 'approx', 'vol', 'pp', 'ed', 'eds', 'cf', 'ca', 'nos',
]);

/**
 * Abbreviations that can also end a sentence ("… di Amerika dll. Ia …", "made in the U.S. Then …"):
 * joined to what follows only when it goes on in lower case or with a number.
 */
const TRAILING_ABBREVIATIONS = new Set([
  'dll', 'dsb', 'dst', 'dkk', 'tbk', 'sbb', 'ybs', 'etc', 'u.s', 'u.k', 'u.n', 'e.u', 'inc', 'ltd', 'co', 'corp', 'jr',
  'sr', 'al', 'agt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'oct', 'nov', 'des', 'dec',
]);

/** Spans a sentence boundary can never fall inside: URLs, e-mail addresses, domain names. */
const UNBREAKABLE = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)]|[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/gu;

/** The last word of a segment that ends in a period, with leading quotes or brackets removed. */
const LAST_WORD = /(\S+)\.\s*$/u;

/**
 * Splits a paragraph into sentences with `Intl.Segmenter`, then repairs what it cannot know:
 * splits after abbreviations and initials ("Prof. Ir. H. Budi", "U.S. forces", "B. J. Habibie")
 * and inside URLs and e-mail addresses are undone. Decimals and times ("3.5", "10.30") are never
 * split by the segmenter itself.
 */
export function splitSentences(paragraph: string, lang: Language): string[] {
  const text = paragraph.replace(/\s+/gu, ' ').trim();
  if (text === '') return [];
  const protectedSpans = [...text.matchAll(UNBREAKABLE)].map((match) => [match.index, match.index + match[0].length] as const);
  const insideProtected = (index: number) => protectedSpans.some(([start, end]) => index > start && index < end);

  const segments = [...new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)];
  const sentences: string[] = [];
  let pending = '';
  segments.forEach(({ segment }, position) => {
    pending += segment;
    const next = segments[position + 1];
    if (next === undefined || !joinsNext(pending, next.segment, insideProtected(next.index))) {
      if (pending.trim() !== '') sentences.push(pending.trim());
      pending = '';
    }
  });
  return sentences;
}

/** Whether the segmenter's boundary after `segment` is false, given the segment that follows. */
function joinsNext(segment: string, following: string, boundaryInsideUrl: boolean): boolean {
  if (boundaryInsideUrl) return true;
  const match = LAST_WORD.exec(segment);
  if (!match) return false;
  const word = match[1]!.replace(/^[("'“‘[]+/u, '');
  // A single capital is an initial ("B. J. Habibie"), not the end of a sentence.
  if (/^\p{Lu}$/u.test(word)) return true;
  const key = word.toLowerCase();
  if (PREFIX_ABBREVIATIONS.has(key)) return true;
  return TRAILING_ABBREVIATIONS.has(key) && /^[\s"'“‘(]*[\p{Ll}\d]/u.test(following);
}
