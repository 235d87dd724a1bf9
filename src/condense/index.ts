import { type Labels, LANGUAGES } from '../lang/index.js';
import type { Article, Deck, Notice, Slide } from '../model.js';
import { withFigureSlides } from './figures.js';
import { structureArticle } from './structure.js';
import { closingPart } from './conclusion.js';
import { type CondenseOptions, MIN_MAX_WORDS } from './options.js';
import { sentencesInQuotes } from './quotes.js';
import { sourcesSlide } from './sources.js';
import { type Compression, type SentenceParser, compressSentence, unfitWhole } from './compress.js';
import { wordCount } from './count.js';
import { type Candidate, rankSentences } from './rank.js';
import { type Pickable, selectByMmr } from './select.js';
import { keywordsOf, termsOf } from './terms.js';

export type { Compression, CompressOptions, SentenceParser, Unfit } from './compress.js';
export { compressSentence } from './compress.js';
export { wordCount } from './count.js';
export { structureArticle } from './structure.js';
export { type CondenseOptions, MIN_MAX_WORDS } from './options.js';

interface Settings {
  maxBullets: number;
  maxWords: number;
  notes: boolean;
  slides: number | undefined;
}

/** A ranked sentence that can be shown: it has a bullet. */
type Point = Candidate & Pickable;

/** Without `--slides`, a section shows about this share of its sentences. */
const SHARE_OF_SENTENCES = 0.4;
/** The article's lead: its first sentences, which may be shown over the word budget (see `Bullets.lead`). */
const LEAD_SENTENCES = 3;
/** How far over the budget a lead's bullet may run: this many times it. */
const LEAD_STRETCH = 2;
/** Agendas need at least this many sections to be worth a slide. */
const MIN_AGENDA_SECTIONS = 3;
/**
 * The most points already on the deck that a section's points are compared with (for redundancy
 * and near-duplicates): the latest ones. Fifty slides' worth, more than any
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
  /** By sentence text (and whether it is inside a quotation): a sentence an article repeats is parsed once. */
  private readonly compressions = new Map<string, Compression>();
  private readonly points = new Map<number, Point | null>();
  /** Per section, paragraph and sentence: whether it stands inside a quotation opened before it. */
  private readonly inQuotes: boolean[][][];

  constructor(
    private readonly article: Article,
    private readonly parser: SentenceParser,
    private readonly maxWords: number,
  ) {
    this.inQuotes = sentencesInQuotes(article);
  }

  private quoted(candidate: Candidate): boolean {
    return this.inQuotes[candidate.section]![candidate.paragraph]![candidate.indexInParagraph]!;
  }

  compression(candidate: Candidate): Compression {
    const quoted = this.quoted(candidate);
    const key = `${quoted ? 'q' : '-'}${candidate.sentence.text}`;
    let compression = this.compressions.get(key);
    if (compression === undefined) {
      compression = compressSentence(candidate.sentence.text, this.parser, { lang: this.article.lang, maxWords: this.maxWords, quoted });
      this.compressions.set(key, compression);
    }
    return compression;
  }

  private point(candidate: Candidate): Point | undefined {
    let point = this.points.get(candidate.order);
    if (point === undefined) {
      const compression = this.compression(candidate);
      // A bullet that points back to the sentence before it ("Ia …", "Pesawat ini …") can follow
      // that sentence's bullet on the same slide: the section's previous sentence.
      const follows = compression.unfit === 'dangling-reference' && candidate.indexInSection > 0 ? candidate.order - 1 : undefined;
      const usable = compression.unfit === undefined || follows !== undefined;
      // (Its terms are made only for a bullet that can be shown: stemming every unusable one was wasted.)
      point = usable ? { ...candidate, bullet: compression.text, terms: new Set(termsOf(compression.text, this.article.lang)), ...(follows === undefined ? {} : { follows }) } : null;
      this.points.set(candidate.order, point);
    }
    return point ?? undefined;
  }

  readonly within = (candidate: Candidate): Point | undefined => (this.compression(candidate).overBudget ? undefined : this.point(candidate));
  readonly over = (candidate: Candidate): Point | undefined => this.point(candidate);
  /**
   * The sentence itself, for a section none of whose sentences makes a bullet: the author's words
   * are never a fragment. Not a question or a teaser, which are no point at all, nor one that opens
   * with a connective or a pronoun or quotes someone in the first person without saying who; nor
   * one over {@link LEAD_STRETCH} times the budget, which no audience reads off a slide.
   */
  readonly whole = (candidate: Candidate): Point | undefined => {
    const text = candidate.sentence.text;
    if (wordCount(text) > LEAD_STRETCH * this.maxWords) return undefined;
    // Nor one that opens mid-thought: in lower case or with a bracket (the rest of a sentence cut in two).
    if (/^[\p{P}\s]*\p{Ll}|^\s*\p{Ps}/u.test(text) || unfitWhole(text, this.compression(candidate), { lang: this.article.lang, quoted: this.quoted(candidate) }) !== undefined) return undefined;
    return { ...candidate, bullet: sentenceAsBullet(text) };
  };
  /**
   * A point of the article's lead (its first {@link LEAD_SENTENCES} sentences), which news states
   * first because it matters most: its bullet when that fits; else, rather than a later sentence,
   * its bullet over the budget, or — when the parser found no predicate in it (a misparse: the
   * author wrote a statement) — the sentence whole, either up to {@link LEAD_STRETCH} times the
   * budget. Never a fragment, a question, a dangling opener or an unattributed quote.
   */
  readonly lead = (candidate: Candidate): Point | undefined => {
    if (candidate.order >= LEAD_SENTENCES) return this.within(candidate);
    const compression = this.compression(candidate);
    if (isBroken(compression)) return this.whole(candidate);
    // (`point` refuses the rest: a question, a teaser, an unattributed quote, a bullet pointing back at a section's start.)
    return wordCount(compression.text) <= LEAD_STRETCH * this.maxWords ? this.point(candidate) : undefined;
  };
}

