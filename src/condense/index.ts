import type { Article, Deck, Slide } from '../model.js';
import { DANGLING_PRONOUN, compressSentence, wordCount } from './compress.js';
import { type Labels, labelsFor } from './labels.js';
import { type Candidate, rankSentences } from './rank.js';
import { type Pickable, bulletWordsOf, nearDuplicateBullets, selectByMmr } from './select.js';
import { keywordsOf } from './terms.js';

/** Budgets and switches of the condense stage. */
export interface CondenseOptions {
  /** Bullets per slide at most (default 5). */
  maxBullets?: number;
  /** Words per bullet at most (default 14, at least {@link MIN_MAX_WORDS}). */
  maxWords?: number;
  /** Put the source sentences in the speaker notes (default true). */
  notes?: boolean;
  /** Shown on the title slide under the author. */
  institution?: string;
  /** Aim for about this many slides in all; by default the deck follows the article's length. */
  slides?: number;
}

interface Settings {
  maxBullets: number;
  maxWords: number;
  notes: boolean;
  slides: number | undefined;
}

/** A ranked sentence that can be shown: it has a bullet within budget. */
type Point = Candidate & Pickable;

/** The smallest word budget that still leaves room for a statement (subject, verb, object and more). */
export const MIN_MAX_WORDS = 5;

/** Without `--slides`, a section shows about this share of its sentences. */
const SHARE_OF_SENTENCES = 0.4;
/** Points a section keeps for its own slide before the conclusion may take more of them. */
const MIN_SECTION_POINTS = 2;
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
 * The condense stage: turns an {@link Article} into a {@link Deck}. It ranks the sentences, picks
 * the 3–5 most central ones for the conclusion and the most important remaining ones for each
 * section (by maximal marginal relevance, so no two bullets say the same thing), shortens each by
 * deletion only, and plans the slides: title, agenda, content slides with continuations, glossary,
 * conclusion. Every bullet's source sentence goes into its slide's speaker notes.
 */
export function condense(article: Article, options: CondenseOptions = {}): Deck {
  const settings: Settings = {
    maxBullets: options.maxBullets ?? 5,
    maxWords: Math.max(MIN_MAX_WORDS, options.maxWords ?? 14),
    notes: options.notes ?? true,
    slides: options.slides,
  };
  const labels = labelsFor(article.lang);
  const points: Point[] = rankSentences(article).flatMap((candidate) => {
    const bullet = compressSentence(candidate.sentence.text, { lang: article.lang, maxWords: settings.maxWords });
    if (bullet === undefined) return [];
    // A bullet that opens with a pronoun ("Mereka …", "It …") leans on a sentence the slide lacks.
    const weight = DANGLING_PRONOUN.test(bullet) ? 0.8 : 1;
    return [{ ...candidate, localScore: candidate.localScore * weight, globalScore: candidate.globalScore * weight, bullet }];
  });
  // One pass, not a filter per section: an article of many sections would cost sections × points.
  const pointsBySection: Point[][] = article.sections.map(() => []);
  for (const point of points) pointsBySection[point.section]!.push(point);
  const contentSections = article.sections.flatMap((section, index) => (section.paragraphs.length > 0 ? [index] : []));

  const agenda = agendaSlides(article, labels, settings);
  const glossary = glossarySlides(article, labels, settings);
  const takeaways = pickTakeaways(points, pointsBySection, article, settings.maxBullets);
  const quotas = sectionQuotas(article, contentSections, pointsBySection, settings, 2 + agenda.length + glossary.length);

  const shown: Point[] = [...takeaways];
  const conclusionCount = takeaways.length;
  const comparedWith = () => (shown.length <= MAX_COMPARED_POINTS ? shown : [...shown.slice(0, conclusionCount), ...shown.slice(conclusionCount - MAX_COMPARED_POINTS)]);
  const sectionSlides = contentSections.flatMap((sectionIndex) => {
    const pool = pointsBySection[sectionIndex]!.filter((point) => !takeaways.includes(point));
    const score = (point: Point) => point.localScore;
    let chosen = selectByMmr(pool, score, quotas.get(sectionIndex) ?? 1, comparedWith());
    // Every section with text gets a slide. When all it says is already on the deck, it takes its
    // point back from the conclusion; failing that, it shows the opening words of a sentence of
    // its own; and only as a last resort a point the deck already has.
    if (chosen.length === 0) {
      chosen = selectByMmr(pool, score, 1, comparedWith().filter((point) => !takeaways.includes(point)));
      for (const point of chosen) {
        const twins = takeaways.filter((takeaway) => nearDuplicateBullets(bulletWordsOf(takeaway), bulletWordsOf(point)) || takeaway.order === point.order);
        for (const twin of twins) takeaways.splice(takeaways.indexOf(twin), 1);
      }
    }
    if (chosen.length === 0) chosen = openingWords(article, sectionIndex, settings.maxWords, comparedWith());
    if (chosen.length === 0) chosen = selectByMmr(pool, score, 1);
    if (chosen.length === 0) chosen = openingWords(article, sectionIndex, settings.maxWords, []);
    shown.push(...chosen);
    const heading = article.sections[sectionIndex]!.heading ?? labels.introduction;
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
 * sentences on), leaving each section at least two of its own, so every section keeps a real slide.
 */
function pickTakeaways(points: Point[], pointsBySection: Point[][], article: Article, maxBullets: number): Point[] {
  const sentenceCount = article.sections.reduce((sum, section) => sum + section.paragraphs.reduce((n, p) => n + p.sentences.length, 0), 0);
  // One slide holds the conclusion, so the bullet budget caps it.
  const count = Math.min(maxBullets, sentenceCount >= 12 ? 5 : sentenceCount >= 8 ? 4 : 3);
  const picked = selectByMmr(points, (point) => point.globalScore, count);
  // A section keeps at least two of its points (one, if it has only one) for its own slide: give
  // back its least central takeaways until it does.
  for (const pool of pointsBySection) {
    const keep = Math.min(MIN_SECTION_POINTS, pool.length);
    let taken = pool.filter((point) => picked.includes(point));
    while (pool.length - taken.length < keep) {
      const weakest = taken.reduce((low, point) => (point.globalScore < low.globalScore ? point : low));
      picked.splice(picked.indexOf(weakest), 1);
      taken = taken.filter((point) => point !== weakest);
    }
  }
  return picked;
}

/**
 * A fallback for a section none of whose sentences can be cut to the budget at a boundary, or
 * whose points are all on the deck already: the opening words of its most important sentence
 * that is new to the deck (`shown`), marked as cut.
 */
function openingWords(article: Article, sectionIndex: number, maxWords: number, shown: readonly Pickable[]): Point[] {
  const candidates = rankSentences({ ...article, sections: [article.sections[sectionIndex]!] }).map((candidate): Point => {
    const bullet = fitWords(candidate.sentence.text.replace(/[.!?]+$/u, ''), maxWords);
    return { ...candidate, section: sectionIndex, bullet };
  });
  return selectByMmr(candidates, (candidate) => candidate.localScore, 1, shown);
}

/**
 * How many points each section shows. By default about {@link SHARE_OF_SENTENCES} of its sentences,
 * one at least and two slides' worth at most. With `--slides N`, the slides left after the fixed
 * ones are shared out in proportion to section length (every section keeps one), and each section
 * fills its slides with its most important points.
 */
function sectionQuotas(article: Article, sections: number[], pointsBySection: Point[][], settings: Settings, fixedSlides: number): Map<number, number> {
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
    const usable = Math.max(1, pointsBySection[share.index]!.length);
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
