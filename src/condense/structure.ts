/**
 * The first step of the condense stage, before any slide is planned: an article without headings
 * gets the structure a deck needs. A long one is cut into topical sections, each headed by a key
 * phrase from its own text; a short one keeps one section, headed the same way (never a made-up
 * "Introduction"); and an article whose title had to be guessed gets a headline made from its lead
 * sentence. Everything shown is the author's words: phrases and headlines only delete.
 */
import { LANGUAGES } from '../lang/index.js';
import type { Article, Paragraph, Section } from '../model.js';
import { tokenize } from '../syntax/index.js';
import { type Compression, MAX_TREE_WORDS, type SentenceParser, compressSentence } from './compress.js';
import { termsOf } from './terms.js';
import { type ParsedSentence, TOPIC_OPTIONS, type TermParagraph, keyPhrase, topicBoundaries } from './topics.js';
import { termCounts } from './vectors.js';

/** A headline has at most this many words. */
export const MAX_HEADLINE_WORDS = 10;
/** The word budget of a bullet, whose compression a headline tries first. */
const BULLET_WORDS = 14;
/** The lead sentences tried, in order, for a headline. */
const HEADLINE_TRIES = 3;
/** Sentences of a part parsed to find its key phrase: its opening, where news and essays name their subject. */
const KEY_PHRASE_SENTENCES = 25;
/**
 * Articles longer than this (words) are not segmented: TextTiling stays linear, but parsing for key
 * phrases and the sections' slides would be spent on a text no one presents as one deck.
 */
const MAX_SEGMENTED_WORDS = 50_000;

/**
 * The article as the deck presents it (a new object; `article` is not changed):
 * - without any heading, 500 words or more: 2–5 topical sections where the subject changes
 *   (TextTiling over the paragraphs), each headed by a noun phrase of 2–6 words from its text;
 *   shorter, or when no change of subject stands out: one section headed by such a phrase;
 * - with a title that was guessed ({@link Article.titleGuessed}) and no headings: a headline, the
 *   first of its lead sentences that compresses to a statement of at most
 *   {@link MAX_HEADLINE_WORDS} words. An article with headings keeps its key-phrase title: an essay
 *   or report is named by what it is about, a news story by what happened.
 * Figures move with their paragraphs' sections (a figure of the headingless text goes to the first).
 * An article with headings is kept as it is, except that an unheaded opening before a section
 * headed "Introduction" is headed "Overview".
 */
export function structureArticle(article: Article, parser: SentenceParser): Article {
  if (article.sections.some((section) => section.heading !== undefined)) return withOverview(article);
  const paragraphs = article.sections.flatMap((section) => section.paragraphs);
  if (paragraphs.length === 0) return article;
  // A text too long to segment is one part, and only its opening is read for the phrase: term
  // lists of every sentence of a 20 MB article would double the memory ranking already takes.
  const words = paragraphs.reduce((sum, paragraph) => sum + paragraph.sentences.reduce((count, sentence) => count + sentence.text.split(/\s+/u).length, 0), 0);
  const read = words > MAX_SEGMENTED_WORDS ? openingParagraphs(paragraphs) : paragraphs;
  const terms: TermParagraph[] = read.map((paragraph) => ({
    sentences: paragraph.sentences.map((sentence) => termsOf(sentence.text, article.lang)),
    words: paragraph.sentences.reduce((sum, sentence) => sum + sentence.text.split(/\s+/u).length, 0),
  }));
  const cuts = words > MAX_SEGMENTED_WORDS ? [] : topicBoundaries(terms, TOPIC_OPTIONS);
  const bounds = [0, ...cuts, paragraphs.length];
  const parts = bounds.slice(1).map((end, index) => ({ paragraphs: paragraphs.slice(bounds[index], end), terms: terms.slice(bounds[index], end) }));

  // A part's phrase is weighed by how much more the part uses its terms than the whole article
  // does; a term the part uses once weighs nothing (a heading names what the part keeps returning to).
  const whole = termCounts(terms.flatMap((paragraph) => paragraph.sentences.flat()));
  const sections: Section[] = parts.map((part) => {
    const own = termCounts(part.terms.flatMap((paragraph) => paragraph.sentences.flat()));
    const weight = (term: string) => {
      const count = own.get(term) ?? 0;
      return count < 2 ? 0 : (count * count) / Math.max(1, whole.get(term) ?? 0);
    };
    return { heading: keyPhrase(parsedOpening(part.paragraphs, article, parser), (text) => termsOf(text, article.lang), weight), depth: 1, paragraphs: part.paragraphs };
  });

  const structured: Article = { ...article, sections, headingsInferred: true };
  if (article.figures) structured.figures = article.figures.map((figure) => ({ ...figure, section: 0 }));
  if (article.titleGuessed) {
    const headline = headlineOf(paragraphs, article, parser);
    if (headline !== undefined) structured.title = headline;
  }
  return structured;
}

