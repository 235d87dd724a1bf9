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

/**
 * Spans a sentence boundary can never fall inside: URLs, e-mail addresses, domain names. An e-mail
 * address is only tried from the start of a run of the characters its local part may hold (the
 * lookbehind): tried from every character of a long run, as the plain pattern is, each attempt reads
 * to the end of the run and a run of 200,000 letters takes a minute.
 */
const UNBREAKABLE = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)]|(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d.-]+\.\p{L}{2,}/gu;

/** The longest word {@link joinsNext} looks at: no abbreviation or initial, quotes included, is longer. */
const MAX_ABBREVIATION_LENGTH = 64;

/**
 * How much text goes to `Intl.Segmenter` at once. V8 gives every segment it yields its own copy of
 * the whole string being segmented (the segment's `input`), so one call over a long paragraph costs
 * time and memory in the square of its length: 6,000 sentences in one paragraph took 1.7 GB. Windows
 * of this size keep the cost of a segment constant while amortising the cost of a call.
 */
const SEGMENT_WINDOW = 4096;

/** One segmenter per language: creating one costs far more than using it. */
const segmenters = new Map<Language, Intl.Segmenter>();

function segmenterFor(lang: Language): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * Where `Intl.Segmenter` ends the sentences of `text`: the end offset of each segment, the last
 * being `text.length`. The text is segmented in windows of about `window` characters, with the
 * same result as in one call: the segmenter decides each boundary from where the previous one is,
 * so every window starts at a boundary. What a window's end may have changed is not kept: its last
 * segment, and any boundary that the segmenter's look-ahead may have decided at the window's end
 * (after a full stop it reads on over spaces, digits, quotes and brackets to the next letter, to
 * see whether the text goes on in lower case). A window without a boundary to keep grows until it
 * has one; a grown window keeps only its first, so that the sentences after a long one are not
 * each charged the long window's copy.
 */
export function sentenceBoundaries(text: string, lang: Language, window = SEGMENT_WINDOW): number[] {
  const segmenter = segmenterFor(lang);
  const ends: number[] = [];
  let start = 0;
  let size = window;
  while (start < text.length) {
    if (start + size >= text.length) {
      for (const { index, segment } of segmenter.segment(text.slice(start))) ends.push(start + index + segment.length);
      break;
    }
    const end = windowEnd(text, start + size);
    // A boundary is final when a letter or a sentence mark after it, inside the window, ends any look-ahead.
    let settled = end - 1;
    while (settled > start && !LOOK_AHEAD_STOP.test(text[settled]!)) settled -= 1;
    const grown = size > window;
    let found = 0;
    for (const { index, segment } of segmenter.segment(text.slice(start, end))) {
      const boundary = start + index + segment.length;
      if (boundary > settled) break;
      ends.push(boundary);
      found += 1;
      if (grown) break;
    }
    if (found === 0) {
      size *= 2;
      continue;
    }
    start = ends.at(-1)!;
    size = window;
  }
  return ends;
}

/** Characters at which the segmenter's look-ahead after a full stop ends: letters and sentence marks. */
const LOOK_AHEAD_STOP = /[\p{L}.!?]/u;

/** `end`, or one less where it would fall between the two halves of a surrogate pair. */
function windowEnd(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/**
 * Splits a paragraph into sentences with `Intl.Segmenter`, then repairs what it cannot know:
 * splits after abbreviations and initials ("Prof. Ir. H. Budi", "U.S. forces", "B. J. Habibie")
 * and inside URLs and e-mail addresses are undone. Decimals and times ("3.5", "10.30") are never
 * split by the segmenter itself. Time and memory grow linearly with the paragraph's length.
 */
export function splitSentences(paragraph: string, lang: Language): string[] {
  const text = paragraph.replace(/\s+/gu, ' ').trim();
  if (text === '') return [];
  // Boundaries come in increasing order, so one pass over the protected spans answers them all.
  const protectedSpans = [...text.matchAll(UNBREAKABLE)].map((match) => [match.index, match.index + match[0].length] as const);
  let span = 0;
  const insideProtected = (index: number) => {
    while (span < protectedSpans.length && protectedSpans[span]![1] <= index) span += 1;
    const current = protectedSpans[span];
    return current !== undefined && index > current[0] && index < current[1];
  };

  const ends = sentenceBoundaries(text, lang);
  const sentences: string[] = [];
  let start = 0;
  ends.forEach((end, position) => {
    const next = ends[position + 1];
    if (next === undefined || !joinsNext(text, start, end, text.slice(end, next), insideProtected(end))) {
      const sentence = text.slice(start, end).trim();
      if (sentence !== '') sentences.push(sentence);
      start = end;
    }
  });
  return sentences;
}

/**
 * Whether the segmenter's boundary at `end` is false, given the sentence so far (`text` from
 * `start`, spaces collapsed) and the segment that follows.
 */
function joinsNext(text: string, start: number, end: number, following: string, boundaryInsideUrl: boolean): boolean {
  if (boundaryInsideUrl) return true;
  const word = lastWordBeforePeriod(text, start, end)?.replace(/^[("'“‘[]+/u, '');
  if (word === undefined) return false;
  // A single capital is an initial ("B. J. Habibie"), not the end of a sentence.
  if (/^\p{Lu}$/u.test(word)) return true;
  const key = word.toLowerCase();
  if (PREFIX_ABBREVIATIONS.has(key)) return true;
  if (!TRAILING_ABBREVIATIONS.has(key)) return false;
  if (/^[\s"'“‘(]*[\p{Ll}\d]/u.test(following)) return true;
  // A country's initials before a name, split off it: "… a trip to the U.S. | Virgin Islands."
  return NAME_MODIFIER_ABBREVIATIONS.has(key) && isShortName(following);
}

/** Initials that often modify a name ("U.S. Virgin Islands", "U.N. Security Council"). */
const NAME_MODIFIER_ABBREVIATIONS = new Set(['u.s', 'u.k', 'u.n', 'e.u']);

/** Whether a segment is nothing but a name: at most four words, each capitalised, and a final mark. */
function isShortName(segment: string): boolean {
  const words = segment.trim().replace(/[.!?…]+["'”’)]*$/u, '').split(' ');
  return words.length <= 4 && words.every((word) => /^\p{Lu}/u.test(word));
}

/**
 * The word before the period that ends `text` between `start` and `end` (spaces after it allowed),
 * read backwards so that the cost does not grow with the sentence; `undefined` without a final
 * period, or when the word is longer than any abbreviation can be.
 */
function lastWordBeforePeriod(text: string, start: number, end: number): string | undefined {
  let period = end;
  while (period > start && text[period - 1] === ' ') period -= 1;
  period -= 1;
  if (period <= start || text[period] !== '.') return undefined;
  let wordStart = period;
  while (wordStart > start && text[wordStart - 1] !== ' ') {
    wordStart -= 1;
    if (period - wordStart > MAX_ABBREVIATION_LENGTH) return undefined;
  }
  return text.slice(wordStart, period);
}
