/**
 * Topical sections for articles that have no headings: where the subject changes (lexical cohesion,
 * after Hearst's TextTiling) and a key phrase of each part, taken word for word from its text, to
 * head it. Pure functions over term lists and parsed sentences; the caller supplies both.
 */
import type { ParsedWord } from '../syntax/index.js';
import { cosine, normalise, termCounts } from './vectors.js';

/** How a headingless article is cut. */
export interface TopicOptions {
  /** Articles shorter than this (words) stay one section. */
  minArticleWords: number;
  /** A section has at least this many words. */
  minSectionWords: number;
  /** At most this many sections… */
  maxSections: number;
  /** …and about one per this many words of the article. */
  wordsPerSection: number;
  /** A gap is cut only if its depth is at least the mean depth plus this many standard deviations. */
  cutoff: number;
  /** Sentences on each side of a gap that are compared. */
  window: number;
}

/** 2–5 sections of at least 120 words, for articles of 500 words or more. */
export const TOPIC_OPTIONS: TopicOptions = { minArticleWords: 500, minSectionWords: 120, maxSections: 5, wordsPerSection: 300, cutoff: -0.5, window: 6 };

/** One paragraph as the segmenter sees it: its sentences' content terms and its word count. */
export interface TermParagraph {
  sentences: readonly (readonly string[])[];
  words: number;
}

/**
 * Where a headingless article changes subject: the indices of the paragraphs that start a new
 * section (never 0), in order; empty when the article is too short or nothing stands out.
 *
 * Each gap between paragraphs is scored by how much less alike the sentences on its two sides are
 * than the most alike gaps around it (TextTiling's depth score); gaps deeper than the mean less
 * half a standard deviation are cut, deepest first, as long as every section keeps
 * `minSectionWords` and there are at most `maxSections`.
 */
export function topicBoundaries(paragraphs: readonly TermParagraph[], options: TopicOptions = TOPIC_OPTIONS): number[] {
  const totalWords = paragraphs.reduce((sum, paragraph) => sum + paragraph.words, 0);
  if (paragraphs.length < 2 || totalWords < options.minArticleWords) return [];
  // Sentences in order, and the index of the first sentence of each paragraph.
  const sentences: (readonly string[])[] = [];
  const firstSentence: number[] = [];
  for (const paragraph of paragraphs) {
    firstSentence.push(sentences.length);
    sentences.push(...paragraph.sentences);
  }
  const similarity = (gap: number) => {
    const at = firstSentence[gap]!;
    const side = (from: number, to: number) => normalise(termCounts(sentences.slice(from, to).flat()));
    return cosine(side(Math.max(0, at - options.window), at), side(at, at + options.window));
  };
  const gaps = paragraphs.slice(1).map((_, index) => index + 1);
  const scores = gaps.map(similarity);
  const depths = scores.map((score, index) => {
    let left = score;
    for (let at = index - 1; at >= 0 && scores[at]! >= left; at -= 1) left = scores[at]!;
    let right = score;
    for (let at = index + 1; at < scores.length && scores[at]! >= right; at += 1) right = scores[at]!;
    return left - score + (right - score);
  });
  const mean = depths.reduce((sum, depth) => sum + depth, 0) / depths.length;
  const deviation = Math.sqrt(depths.reduce((sum, depth) => sum + (depth - mean) ** 2, 0) / depths.length);
  const cutoff = mean + options.cutoff * deviation;
  const maxSections = Math.max(2, Math.min(options.maxSections, Math.round(totalWords / options.wordsPerSection)));
  // Deepest first; ties go to the earlier gap, so the result does not depend on sort stability.
  const candidates = gaps.map((gap, index) => ({ gap, depth: depths[index]! })).filter((candidate) => candidate.depth > 0 && candidate.depth >= cutoff);
  candidates.sort((a, b) => b.depth - a.depth || a.gap - b.gap);
  const wordsBefore: number[] = [0];
  for (const paragraph of paragraphs) wordsBefore.push(wordsBefore.at(-1)! + paragraph.words);
  const chosen: number[] = [];
  for (const { gap } of candidates) {
    if (chosen.length + 1 >= maxSections) break;
    const cuts = [0, ...chosen, gap, paragraphs.length].sort((a, b) => a - b);
    const fits = cuts.slice(1).every((end, index) => wordsBefore[end]! - wordsBefore[cuts[index]!]! >= options.minSectionWords);
    if (fits) chosen.push(gap);
  }
  return chosen.sort((a, b) => a - b);
}