/**
 * An article whose unheaded opening comes before a section that is itself headed "Introduction"
 * (a paper's abstract): the opening is headed "Overview" rather than a second "Introduction".
 */
function withOverview(article: Article): Article {
  const labels = LANGUAGES[article.lang].labels;
  const [first, ...rest] = article.sections;
  const named = (section: Section) => section.heading?.trim().toLocaleLowerCase() === labels.introduction.toLocaleLowerCase();
  if (first === undefined || first.heading !== undefined || first.paragraphs.length === 0 || !rest.some(named)) return article;
  return { ...article, sections: [{ ...first, heading: labels.overview }, ...rest] };
}

/** The paragraphs that hold the first {@link KEY_PHRASE_SENTENCES} sentences, cut there. */
function openingParagraphs(paragraphs: readonly Paragraph[]): Paragraph[] {
  const opening: Paragraph[] = [];
  let left = KEY_PHRASE_SENTENCES;
  for (const paragraph of paragraphs) {
    if (left <= 0) break;
    opening.push({ sentences: paragraph.sentences.slice(0, left) });
    left -= paragraph.sentences.length;
  }
  return opening;
}

/** The first sentences of a part, parsed, for {@link keyPhrase}. */
function parsedOpening(paragraphs: readonly Paragraph[], article: Article, parser: SentenceParser): ParsedSentence[] {
  const sentences = paragraphs.flatMap((paragraph) => paragraph.sentences).slice(0, KEY_PHRASE_SENTENCES);
  return sentences.map((sentence) => {
    const tokens = tokenize(sentence.text, article.lang);
    // A run-on too long to be a statement has no phrase worth a heading, and parsing it would cost
    // time in proportion to its length (a megabyte without a full stop is one "sentence").
    const parsable = tokens.length > 0 && tokens.length <= MAX_TREE_WORDS;
    return { text: sentence.text, words: parsable ? parser.parseTokens(tokens) : [] };
  });
}

/**
 * A headline from the lead: the first of the opening sentences whose bullet (at the ordinary budget)
 * is a statement of at most {@link MAX_HEADLINE_WORDS} words, else whose compression to that many is.
 * The bullet comes first: cutting deeper to reach a headline's length is where a misparse shows.
 */
function headlineOf(paragraphs: readonly Paragraph[], article: Article, parser: SentenceParser): string | undefined {
  const statement = (compression: Compression, budget: number) => compression.unfit === undefined && !compression.overBudget && compression.words >= 3 && compression.words <= budget;
  for (const sentence of paragraphs.flatMap((paragraph) => paragraph.sentences).slice(0, HEADLINE_TRIES)) {
    const bullet = compressSentence(sentence.text, parser, { lang: article.lang, maxWords: BULLET_WORDS });
    if (statement(bullet, MAX_HEADLINE_WORDS)) return bullet.text;
    const headline = compressSentence(sentence.text, parser, { lang: article.lang, maxWords: MAX_HEADLINE_WORDS });
    if (statement(headline, MAX_HEADLINE_WORDS)) return headline.text;
  }
  return undefined;
}