/** A sentence shown whole as a bullet: the author's words, without the final mark bullets do not carry. */
export function sentenceAsBullet(text: string): string {
  // (Nor the dash of a list item or a dateline the sentence was split from: "- Pasca hengkangnya …".)
  return text.trim().replace(/^[-–—•·*]+\s+/u, '').replace(/(?<![.!?…。．！？])[.!?…。．！？]+$/u, '');
}

/**
 * The bullet `ringkas compress` answers for a sentence: its compression, or — when pruning could
 * not keep a statement (no predicate left, a word promising more at the end, a pair or a written
 * word split) — the sentence whole, which keeps every guarantee a fragment would break.
 */
export function compressedOrWhole(text: string, compression: Compression): string {
  return isBroken(compression) ? sentenceAsBullet(text) : compression.text;
}

/** Whether pruning broke the sentence (no predicate left, cut short, a pair or a word split), rather than the sentence being no point. */
function isBroken(compression: Compression): boolean {
  const unfit = compression.unfit;
  return unfit === 'no-predicate' || unfit === 'cut-short' || unfit === 'split-pair' || unfit === 'split-word';
}

/**
 * The condense stage: turns an {@link Article} into a {@link Deck} that tells the article's story.
 * It ranks the sentences, picks the most important ones of each section (by maximal marginal
 * relevance, so no two bullets say the same thing), compresses each on its dependency tree
 * (`parser`: the syntax stage, loaded for the article's language), and plans the slides in the
 * article's order: title, agenda, content slides with continuations, glossary, conclusion. The
 * conclusion is the article's own closing section or concluding paragraph when it has one, else a
 * recap of the deck's most central points. Every bullet's source sentence goes into its slide's
 * speaker notes. A sentence whose compression cannot meet the guarantees (a question, a teaser, a
 * fragment, a dangling reference, an unattributed quote) is passed over; one that cannot fit the
 * word budget is used only when its section has nothing shorter. With `slides`, sections are
 * merged or given more slides, and the agenda, sources and glossary dropped in that order, to
 * come within one slide of it; the deck's `warnings` say why when that cannot be done.
 *
 * An article without headings should first go through {@link structureArticle}.
 */
