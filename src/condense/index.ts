import { type Labels, LANGUAGES } from '../lang/index.js';
import type { Article, Deck, Slide } from '../model.js';
import { type Compression, type SentenceParser, compressSentence } from './compress.js';
import { wordCount } from './count.js';
import { type Candidate, rankSentences } from './rank.js';
import { type Pickable, bulletWordsOf, nearDuplicateBullets, selectByMmr } from './select.js';
import { keywordsOf } from './terms.js';

export type { Compression, CompressOptions, SentenceParser, Unfit } from './compress.js';
export { compressSentence } from './compress.js';
export { wordCount } from './count.js';

/** Budgets and switches of the condense stage. */
export interface CondenseOptions {
  /** Bullets per slide at most (default 5). */
  maxBullets?: number;
  /** Words per bullet the compressor aims at (default 14, at least {@link MIN_MAX_WORDS}). */
  maxWords?: number;
  /** Put the source sentences in the speaker notes (default true). */
  notes?: boolean;
  /** Shown on the title slide under the author. */
  institution?: string;
  /** Aim for this many slides in all (±1, else a warning says why); by default the deck follows the article's length. */
  slides?: number;
  /** An agenda slide when the article has three or more top-level sections (default true). */
  agenda?: boolean;
  /** A glossary slide of the acronyms that appear on the slides (default true). */
  glossary?: boolean;
  /** A closing slide crediting the source, when anything beyond the title is known of it (default true). */
  sources?: boolean;
}

interface Settings {
  maxBullets: number;
  maxWords: number;
  notes: boolean;
  slides: number | undefined;
}

/** A ranked sentence that can be shown: it has a bullet. */
type Point = Candidate & Pickable;

/** The smallest word budget that still leaves room for a statement (subject, verb, object and more). */
export const MIN_MAX_WORDS = 5;

/** Without `--slides`, a section shows about this share of its sentences. */
const SHARE_OF_SENTENCES = 0.4;
/** Points a section keeps for its own slide before the conclusion may take more of them. */
const MIN_SECTION_POINTS = 2;
/** A section's sentences read, at most, to see whether it keeps points of its own beside the conclusion's. */
const MAX_READ_FOR_TAKEAWAYS = 12;
/** Agendas need at least this many sections to be worth a slide. */
const MIN_AGENDA_SECTIONS = 3;
/**
 * The most points already on the deck that a section's points are compared with (for redundancy
 * and near-duplicates): the conclusion's and the latest ones. Fifty slides' worth, more than any
 * ordinary deck has; beyond it, comparing every section with the whole deck would cost the square
 * of the number of sections (20,000 sections took minutes).
 */
const MAX_COMPARED_POINTS = 250;

/**
 * The bullets of an article's sentences, made when selection first reads a sentence and kept: a
 * sentence is parsed and compressed only if it is a candidate for a slide, not every sentence of
 * a long article. `within` gives a sentence's point when its bullet meets every guarantee and fits
 * the budget; `over` when it meets every guarantee but is longer (a last resort, never a fragment).
 */
class Bullets {
  /** By sentence text: a sentence an article repeats is parsed once. */
  private readonly compressions = new Map<string, Compression>();
  private readonly points = new Map<number, Point | null>();

  constructor(
    private readonly article: Article,
    private readonly parser: SentenceParser,
    private readonly maxWords: number,
  ) {}

  compression(candidate: Candidate): Compression {
    let compression = this.compressions.get(candidate.sentence.text);
    if (compression === undefined) {
      compression = compressSentence(candidate.sentence.text, this.parser, { lang: this.article.lang, maxWords: this.maxWords });
      this.compressions.set(candidate.sentence.text, compression);
    }
    return compression;
  }

  private point(candidate: Candidate): Point | undefined {
    let point = this.points.get(candidate.order);
    if (point === undefined) {
      const compression = this.compression(candidate);
      point = compression.unfit === undefined ? { ...candidate, bullet: compression.text } : null;
      this.points.set(candidate.order, point);
    }
    return point ?? undefined;
  }

