import type { Article, Sentence } from '../model.js';
import { termsOf } from './terms.js';
import { type Vector, centroid, cosine, inverseDocumentFrequencies, tfidfVector } from './vectors.js';

/** A sentence of the article with what ranking knows about it. */
export interface Candidate {
  /** Position in the whole article, from 0: the source order. */
  order: number;
  section: number;
  indexInSection: number;
  /** Which of its section's paragraphs the sentence is in, from 0. */
  paragraph: number;
  indexInParagraph: number;
  sentence: Sentence;
  vector: Vector;
  /** Importance within its section, 0–1. */
  localScore: number;
  /** Importance within the whole article, 0–1. */
  globalScore: number;
}

/** Above this many sentences a section's graph would cost too much; its centroid stands in. */
const MAX_GRAPH_SIZE = 250;
/** Similarity below which two sentences are not linked in the graph. */
const LINK_THRESHOLD = 0.1;

/**
 * Scores every sentence of the article, deterministically and without supervision.
 * Within a section: LexRank centrality on a graph of that section's sentences only (so cost
 * grows with section size, not with the square of the article), the sentence's position, and how
 * many of the heading's terms it carries. Across the article: closeness to the article's centroid,
 * position in the article, and overlap with the title.
 */
export function rankSentences(article: Article): Candidate[] {
  const lang = article.lang;
  const termLists: string[][] = [];
  const placed: Omit<Candidate, 'vector' | 'localScore' | 'globalScore'>[] = [];
  const membersOf: number[][] = article.sections.map(() => []);
  article.sections.forEach((section, sectionIndex) => {
    let indexInSection = 0;
    section.paragraphs.forEach((paragraph, paragraphIndex) => {
      paragraph.sentences.forEach((sentence, indexInParagraph) => {
        membersOf[sectionIndex]!.push(placed.length);
        placed.push({ order: placed.length, section: sectionIndex, indexInSection, paragraph: paragraphIndex, indexInParagraph, sentence });
        termLists.push(termsOf(sentence.text, lang));
        indexInSection += 1;
      });
    });
  });
  const idf = inverseDocumentFrequencies(termLists);
  const vectors = termLists.map((terms) => tfidfVector(terms, idf));
  const titleTerms = new Set(termsOf(article.title, lang));
  const articleCentroid = centroid(vectors);
  const total = placed.length;

  const local = new Array<number>(total).fill(0);
  article.sections.forEach((section, sectionIndex) => {
    const members = membersOf[sectionIndex]!;
    const centrality = normaliseMax(graphCentrality(members.map((order) => vectors[order]!)));
    const headingTerms = section.heading === undefined ? titleTerms : new Set(termsOf(section.heading, lang));
    members.forEach((order, position) => {
      const candidate = placed[order]!;
      const positionScore = candidate.indexInSection === 0 ? 1 : candidate.indexInParagraph === 0 ? 0.6 : 0.3 / (1 + candidate.indexInParagraph);
      local[order] = (0.5 * centrality[position]! + 0.3 * positionScore + 0.2 * overlap(termLists[order]!, headingTerms)) * lengthFactor(candidate.sentence.text);
    });
  });

  const closeness = normaliseMax(vectors.map((vector) => cosine(vector, articleCentroid)));
  // Authors state their main points first, news writers most of all: in an article without
  // headings (news) position weighs most, in one with headings (an essay, a report) as much as
  // centrality and the title together (weights tuned on the IndoSum and CNN/DM samples and
  // SciDuet's papers, see `npm run eval`).
  const news = article.headingsInferred === true || article.sections.every((section) => section.heading === undefined);
  const [byCloseness, byPosition, byTitle] = news ? [0.15, 0.7, 0.15] : [0.25, 0.5, 0.25];
  return placed.map((candidate, order) => {
    const articlePosition = 1 / (1 + order / 3);
    const global = (byCloseness * closeness[order]! + byPosition * articlePosition + byTitle * overlap(termLists[order]!, titleTerms)) * lengthFactor(candidate.sentence.text);
    return { ...candidate, vector: vectors[order]!, localScore: local[order]!, globalScore: global };
  });
}

/**
 * LexRank: the stationary distribution of a random walk over sentences linked by similarity. Large
 * sections use each sentence's similarity to the section centroid instead, a linear-cost stand-in.
 */
function graphCentrality(vectors: Vector[]): number[] {
  const n = vectors.length;
  if (n <= 2) return vectors.map(() => 1);
  if (n > MAX_GRAPH_SIZE) {
    const middle = centroid(vectors);
    return vectors.map((vector) => cosine(vector, middle));
  }
  const weights: number[][] = vectors.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const similarity = cosine(vectors[i]!, vectors[j]!);
      if (similarity > LINK_THRESHOLD) weights[i]![j] = weights[j]![i] = similarity;
    }
  }
  const degree = weights.map((row) => row.reduce((sum, weight) => sum + weight, 0));
  const damping = 0.85;
  let rank = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let i = 0; i < n; i += 1) {
      // A sentence linked to nothing spreads its rank evenly.
      if (degree[i] === 0) {
        for (let j = 0; j < n; j += 1) next[j]! += (damping * rank[i]!) / n;
        continue;
      }
      for (let j = 0; j < n; j += 1) if (weights[i]![j]! > 0) next[j]! += (damping * rank[i]! * weights[i]![j]!) / degree[i]!;
    }
    const change = next.reduce((sum, value, index) => sum + Math.abs(value - rank[index]!), 0);
    rank = next;
    if (change < 1e-9) break;
  }
  return rank;
}

/** The share of `reference` terms that `terms` contains. */
function overlap(terms: readonly string[], reference: ReadonlySet<string>): number {
  if (reference.size === 0) return 0;
  const present = new Set(terms.filter((term) => reference.has(term)));
  return present.size / reference.size;
}

/** Very short sentences ("Itu dekat.") and questions make weak slide points. */
function lengthFactor(text: string): number {
  const count = text.split(/\s+/u).length;
  const short = count < 6 ? 0.5 : count < 9 ? 0.85 : 1;
  return /\?["”’)]*$/u.test(text.trim()) ? short * 0.7 : short;
}

function normaliseMax(values: number[]): number[] {
  const max = values.reduce((highest, value) => Math.max(highest, value), 0);
  return max === 0 ? values.map(() => 0) : values.map((value) => value / max);
}