export function condense(article: Article, parser: SentenceParser, options: CondenseOptions = {}): Deck {
  const settings: Settings = {
    maxBullets: options.maxBullets ?? 5,
    maxWords: Math.max(MIN_MAX_WORDS, options.maxWords ?? 14),
    notes: options.notes ?? true,
    slides: options.slides,
  };
  const language = LANGUAGES[article.lang];
  const labels = language.labels;
  const candidates = rankSentences(article);
  const bullets = new Bullets(article, parser, settings.maxWords);
  const warnings: Notice[] = [];

  // The article's own conclusion: its closing part's best points. A closing section becomes the
  // conclusion slide instead of a content slide; a concluding paragraph leaves its section's
  // slide, unless it is all that section says.
  const closing = closingPart(article.sections, language.conclusionCues, (text) => termsOf(text, article.lang), article.headingsInferred === true);
  const conclusionSize = Math.min(settings.maxBullets, candidates.length >= 12 ? 5 : candidates.length >= 8 ? 4 : 3);
  const inClosing = (candidate: Candidate) => closing !== undefined && candidate.section === closing.section && (closing.kind === 'section' || candidate.paragraph === closing.paragraph);
  const closingPoints = closing ? selectByMmr(candidates.filter(inClosing), (candidate) => candidate.localScore, conclusionSize, [], bullets.within) : [];
  const closingSection = closing?.kind === 'section' && closingPoints.length > 0 ? closing.section : undefined;
  const leftOut = closing?.kind === 'paragraph' && closingPoints.length > 0 && article.sections[closing.section]!.paragraphs.length > 1 ? inClosing : () => false;

  // One pass, not a filter per section: an article of many sections would cost sections × candidates.
  const candidatesBySection: Candidate[][] = article.sections.map(() => []);
  for (const candidate of candidates) if (!leftOut(candidate)) candidatesBySection[candidate.section]!.push(candidate);
  const contentSections = article.sections.flatMap((section, index) => (section.paragraphs.length > 0 && index !== closingSection ? [index] : []));
  const sizes = new Map(contentSections.map((index) => [index, candidatesBySection[index]!.length]));

  // The agenda as it would be with a slide per section; when it stays, no section is merged.
  const fullAgenda = options.agenda ?? true ? agendaSlides(contentSections.map((index) => [index]), article, labels, settings, closingSection) : [];
  const sources = options.sources ?? true ? sourcesSlide(article, labels) : undefined;
  const plan = planSlides(contentSections, sizes, settings, {
    agendaSlides: fullAgenda.length,
    glossary: (options.glossary ?? true) && article.glossary.length > 0,
    sources: sources !== undefined,
  });
  const agenda = plan.agenda ? fullAgenda : [];

  // The article's most central points (news states them first) are chosen before any section's,
  // and shown on their sections' slides: a recap, when the article has no conclusion of its own,
  // repeats points the deck has made, and the lead is never left out of the content slides.
  const central = closingPoints.length > 0 ? [] : selectByMmr(candidates.filter((candidate) => !leftOut(candidate) && sizes.has(candidate.section)), (candidate) => candidate.globalScore, conclusionSize, [], bullets.lead);
  const shown: Point[] = [];
  // Which content slide shows each point (by its order), counting from 0.
  const slideOf = new Map<number, number>();
  let slideCount = 0;
  const comparedWith = () => (shown.length <= MAX_COMPARED_POINTS ? shown : shown.slice(-MAX_COMPARED_POINTS));
  const sectionSlides = plan.groups.flatMap((group, groupIndex) => {
    const pool = group.flatMap((sectionIndex) => candidatesBySection[sectionIndex]!);
    const score = (candidate: Candidate) => candidate.localScore;
    const seeded = central.filter((point) => group.includes(point.section)).slice(0, plan.quotas[groupIndex]!);
    const seededOrders = new Set(seeded.map((point) => point.order));
    let chosen = [...seeded, ...selectByMmr(pool.filter((candidate) => !seededOrders.has(candidate.order)), score, plan.quotas[groupIndex]! - seeded.length, [...comparedWith(), ...seeded], bullets.within)];
    // Every section with text gets a slide: failing a new point within the budget, it shows a
    // bullet over the budget, then a point the deck already has; and when no sentence of it makes
    // a bullet, a sentence whole.
    if (chosen.length === 0) chosen = selectByMmr(pool, score, 1, comparedWith(), bullets.over);
    if (chosen.length === 0) chosen = selectByMmr(pool, score, 1, [], bullets.over);
    if (chosen.length === 0) chosen = selectByMmr(pool, score, 1, [], bullets.whole);
    const clings = (point: Point) => point.follows !== undefined;
    // A bullet that points back never opens a slide: with room for one bullet a slide (--max-bullets 1), it is left out.
    const groups = chunk(bySourceOrder(chosen), settings.maxBullets, clings).map((points) => (clings(points[0]!) ? points.slice(1) : points)).filter((points) => points.length > 0);
    for (const points of groups) {
      for (const point of points) slideOf.set(point.order, slideCount);
      slideCount += 1;
    }
    shown.push(...groups.flat());
    const sectionIndex = group[0]!;
    const heading = article.sections[sectionIndex]!.heading ?? labels.introduction;
    // A section with text but no sentence to show (a run of words without a stop) keeps its slide, with its heading alone.
    if (groups.length === 0) return [{ kind: 'content', section: sectionIndex, title: heading, bullets: [], notes: [] } satisfies Slide];
    return groups.map(
      (slidePoints, part): Slide => ({
        kind: 'content',
        section: sectionIndex,
        title: part === 0 ? heading : `${heading} (${labels.continued})`,
        bullets: slidePoints.map((point) => point.bullet),
        notes: settings.notes ? slidePoints.map((point) => point.sentence.text) : [],
      }),
    );
  });

  // Without a conclusion of its own, the article's most central points shown: a recap — of three
  // when they are all on one slide (a news story's lead), the first three of them, so that it is not
  // that slide again; and none when that slide holds three points or fewer.
  let recap = central.filter((point) => slideOf.has(point.order)).slice(0, conclusionSize);
  const recapSlide = slideOf.get(recap[0]?.order ?? -1);
  if (recap.every((point) => slideOf.get(point.order) === recapSlide)) {
    const onThatSlide = [...slideOf.values()].filter((slide) => slide === recapSlide).length;
    recap = onThatSlide > 3 ? bySourceOrder(recap).slice(0, 3) : [];
  }
  recap = withAntecedents(recap);
  const concluding = closingPoints.length > 0 ? closingPoints : recap;
  const conclusion: Slide[] = concluding.length === 0 ? [] : [conclusionSlide(bySourceOrder(concluding), labels, settings)];
  const onSlides = [...sectionSlides, ...conclusion].flatMap((slide) => [slide.title, ...slide.bullets]);
  const glossary = plan.glossary ? glossarySlides(article, onSlides, labels, settings) : [];
  const slides: Slide[] = [titleSlide(article, options.institution), ...agenda, ...sectionSlides, ...glossary, ...conclusion, ...(plan.sources && sources ? [sources] : [])];
  if (settings.slides !== undefined && Math.abs(slides.length - settings.slides) > 1) warnings.push({ message: slideCountWarning(settings.slides, slides.length, plan) });
  const texts = article.sections.flatMap((section) => [section.heading ?? '', ...section.paragraphs.flatMap((p) => p.sentences.map((sentence) => sentence.text))]);
  const deck: Deck = { title: article.title, lang: article.lang, keywords: keywordsOf(texts, article.lang), slides };
  if (article.author) deck.author = article.author;
  if (warnings.length > 0) deck.warnings = warnings;
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

/** The conclusion: its points, with their source sentences as notes. */
function conclusionSlide(points: readonly Point[], labels: Labels, settings: Settings): Slide {
  return { kind: 'conclusion', title: labels.conclusion, bullets: points.map((point) => point.bullet), notes: settings.notes ? points.map((point) => point.sentence.text) : [] };
}

/** Which slides the deck has: the content sections grouped onto slides, how many points each group shows, and the optional slides kept. */
interface SlidePlan {
  /** Consecutive content sections that share slides (one section each unless `--slides` asks for fewer). */
  groups: number[][];
  /** Points each group shows. */
  quotas: number[];
  agenda: boolean;
  glossary: boolean;
  sources: boolean;
  /** The most content slides the article's points can fill. */
  mostContentSlides: number;
}

/**
 * Plans the deck's slides. By default every content section shows about
 * {@link SHARE_OF_SENTENCES} of its sentences (one at least, two slides' worth at most). With
 * `--slides N`, the agenda, the sources and then the glossary give way while the content sections
 * do not fit; then neighbouring sections are merged into runs of about equal length; and slides left over
 * are shared out in proportion to the sections' length, each filled with its best points.
 */
function planSlides(sections: number[], sizes: ReadonlyMap<number, number>, settings: Settings, optional: { agendaSlides: number; glossary: boolean; sources: boolean }): SlidePlan {
  const plan: SlidePlan = {
    groups: sections.map((index) => [index]),
    quotas: [],
    agenda: optional.agendaSlides > 0,
    glossary: optional.glossary,
    sources: optional.sources,
    mostContentSlides: sections.reduce((sum, index) => sum + Math.max(1, Math.ceil(sizes.get(index)! / settings.maxBullets)), 0),
  };
  const groupSize = (group: readonly number[]) => group.reduce((sum, index) => sum + sizes.get(index)!, 0);
  if (settings.slides === undefined) {
    plan.quotas = plan.groups.map((group) => clamp(Math.ceil(groupSize(group) * SHARE_OF_SENTENCES), 1, 2 * settings.maxBullets));
    return plan;
  }
  const fixed = () => 2 + (plan.agenda ? optional.agendaSlides : 0) + (plan.glossary ? 1 : 0) + (plan.sources ? 1 : 0);
  for (const kind of ['agenda', 'sources', 'glossary'] as const) {
    if (settings.slides - fixed() >= plan.groups.length) break;
    plan[kind] = false;
  }
  const room = Math.max(1, settings.slides - fixed());
  if (plan.groups.length > room) {
    // Neighbouring sections merge into `room` runs of about equal length, in one pass (an article
    // of 20,000 sections asked for 5 slides must not cost their square).
    plan.groups = mergeIntoRuns(plan.groups, groupSize, room);
  }
  // Every group has one slide; the rest are shared by length (largest remainder), within what each can fill.
  const total = plan.groups.reduce((sum, group) => sum + groupSize(group), 0);
  const extra = Math.max(0, room - plan.groups.length);
  const shares = plan.groups.map((group, index) => {
    const exact = (extra * groupSize(group)) / Math.max(total, 1);
    return { index, slides: 1 + Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = room - shares.reduce((sum, share) => sum + share.slides, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder || a.index - b.index)) {
    if (left <= 0) break;
    share.slides += 1;
    left -= 1;
  }
  plan.quotas = shares.map((share) => Math.max(1, Math.min(share.slides * settings.maxBullets, groupSize(plan.groups[share.index]!))));
  return plan;
}

/**
 * Consecutive groups joined into `runs` runs, cut where the running total of their sizes crosses
 * each equal share; every run holds at least one group.
 */
function mergeIntoRuns(groups: readonly number[][], size: (group: readonly number[]) => number, runs: number): number[][] {
  const sizes = groups.map((group) => Math.max(1, size(group)));
  const total = sizes.reduce((sum, value) => sum + value, 0);
  const merged: number[][] = [];
  let seen = 0;
  groups.forEach((group, index) => {
    const left = groups.length - index;
    // A new run starts when the share before it is full, or when the groups left are just enough to give each run left one.
    const share = Math.floor((seen * runs) / total);
    const startNew = merged.length === 0 || (merged.length < runs && (share >= merged.length || left <= runs - merged.length));
    if (startNew) merged.push([...group]);
    else merged.at(-1)!.push(...group);
    seen += sizes[index]!;
  });
  return merged;
}

/** Why a deck missed the slide count asked for by more than one. */
function slideCountWarning(asked: number, made: number, plan: SlidePlan): string {
  const reason =
    made > asked
      ? `a deck needs a title, a slide of content and a conclusion`
      : `the article has points for ${plan.mostContentSlides} content slide${plan.mostContentSlides === 1 ? '' : 's'} at most`;
  return `--slides ${asked}: made ${made} slides, as ${reason}`;
}

/**
 * The agenda: the titles of the top-level content slides in order (the closing section, which the
 * conclusion slide shows, by that slide's title), on as many slides as the bullet budget needs;
 * none for fewer than {@link MIN_AGENDA_SECTIONS} sections.
 */
function agendaSlides(groups: readonly number[][], article: Article, labels: Labels, settings: Settings, closingSection: number | undefined): Slide[] {
  const headings = groups.filter((group) => article.sections[group[0]!]!.depth === 1).map((group) => article.sections[group[0]!]!.heading ?? labels.introduction);
  if (headings.length < MIN_AGENDA_SECTIONS) return [];
  if (closingSection !== undefined) headings.push(labels.conclusion);
  const entries = headings.map((heading) => fitWords(heading, settings.maxWords));
  // An agenda longer than two slides is a table of contents nobody reads aloud: the rest is counted.
  const room = 2 * settings.maxBullets;
  if (entries.length > room) entries.splice(room - 1, entries.length, labels.more(entries.length - room + 1));
  return listSlides('agenda', labels.agenda, entries, labels, settings);
}

/** The glossary: "TERM: expansion" for every acronym the article defines that a slide uses. */
function glossarySlides(article: Article, onSlides: readonly string[], labels: Labels, settings: Settings): Slide[] {
  const used = article.glossary.filter(({ term }) => onSlides.some((text) => mentions(text, term)));
  const entries = used.map(({ term, expansion }) => fitWords(`${term}: ${expansion}`, settings.maxWords));
  return entries.length === 0 ? [] : listSlides('glossary', labels.glossary, entries, labels, settings);
}

/** Whether `text` has `term` as a word of its own (not inside a longer word: "UN" is not in "UNESCO"). */
function mentions(text: string, term: string): boolean {
  const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);
  for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
    if (!isWordCharacter(text[at - 1]) && !isWordCharacter(text[at + term.length])) return true;
  }
  return false;
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

/**
 * Splits items into as few groups of at most `size` as possible, of near-equal length. An item
 * that `clings` to the one before it (a bullet pointing back to the previous bullet) does not open
 * a group: the cut moves back before that one, or forward past it when back leaves nothing.
 */
function chunk<T>(items: readonly T[], size: number, clings: (item: T) => boolean = () => false): T[][] {
  const result: T[][] = [];
  let start = 0;
  while (start < items.length) {
    const groupsLeft = Math.ceil((items.length - start) / size);
    let end = start + Math.ceil((items.length - start) / groupsLeft);
    while (end < items.length && end > start + 1 && clings(items[end]!)) end -= 1;
    while (end < items.length && end - start < size && clings(items[end]!)) end += 1;
    result.push(items.slice(start, end));
    start = end;
  }
  return result;
}

/** The points whose antecedent (the point they follow) is among them: a recap never shows "Ia …" without whom it means. */
function withAntecedents<T extends { order: number; follows?: number }>(points: readonly T[]): T[] {
  const orders = new Set(points.map((point) => point.order));
  const kept: T[] = [];
  for (const point of bySourceOrder(points)) {
    if (point.follows !== undefined && !orders.has(point.follows)) {
      orders.delete(point.order);
      continue;
    }
    kept.push(point);
  }
  return kept;
}

function bySourceOrder<T extends { order: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** An article and the deck made from it. */
export interface ArticleDeck {
  article: Article;
  deck: Deck;
}

/**
 * The condense stage on a parsed article: the article given the structure a deck needs (topical
 * sections and a headline for one without headings), its deck, and its figures' slides. What the
 * deck could not do as asked joins the article's warnings. The article returned is the structured
 * one, whose sections the deck's slides refer to.
 */
export function deckOf(parsed: Article, parser: SentenceParser, options: CondenseOptions = {}): ArticleDeck {
  const article = structureArticle(parsed, parser);
  const deck = withFigureSlides(condense(article, parser, options), article);
  if (deck.warnings) article.warnings = [...article.warnings, ...deck.warnings];
  return { article, deck };
}