  readonly within = (candidate: Candidate): Point | undefined => (this.compression(candidate).overBudget ? undefined : this.point(candidate));
  readonly over = (candidate: Candidate): Point | undefined => this.point(candidate);
  /**
   * The sentence itself, for a section none of whose sentences makes a bullet: the author's words
   * are never a fragment. Not a question or a teaser, which are no point at all.
   */
  readonly whole = (candidate: Candidate): Point | undefined => {
    const unfit = this.compression(candidate).unfit;
    // A run of words too long to parse is no sentence an author wrote to be read aloud.
    if (unfit === 'question' || unfit === 'teaser' || unfit === 'empty' || unfit === 'too-long') return undefined;
    return { ...candidate, bullet: candidate.sentence.text.trim().replace(/(?<![.!?…。．！？])[.!?…。．！？]+$/u, '') };
  };
}

/**
 * The condense stage: turns an {@link Article} into a {@link Deck}. It ranks the sentences, picks
 * the 3–5 most central ones for the conclusion and the most important remaining ones for each
 * section (by maximal marginal relevance, so no two bullets say the same thing), compresses each
 * on its dependency tree (`parser`: the syntax stage, loaded for the article's language), and plans
 * the slides: title, agenda, content slides with continuations, glossary, conclusion. Every
 * bullet's source sentence goes into its slide's speaker notes. A sentence whose compression
 * cannot meet the guarantees (a question, a teaser, a fragment, a dangling reference, an
 * unattributed quote) is passed over; one that cannot fit the word budget is used only when its
 * section has nothing shorter.
 */
export function condense(article: Article, parser: SentenceParser, options: CondenseOptions = {}): Deck {
  const settings: Settings = {
    maxBullets: options.maxBullets ?? 5,
    maxWords: Math.max(MIN_MAX_WORDS, options.maxWords ?? 14),
    notes: options.notes ?? true,
    slides: options.slides,
  };
  const labels = LANGUAGES[article.lang].labels;
  const candidates = rankSentences(article);
  const bullets = new Bullets(article, parser, settings.maxWords);
  // One pass, not a filter per section: an article of many sections would cost sections × candidates.
  const candidatesBySection: Candidate[][] = article.sections.map(() => []);
  for (const candidate of candidates) candidatesBySection[candidate.section]!.push(candidate);
  const contentSections = article.sections.flatMap((section, index) => (section.paragraphs.length > 0 ? [index] : []));

  const agenda = agendaSlides(article, labels, settings);
  const glossary = glossarySlides(article, labels, settings);
  const takeaways = pickTakeaways(candidates, candidatesBySection, settings.maxBullets, bullets);
  const quotas = sectionQuotas(article, contentSections, candidatesBySection, settings, 2 + agenda.length + glossary.length);

  const shown: Point[] = [...takeaways];
  const conclusionCount = takeaways.length;
  const comparedWith = () => (shown.length <= MAX_COMPARED_POINTS ? shown : [...shown.slice(0, conclusionCount), ...shown.slice(conclusionCount - MAX_COMPARED_POINTS)]);
  const sectionSlides = contentSections.flatMap((sectionIndex) => {
    const taken = new Set(takeaways.map((point) => point.order));
    const pool = candidatesBySection[sectionIndex]!.filter((candidate) => !taken.has(candidate.order));
    const score = (candidate: Candidate) => candidate.localScore;
    let chosen = selectByMmr(pool, score, quotas.get(sectionIndex) ?? 1, comparedWith(), bullets.within);
    // Every section with text gets a slide. When all it says is already on the deck, it takes its
    // point back from the conclusion; failing that, it shows a bullet over the word budget, then
    // a point the deck already has; and when no sentence of it makes a bullet, a sentence whole.
    if (chosen.length === 0) {
      chosen = selectByMmr(pool, score, 1, comparedWith().filter((point) => !takeaways.includes(point)), bullets.within);
      for (const point of chosen) {
        const twins = takeaways.filter((takeaway) => nearDuplicateBullets(bulletWordsOf(takeaway), bulletWordsOf(point)) || takeaway.order === point.order);
        for (const twin of twins) takeaways.splice(takeaways.indexOf(twin), 1);
      }
    }
    if (chosen.length === 0) chosen = selectByMmr(pool, score, 1, comparedWith(), bullets.over);
    if (chosen.length === 0) chosen = selectByMmr(pool, score, 1, [], bullets.over);
    if (chosen.length === 0) chosen = selectByMmr(pool, score, 1, [], bullets.whole);
    shown.push(...chosen);
    const heading = article.sections[sectionIndex]!.heading ?? labels.introduction;
    // A section with text but no sentence to show (a run of words without a stop) keeps its slide, with its heading alone.
    if (chosen.length === 0) return [{ kind: 'content', section: sectionIndex, title: heading, bullets: [], notes: [] } satisfies Slide];
    return chunk(bySourceOrder(chosen), settings.maxBullets).map(
      (group, part): Slide => ({
        kind: 'content',
        section: sectionIndex,
        title: part === 0 ? heading : `${heading} (${labels.continued})`,
        bullets: group.map((point) => point.bullet),
        notes: settings.notes ? group.map((point) => point.sentence.text) : [],
      }),
    );
  });

  const slides: Slide[] = [titleSlide(article, options.institution), ...agenda, ...sectionSlides, ...glossary];
  if (takeaways.length > 0) {
    const ordered = bySourceOrder(takeaways);
    slides.push({
      kind: 'conclusion',
      title: labels.conclusion,
      bullets: ordered.map((point) => point.bullet),
      notes: settings.notes ? ordered.map((point) => point.sentence.text) : [],
    });
  }
  const texts = article.sections.flatMap((section) => [section.heading ?? '', ...section.paragraphs.flatMap((p) => p.sentences.map((sentence) => sentence.text))]);
  const deck: Deck = { title: article.title, lang: article.lang, keywords: keywordsOf(texts, article.lang), slides };
  if (article.author) deck.author = article.author;
  return deck;
}

