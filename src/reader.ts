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
  /** `id`, `en`, or `unknown` for a language ringkas has no word lists for. */
  lang: string;
  /** Where the article came from: the address the page gives for itself, else the input path. */
  source: string | undefined;
  sections: { heading: string | undefined; depth: number; paragraphs: string[] }[];
  warnings: string[];
}

/** The reader view of a parsed article read from `path`. */
export function readerViewOf(path: string, article: Article): ReaderView {
  return {
    title: article.title,
    author: article.author,
    date: article.date,
    lang: article.lang,
    source: path === '-' ? undefined : path,
    sections: article.sections.map((section) => ({
      heading: section.heading,
      depth: section.depth,
      paragraphs: section.paragraphs.map((paragraph) => paragraph.sentences.map((sentence) => sentence.text).join(' ')),
    })),
    warnings: article.warnings.map((notice) => formatNotice(path, notice)),
  };
}

/**
 * The reader view as Markdown: YAML front matter, then the headings and paragraphs. Every text is
 * escaped, so that what a page says can never become markup, HTML or a directive when the output is
 * read again — by ringkas or by anything else.
 */
export function readerMarkdown(view: ReaderView): string {
  const lines = ['---'];
  for (const key of ['title', 'author', 'date', 'lang', 'source'] as const) {
    const value = view[key];
    if (value !== undefined) lines.push(`${key}: ${JSON.stringify(value.replace(/\s+/gu, ' ').trim())}`);
  }
  lines.push('---');
  for (const section of view.sections) {
    if (section.heading !== undefined) lines.push('', `${'#'.repeat(Math.min(section.depth + 1, 6))} ${escapeInline(section.heading)}`);
    for (const paragraph of section.paragraphs) lines.push('', escapeInline(paragraph));
  }
  return `${lines.join('\n')}\n`;
}
