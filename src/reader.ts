import type { Article } from './model.js';
import { formatNotice } from './pipeline.js';
import { escapeInline } from './serialize/escape.js';

/**
 * The article as ringkas understood it, before anything is condensed: what `ringkas read --json`
 * prints. Scripts rely on this shape: add fields, never rename or remove them.
 */
export interface ReaderView {
  title: string;
  author: string | undefined;
  date: string | undefined;
  /** `id`, `en`, or `unknown` for a language ringkas has no word lists for (read with English labels). */
  lang: string;
  /** Where the article came from: the address it was fetched from, else the address or credit its metadata gives, else the input path. */
  source: string | undefined;
  /** The publication it appeared in, where known. */
  publication: string | undefined;
  /** The sections in order; the text before the first heading has the heading `undefined` (`null` in JSON). */
  sections: { heading: string | null; depth: number; paragraphs: string[] }[];
  warnings: string[];
}

/** The reader view of an article parsed from `path` (`-` for standard input). */
export function readerViewOf(path: string, article: Article): ReaderView {
  return {
    title: article.title,
    author: article.author,
    date: article.date,
    lang: article.unknownLanguage ? 'unknown' : article.lang,
    source: article.source ?? (path === '-' ? undefined : path),
    publication: article.publication,
    sections: article.sections.map((section) => ({
      heading: section.heading ?? null,
      depth: section.depth,
      paragraphs: section.paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => sentence.text).join(' ')),
    })),
    warnings: article.warnings.map((notice) => formatNotice(path, notice)),
  };
}

/** Front matter keys of the reader view, in the order they are written. */
const FRONT_MATTER = ['title', 'author', 'date', 'lang', 'publication', 'source'] as const;

/**
 * The reader view as Markdown: YAML front matter, then the headings (`##` for the article's top
 * level: `#` would be read back as the title) and paragraphs. Every text is escaped, so that what a
 * page says can never become markup, HTML, a directive or front matter when the output is read
 * again, by ringkas or anything else.
 */
export function readerMarkdown(view: ReaderView): string {
  const lines = ['---'];
  for (const key of FRONT_MATTER) {
    const value = view[key];
    if (value !== undefined) lines.push(`${key}: ${yamlString(value)}`);
  }
  lines.push('---');
  for (const section of view.sections) {
    if (section.heading !== null) lines.push('', `${'#'.repeat(Math.min(section.depth + 1, 6))} ${escapeInline(section.heading)}`);
    for (const paragraph of section.paragraphs) lines.push('', escapeInline(paragraph));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A YAML double-quoted scalar of one line: a JSON string (which YAML reads as one) whose characters
 * that YAML does not allow raw — C1 controls, line and paragraph separators — are escaped too.
 */
function yamlString(value: string): string {
  return JSON.stringify(value.replace(/\s+/gu, ' ').trim()).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