function titleSlide(article: Article, institution: string | undefined): Slide {
  return {
    kind: 'title',
    title: article.title,
    subtitle: [article.subtitle, article.author, institution, article.date].filter((line): line is string => Boolean(line)),
    bullets: [],
    notes: [],
  };
}

/**
 * The conclusion's points: the 3–5 sentences most central to the whole article (five from twelve
 * sentences on), leaving each section at least two points of its own, so every section keeps a
 * real slide.
 */
function pickTakeaways(candidates: Candidate[], bySection: Candidate[][], maxBullets: number, bullets: Bullets): Point[] {
  const sentenceCount = candidates.length;
  // One slide holds the conclusion, so the bullet budget caps it.
  const count = Math.min(maxBullets, sentenceCount >= 12 ? 5 : sentenceCount >= 8 ? 4 : 3);
  const picked = selectByMmr(candidates, (candidate) => candidate.globalScore, count, [], bullets.within);
  // A section keeps at least two of its points (one, if it has only one) for its own slide: give
  // back its least central takeaways until it does. Its other sentences are read best first, and
  // only until two points are found, so that a long section costs a few parses here.
  for (const pool of bySection) {
    let taken = picked.filter((point) => point.section === pool[0]?.section);
    if (taken.length === 0) continue;
    const takenOrders = new Set(taken.map((point) => point.order));
    const others = pool.filter((candidate) => !takenOrders.has(candidate.order)).sort((a, b) => b.localScore - a.localScore || a.order - b.order);
    let left = 0;
    for (const candidate of others.slice(0, MAX_READ_FOR_TAKEAWAYS)) {
      if (left >= MIN_SECTION_POINTS) break;
      if (bullets.within(candidate)) left += 1;
    }
    const keep = Math.min(MIN_SECTION_POINTS, left + taken.length);
    while (taken.length > 0 && left < keep) {
      const weakest = taken.reduce((low, point) => (point.globalScore < low.globalScore ? point : low));
      picked.splice(picked.indexOf(weakest), 1);
      taken = taken.filter((point) => point !== weakest);
      left += 1;
    }
  }
  return picked;
}

/**
 * How many points each section shows. By default about {@link SHARE_OF_SENTENCES} of its sentences,
 * one at least and two slides' worth at most. With `--slides N`, the slides left after the fixed
 * ones are shared out in proportion to section length (every section keeps one), and each section
 * fills its slides with its most important points.
 */
