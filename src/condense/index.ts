import type { Article, Deck, Section, Sentence, Slide } from '../model.js';
import { compressSentence, wordCount } from './compress.js';
import { labelsFor } from './labels.js';

/** Budgets and switches of the condense stage. */
export interface CondenseOptions {
  /** Bullets per slide at most. */
  maxBullets?: number;
  /** Words per bullet at most. */
  maxWords?: number;
  /** Put the source sentences in the speaker notes. */
  notes?: boolean;
  /** Shown on the title slide under the author. */
  institution?: string;
}

const DEFAULTS = { maxBullets: 5, maxWords: 14, notes: true } as const;

/**
 * The condense stage: turns an {@link Article} into a {@link Deck} — a title slide, then one content
 * slide per section whose bullets are shortened source sentences and whose notes are those sentences.
 */
export function condense(article: Article, options: CondenseOptions = {}): Deck {
  const settings = { ...DEFAULTS, ...options };
  const labels = labelsFor(article.lang);
  const titleSlide: Slide = {
    kind: 'title',
    title: article.title,
    subtitle: [article.subtitle, article.author, settings.institution, article.date].filter(
      (line): line is string => Boolean(line),
    ),
    bullets: [],
    notes: [],
  };
  // Headings whose text is all in their subsections get no slide of their own.
  const contentSlides = article.sections.flatMap((section, index): Slide[] => {
    if (section.paragraphs.length === 0) return [];
    const points = pickPoints(section, article.lang, settings);
    return [
      {
        kind: 'content',
        section: index,
        title: section.heading ?? labels.introduction,
        bullets: points.map((point) => point.bullet),
        notes: settings.notes ? points.map((point) => point.source.text) : [],
      },
    ];
  });
  const deck: Deck = { title: article.title, lang: article.lang, slides: [titleSlide, ...contentSlides] };
  if (article.author) deck.author = article.author;
  return deck;
}

interface Point {
  bullet: string;
  source: Sentence;
  order: number;
}

/**
 * Picks up to `maxBullets` points of a section. Paragraph leads come first because authors put a
 * paragraph's topic there; the chosen points are then shown in source order.
 */
function pickPoints(section: Section, lang: Article['lang'], settings: Required<Omit<CondenseOptions, 'institution'>>): Point[] {
  const ordered = section.paragraphs.flatMap((paragraph) => paragraph.sentences).map((source, order) => ({ source, order }));
  const leads = new Set(section.paragraphs.map((paragraph) => paragraph.sentences[0]));
  const candidates = [...ordered.filter(({ source }) => leads.has(source)), ...ordered.filter(({ source }) => !leads.has(source))];
  const points: Point[] = [];
  for (const { source, order } of candidates) {
    if (points.length >= settings.maxBullets) break;
    const bullet = compressSentence(source.text, { lang, maxWords: settings.maxWords });
    if (bullet !== undefined) points.push({ bullet, source, order });
  }
  if (points.length === 0 && ordered.length > 0) {
    // No sentence can be cut at a clause boundary to fit: keep the opening words of the shortest
    // one rather than leave a section without a slide.
    const shortest = ordered.reduce((best, next) => (wordCount(next.source.text) < wordCount(best.source.text) ? next : best));
    const words = shortest.source.text.trim().split(/\s+/u).slice(0, settings.maxWords);
    points.push({ ...shortest, bullet: `${words.join(' ').replace(/[.,;:]+$/u, '')}…` });
  }
  return points.sort((a, b) => a.order - b.order);
}