/** A sentence with its parse, for {@link keyPhrase}. */
export interface ParsedSentence {
  text: string;
  words: readonly ParsedWord[];
}

/** Relations that keep a noun phrase's words together: compounds, names, modifiers, possessors. */
const PHRASE_RELATIONS = new Set(['compound', 'flat', 'flat:name', 'amod', 'nmod', 'nmod:poss', 'fixed', 'goeswith']);
/** Parts of speech a phrase may hold (no verbs, pronouns, determiners, adpositions or punctuation). */
const PHRASE_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/** A key phrase may have at most this many words. */
export const MAX_KEY_PHRASE_WORDS = 6;

/**
 * The phrase that best names what a part of an article is about: a noun phrase of 2 to 6 words
 * taken verbatim from one of its sentences (its first letter capitalised), whose content terms
 * weigh most by `weight` (e.g. how much more often the part uses a term than the whole article
 * does); the earliest of equals. Undefined when the part has no such phrase.
 *
 * A phrase is a noun (or name) with the compounds, names, adjectives, numbers and noun modifiers
 * that hang from it, as long as they stand next to each other: "Masa Depan Aliansi Keamanan".
 */
export function keyPhrase(sentences: readonly ParsedSentence[], termsOf: (text: string) => string[], weight: (term: string) => number): string | undefined {
  let best: { text: string; score: number } | undefined;
  for (const { text, words } of sentences) {
    const children: number[][] = words.map(() => []);
    words.forEach((word, index) => {
      if (word.head > 0) children[word.head - 1]!.push(index);
    });
    words.forEach((word, index) => {
      if (word.upos !== 'NOUN' && word.upos !== 'PROPN') return;
      if (PHRASE_RELATIONS.has(word.deprel) && word.head > 0 && PHRASE_TAGS.has(words[word.head - 1]!.upos)) return;
      const span = phraseSpan(words, children, index);
      const count = span.last - span.first + 1;
      if (count < 2 || count > MAX_KEY_PHRASE_WORDS) return;
      const phrase = text.slice(words[span.first]!.start, words[span.last]!.end);
      const terms = [...new Set(termsOf(phrase))];
      if (terms.length === 0) return;
      const score = terms.reduce((sum, term) => sum + weight(term), 0);
      if (best === undefined || score > best.score) best = { text: phrase, score };
    });
  }
  return best && best.text[0]!.toLocaleUpperCase() + best.text.slice(1);
}

/** The first and last word of the phrase headed by `head`. */
function phraseSpan(words: readonly ParsedWord[], children: readonly number[][], head: number): { first: number; last: number } {
  const members = [head];
  for (let at = 0; at < members.length; at += 1) {
    for (const child of children[members[at]!]!) {
      const word = words[child]!;
      if (PHRASE_RELATIONS.has(word.deprel) && PHRASE_TAGS.has(word.upos)) members.push(child);
    }
  }
  // A member cut off by a word outside the phrase ("ancaman dari Blok Timur") is left out, with
  // what lies beyond it: the phrase is the unbroken run of members around its head.
  const inPhrase = new Set(members);
  let first = head;
  let last = head;
  while (inPhrase.has(first - 1)) first -= 1;
  while (inPhrase.has(last + 1)) last += 1;
  return { first, last };
}
