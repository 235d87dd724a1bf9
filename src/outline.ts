import { LANGUAGES } from './lang/index.js';
import type { Article, Deck } from './model.js';
import { formatNotice } from './pipeline.js';

/**
 * What ringkas understood of an article, as `ringkas outline --json` prints it. CI users script
 * against this shape: add fields, never rename or remove them.
 */
export interface Outline {
  title: string;
  /** `id`, `en`, or `unknown` for a language ringkas has no word lists for. */
  lang: string;
  /** Where the article came from: the address a URL input was fetched from, else its metadata's address or credit, or `--source`. */
  source?: string;
  /** Every section in order; `points` are the bullets its slides show (none for a heading whose text is all in subsections). */
  sections: { heading: string; points: string[] }[];
  /** The conclusion slide's points. */
  takeaways: string[];
  glossary: { term: string; expansion: string }[];
  /** The figures the deck shows: the heading of the section each stands in, and its caption. */
  figures?: { section: string; caption: string }[];
  /** The sources slide's lines (title, author, publication, date, address), when the deck has one. */
  sources?: string[];
  warnings: string[];
}

/** The outline of an article and its deck. */
export function outlineOf(path: string, article: Article, deck: Deck): Outline {
  const labels = LANGUAGES[article.lang].labels;
  const sources = deck.slides.filter((slide) => slide.kind === 'sources').flatMap((slide) => slide.bullets);
  return {
    title: deck.title,
    lang: article.unknownLanguage ? 'unknown' : article.lang,
    ...(article.source ? { source: article.source } : {}),
    sections: article.sections.map((section, index) => ({
      heading: section.heading ?? labels.introduction,
      points: deck.slides.filter((slide) => slide.kind === 'content' && slide.section === index).flatMap((slide) => slide.bullets),
    })),
    takeaways: takeawaysOf(deck),
    glossary: article.glossary.map(({ term, expansion }) => ({ term, expansion })),
    ...(article.figures ? { figures: figuresOf(article, labels.introduction) } : {}),
    ...(sources.length > 0 ? { sources } : {}),
    warnings: article.warnings.map((notice) => formatNotice(path, notice)),
  };
}

/** The slides that hold the deck's takeaways: its conclusion, or for a deck too short for one, its content slides. */
export function takeawaySlides(deck: Deck): Deck['slides'] {
  const conclusion = deck.slides.filter((slide) => slide.kind === 'conclusion');
  return conclusion.length > 0 ? conclusion : deck.slides.filter((slide) => slide.kind === 'content');
}

/** The deck's takeaways: the bullets of {@link takeawaySlides}. */
export function takeawaysOf(deck: Deck): string[] {
  return takeawaySlides(deck).flatMap((slide) => slide.bullets);
}

/** The article's figures as the outline and the build report list them. */
export function figuresOf(article: Article, introduction = LANGUAGES[article.lang].labels.introduction): { section: string; caption: string }[] {
  return (article.figures ?? []).map((figure) => ({ section: article.sections[figure.section]?.heading ?? introduction, caption: figure.caption }));
}

/** The outline as Markdown for reading in a terminal. */
export function outlineMarkdown(outline: Outline): string {
  // A language ringkas does not know ("unknown") is labelled in English, as its slides are.
  const labels = LANGUAGES[outline.lang === 'id' ? 'id' : 'en'].labels;
  const lines = [`# ${outline.title}`, '', `Language: ${outline.lang}`, ...(outline.source ? [`Source: ${outline.source}`] : [])];
  const list = (heading: string, items: string[]) => {
    lines.push('', `## ${heading}`, '');
    lines.push(...(items.length > 0 ? items.map((item) => `- ${item}`) : ['(no points)']));
  };
  for (const section of outline.sections) list(section.heading, section.points);
  if (outline.glossary.length > 0) list(labels.glossary, outline.glossary.map(({ term, expansion }) => `${term}: ${expansion}`));
  if (outline.figures && outline.figures.length > 0) list(outline.lang === 'en' ? 'Figures' : 'Gambar', outline.figures.map(({ section, caption }) => `${section}: ${caption || '(no caption)'}`));
  if (outline.takeaways.length > 0) list(labels.conclusion, outline.takeaways);
  if (outline.sources) list(labels.sources, outline.sources);
  return `${lines.join('\n')}\n`;
}