function sectionQuotas(article: Article, sections: number[], candidatesBySection: Candidate[][], settings: Settings, fixedSlides: number): Map<number, number> {
  const sizes = new Map(sections.map((index) => [index, article.sections[index]!.paragraphs.reduce((n, p) => n + p.sentences.length, 0)]));
  const quotas = new Map<number, number>();
  if (settings.slides === undefined) {
    for (const [index, size] of sizes) quotas.set(index, clamp(Math.ceil(size * SHARE_OF_SENTENCES), 1, 2 * settings.maxBullets));
    return quotas;
  }
  const available = Math.max(sections.length, settings.slides - fixedSlides);
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const shares = sections.map((index) => {
    const exact = sections.length === 0 ? 0 : ((available - sections.length) * sizes.get(index)!) / Math.max(total, 1);
    return { index, slides: 1 + Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = available - shares.reduce((sum, share) => sum + share.slides, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left <= 0) break;
    share.slides += 1;
    left -= 1;
  }
  for (const share of shares) {
    const usable = Math.max(1, candidatesBySection[share.index]!.length);
    quotas.set(share.index, Math.min(share.slides * settings.maxBullets, usable));
  }
  return quotas;
}

/** The agenda: the top-level sections' titles, on as many slides as the bullet budget needs. */
function agendaSlides(article: Article, labels: Labels, settings: Settings): Slide[] {
  const entries = article.sections.filter((section) => section.depth === 1).map((section) => fitWords(section.heading ?? labels.introduction, settings.maxWords));
  if (entries.length < MIN_AGENDA_SECTIONS) return [];
  // An agenda longer than two slides is a table of contents nobody reads aloud: the rest is counted.
  const room = 2 * settings.maxBullets;
  if (entries.length > room) entries.splice(room - 1, entries.length, labels.more(entries.length - room + 1));
  return listSlides('agenda', labels.agenda, entries, labels, settings);
}

/** The glossary: "TERM: expansion" for every acronym the article defines. */
function glossarySlides(article: Article, labels: Labels, settings: Settings): Slide[] {
  const entries = article.glossary.map(({ term, expansion }) => fitWords(`${term}: ${expansion}`, settings.maxWords));
  return entries.length === 0 ? [] : listSlides('glossary', labels.glossary, entries, labels, settings);
}

function listSlides(kind: 'agenda' | 'glossary', title: string, entries: string[], labels: Labels, settings: Settings): Slide[] {
  return chunk(entries, settings.maxBullets).map((bullets, part) => ({
    kind,
    title: part === 0 ? title : `${title} (${labels.continued})`,
    bullets,
    notes: [],
  }));
}

/**
 * Text cut to the word budget at a word boundary (inside a run of Chinese, Japanese, Korean or
 * Thai, between characters), marked with an ellipsis when cut.
 */
function fitWords(text: string, maxWords: number): string {
  if (wordCount(text) <= maxWords) return text;
  const kept: string[] = [];
  let used = 0;
  for (const token of text.trim().split(/\s+/u)) {
    const cost = wordCount(token);
    if (used + cost <= maxWords) {
      kept.push(token);
      used += cost;
      continue;
    }
    if (cost > 1 && used < maxWords) kept.push([...token].slice(0, 2 * (maxWords - used)).join(''));
    break;
  }
  return `${kept.join(' ').replace(/[,;:.、，]+$/u, '')}…`;
}

/** Splits items into as few groups of at most `size` as possible, of near-equal length. */
function chunk<T>(items: readonly T[], size: number): T[][] {
  if (items.length === 0) return [];
  const groups = Math.ceil(items.length / size);
  const base = Math.floor(items.length / groups);
  const larger = items.length % groups;
  const result: T[][] = [];
  let start = 0;
  for (let group = 0; group < groups; group += 1) {
    const length = base + (group < larger ? 1 : 0);
    result.push(items.slice(start, start + length));
    start += length;
  }
  return result;
}

function bySourceOrder<T extends { order: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
